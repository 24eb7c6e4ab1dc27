import { AuditService } from '../audit/audit.service.js';
import { Injectable } from '@nestjs/common';
import {
  ApplicationSection,
  type ApplicationContext,
  type ApplicationSectionProvider,
} from '../candidates/application-hub.js';
import { PipelineService } from '../candidates/pipeline.service.js';
import { stages } from '../candidates/stages.js';
import { formatDateTime, wallClock } from '../common/dates.js';
import { CompanyService } from '../company/company.service.js';
import { PortalService } from './portal.service.js';
import { PresentationService } from './presentation.service.js';
import { VettingService } from './vetting.service.js';
import { WritingTestService } from './writing-test.service.js';

/** The vetting steps and their results: the gate before any interview. */
@Injectable()
@ApplicationSection({ partial: 'application/vetting', order: 20 })
export class VettingGateSection implements ApplicationSectionProvider {
  constructor(
    private readonly vetting: VettingService,
    private readonly pipeline: PipelineService,
  ) {}

  async load({ application, canManage }: ApplicationContext) {
    const [gate, reasons] = await Promise.all([
      this.vetting.gate(application.positionId, application.id),
      this.pipeline.reasons(),
    ]);
    const vettingReason = reasons.find((reason) => reason.label === 'Did not pass vetting');
    const anyFailed = gate.steps.some((step) => step.required && step.status === 'fail');
    return {
      passed: gate.passed,
      steps: gate.steps,
      vettingReasonId: vettingReason ? String(vettingReason.id) : null,
      canRejectForVetting:
        canManage && anyFailed && Boolean(vettingReason) && stages.canMove(application.stage, 'rejected'),
    };
  }
}

/** The candidate's private portal link. */
@Injectable()
@ApplicationSection({ partial: 'application/portal', order: 30 })
export class PortalLinkSection implements ApplicationSectionProvider {
  constructor(private readonly portal: PortalService) {}

  async load({ application, canManage }: ApplicationContext) {
    const [link, tasksOpen] = await Promise.all([
      this.portal.activeLink(application.id),
      this.portal.tasksOpen(application),
    ]);
    return {
      waiting: Boolean(link) && !tasksOpen,
      link:
        link && link.expiresAt > new Date()
          ? { url: this.portal.url(link), expiresAt: link.expiresAt, firstOpenedAt: link.firstOpenedAt }
          : null,
      canRevoke: canManage,
      canSend: canManage && !stages.isClosed(application.stage),
    };
  }
}

/** The candidate's writing test as submitted (graders see it masked, elsewhere). */
@Injectable()
@ApplicationSection({ partial: 'application/writing', order: 60 })
export class WritingSection implements ApplicationSectionProvider {
  constructor(
    private readonly writing: WritingTestService,
    private readonly audit: AuditService,
  ) {}

  async load({ application }: ApplicationContext) {
    const submission = await this.writing.submissionFor(application);
    // The page shows the candidate's text: each showing is a view of their document.
    if (submission?.submittedAt && submission.text)
      await this.audit.accessed('viewed', 'writing test', submission.id, { applicationId: application.id });
    return {
      submission: submission
        ? {
            prompt: submission.prompt,
            startedAt: submission.startedAt,
            submittedAt: submission.submittedAt,
            text: submission.text,
            signals: submission.signals,
          }
        : null,
    };
  }
}

/** The research presentation: deck, session and evaluators' scores once all are in. */
@Injectable()
@ApplicationSection({ partial: 'application/presentation', order: 70 })
export class PresentationSection implements ApplicationSectionProvider {
  constructor(
    private readonly presentations: PresentationService,
    private readonly company: CompanyService,
  ) {}

  async load({ user, application, canManage }: ApplicationContext) {
    const [presentation, evaluators, companyZone] = await Promise.all([
      this.presentations.forApplication(application.id),
      this.presentations.evaluatorChoices(),
      this.company.timeZone(),
    ]);
    const sessionAt = presentation?.sessionAt ?? null;
    const zones = { scheduler: user.timeZone ?? companyZone, candidate: application.candidate.timeZone ?? companyZone };
    const wall = sessionAt ? wallClock(sessionAt, zones.scheduler) : null;
    const scores = presentation ? await this.presentations.scoresOf(presentation.id) : [];
    const allScored = scores.length > 0 && scores.every((score) => score.submittedAt);
    return {
      uploadedAt: presentation?.uploadedAt ?? null,
      fileName: presentation?.deckFile?.fileName ?? null,
      sessionAt,
      // The form's date and time are in the scheduler's zone; the candidate's local time is shown beside them.
      zones,
      sessionValue: wall ? `${wall.date}T${wall.time}` : '',
      candidateLocal: sessionAt ? formatDateTime(sessionAt, zones.candidate) : '',
      // Independent scoring: individual scores appear only once every evaluator has submitted.
      scores: allScored ? scores.map((score) => ({ evaluator: score.evaluator.name, overall: score.overall })) : [],
      scoresIn: scores.filter((score) => score.submittedAt).length,
      scoresNeeded: scores.length,
      canSchedule: canManage,
      evaluators: evaluators.map((user) => ({
        value: String(user.id),
        label: user.name,
        checked: scores.some((score) => score.evaluatorId === user.id),
      })),
    };
  }
}

/** The external assessment's recorded result and the form to record or correct it. */
@Injectable()
@ApplicationSection({ partial: 'application/assessment', order: 80 })
export class AssessmentSection implements ApplicationSectionProvider {
  constructor(private readonly vetting: VettingService) {}

  async load({ application, canManage }: ApplicationContext) {
    const assessment = await this.vetting.assessmentFor(application.id);
    return {
      recorded: assessment ? { ...assessment, hasReport: Boolean(assessment.reportFileId) } : null,
      canRecord: canManage,
      form: assessment
        ? {
            provider: assessment.provider,
            takenOn: assessment.takenOn,
            eligibility: String(assessment.eligibility),
            suitability: String(assessment.suitability),
            traits: assessment.traits ?? '',
          }
        : { provider: 'Harrison Assessments', takenOn: '', eligibility: '', suitability: '', traits: '' },
    };
  }
}
