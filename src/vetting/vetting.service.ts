import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { FormInvalidError } from '../common/errors.js';
import { isRealDate } from '../common/params.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { CONTENT_TYPES, safeFileName } from '../files/content-type.js';
import { FilesRepository } from '../files/files.repository.js';
import { assertKind, type Upload } from '../files/upload.js';
import type { AssessmentDto, VettingConfigDto } from './dto/vetting.dto.js';
import type { Assessment } from './entities/assessment.entity.js';
import { DEFAULT_PRESENTATION_BRIEF, VettingConfig } from './entities/vetting-config.entity.js';
import { rubricResult } from './rubric-score.js';
import { VettingRepository } from './vetting.repository.js';
import { readOnce } from '../common/read-memo.js';

export type StepStatus = 'pass' | 'fail' | 'pending';

export interface VettingStep {
  key: 'assessment' | 'writing' | 'presentation';
  label: string;
  required: boolean;
  status: StepStatus;
  detail: string;
}

export interface GateResult {
  passed: boolean;
  steps: VettingStep[];
  unmet: string[];
}

/** The vetting steps of a position and their results per application; the gate before any interview. */
@Injectable()
export class VettingService {
  constructor(
    private readonly vetting: VettingRepository,
    private readonly files: FilesRepository,
    private readonly uow: UnitOfWork,
  ) {}

  /** The position's settings, or the method's defaults when none were saved. */
  configFor(positionId: number): Promise<VettingConfig> {
    return readOnce(
      `vetting-config:${positionId}`,
      async () =>
        (await this.vetting.findConfig(positionId)) ?? Object.assign(new VettingConfig(), { positionId, ...DEFAULTS }),
    );
  }

  async saveConfig(positionId: number, dto: VettingConfigDto): Promise<VettingConfig> {
    const config = await this.configFor(positionId);
    Object.assign(config, {
      assessmentRequired: dto.assessmentRequired === '1',
      minEligibility: dto.minEligibility,
      minSuitability: dto.minSuitability,
      writingRequired: dto.writingRequired === '1',
      writingPassMean: dto.writingPassMean,
      writingMinWords: dto.writingMinWords,
      writingMaxWords: dto.writingMaxWords,
      writingTimeLimitMinutes: dto.writingTimeLimitMinutes ?? null,
      presentationRequired: dto.presentationRequired === '1',
      presentationPassMean: dto.presentationPassMean,
      presentationBrief: dto.presentationBrief,
    });
    if (config.writingMaxWords <= config.writingMinWords)
      throw FormInvalidError.single('writingMaxWords', 'The most words must be more than the fewest');
    if (!config.assessmentRequired && !config.writingRequired && !config.presentationRequired) {
      throw FormInvalidError.single(
        'assessmentRequired',
        'Require at least one vetting step: the method vets every candidate before any interview',
      );
    }
    return this.vetting.saveConfig(config);
  }

  assessmentFor(applicationId: number): Promise<Assessment | null> {
    return readOnce(`assessment:${applicationId}`, () => this.vetting.findAssessment(applicationId));
  }

  /** Records (or replaces) the assessment result; the report, if any, must be a real PDF. */
  async recordAssessment(
    user: User,
    applicationId: number,
    dto: AssessmentDto,
    report: Upload | null,
  ): Promise<Assessment> {
    if (!isRealDate(dto.takenOn)) throw FormInvalidError.single('takenOn', 'Enter a real date');
    if (dto.takenOn > new Date().toISOString().slice(0, 10))
      throw FormInvalidError.single('takenOn', 'The assessment cannot be taken in the future');
    if (report) assertKind(report, 'report', ['pdf']);
    return this.uow.run(async () => {
      const existing = await this.vetting.findAssessment(applicationId);
      const file = report
        ? await this.files.save(
            {
              fileName: safeFileName(report.originalName, 'pdf'),
              contentType: CONTENT_TYPES.pdf,
              createdById: user.id,
            },
            report.data,
          )
        : null;
      const saved = await this.vetting.saveAssessment({
        id: existing?.id,
        applicationId,
        provider: dto.provider,
        takenOn: dto.takenOn,
        eligibility: dto.eligibility,
        suitability: dto.suitability,
        traits: dto.traits ?? null,
        reportFileId: file?.id ?? existing?.reportFileId ?? null,
        recordedById: user.id,
        recordedAt: new Date(),
      });
      if (file && existing?.reportFileId) await this.files.remove(existing.reportFileId);
      return saved;
    });
  }

  async reportOf(applicationId: number): Promise<{ fileName: string; contentType: string; data: Buffer } | null> {
    const assessment = await this.assessmentFor(applicationId);
    const data = assessment?.reportFileId ? await this.files.readData(assessment.reportFileId) : null;
    return assessment?.reportFile && data
      ? { fileName: assessment.reportFile.fileName, contentType: assessment.reportFile.contentType, data }
      : null;
  }

  /** Pass/fail/pending per step for many applications of one position, in a fixed number of queries (for the board). */
  async marks(positionId: number, applicationIds: number[]): Promise<Map<number, VettingMarks>> {
    const result = new Map<number, VettingMarks>();
    if (applicationIds.length === 0) return result;
    const config = await this.configFor(positionId);
    const [assessments, submissions, presentations] = await Promise.all([
      this.vetting.findAssessments(applicationIds),
      this.vetting.findSubmissionStates(applicationIds),
      this.vetting.findPresentationStates(applicationIds),
    ]);
    const [grades, scores] = await Promise.all([
      this.vetting.findGradesOfSubmissions(submissions.map((submission) => submission.id)),
      this.vetting.findScoresOfPresentations(presentations.map((presentation) => presentation.id)),
    ]);
    for (const applicationId of applicationIds) {
      const assessment = assessments.find((a) => a.applicationId === applicationId);
      const submission = submissions.find((s) => s.applicationId === applicationId);
      const presentation = presentations.find((p) => p.applicationId === applicationId);
      const submissionGrades = submission ? grades.filter((g) => g.submissionId === submission.id) : [];
      const presentationScores = presentation ? scores.filter((s) => s.presentationId === presentation.id) : [];
      result.set(applicationId, {
        assessment: !assessment
          ? 'pending'
          : assessment.eligibility >= config.minEligibility && assessment.suitability >= config.minSuitability
            ? 'pass'
            : 'fail',
        writing:
          submission?.submittedAt && submissionGrades.length
            ? rubricResult(submissionGrades, config.writingPassMean).status
            : 'pending',
        presentation: presentationScores.length
          ? rubricResult(presentationScores, config.presentationPassMean).status
          : 'pending',
      });
    }
    return result;
  }

  /** The applications (of one position) whose every required step has passed, in the same fixed number of queries as marks(). */
  async passedGate(positionId: number, applicationIds: number[]): Promise<number[]> {
    const [config, marks] = await Promise.all([this.configFor(positionId), this.marks(positionId, applicationIds)]);
    return applicationIds.filter((id) => {
      const mark = marks.get(id);
      return (
        mark &&
        (!config.assessmentRequired || mark.assessment === 'pass') &&
        (!config.writingRequired || mark.writing === 'pass') &&
        (!config.presentationRequired || mark.presentation === 'pass')
      );
    });
  }

  /** Per published position a manager leads: how many applications in Vetting have passed every required step. */
  passedGateCounts(managerId: number): Promise<{ positionId: number; title: string; count: number }[]> {
    return this.vetting.passedGateCounts(managerId);
  }

  /** Every required step must pass before any interview. */
  async gate(positionId: number, applicationId: number): Promise<GateResult> {
    const [config, assessment, writing, presentation] = await Promise.all([
      this.configFor(positionId),
      this.assessmentFor(applicationId),
      this.vetting.findSubmission(applicationId),
      this.vetting.findPresentation(applicationId),
    ]);
    const [grades, scores] = await Promise.all([
      this.vetting.findGradesOfSubmissions(writing ? [writing.id] : []),
      this.vetting.findScoresOfPresentations(presentation ? [presentation.id] : []),
    ]);
    const result = rubricResult(grades, config.writingPassMean);
    const scored = rubricResult(scores, config.presentationPassMean);
    const presentationState = !presentation?.uploadedAt
      ? 'No deck uploaded yet in the candidate portal.'
      : !presentation.sessionAt
        ? 'Deck uploaded; schedule the session with two or three evaluators.'
        : scored.status === 'pending'
          ? `Session scheduled (see Research presentation); ${scored.graded} of ${scored.needed} scores in.`
          : `Mean level ${scored.mean} from ${scored.graded} evaluators.`;
    const writingState = !writing
      ? 'Not started: send the candidate their portal link.'
      : !writing.submittedAt
        ? 'Started in the candidate portal, not submitted yet.'
        : grades.length === 0
          ? 'Submitted; no graders assigned yet: choose at least two graders in the vetting steps.'
          : result.status === 'pending'
            ? `Submitted; ${result.graded} of ${result.needed} blind grades in.`
            : `Mean level ${result.mean} from ${result.graded} blind graders.`;
    const assessmentPassed =
      assessment && assessment.eligibility >= config.minEligibility && assessment.suitability >= config.minSuitability;
    const steps: VettingStep[] = [
      {
        key: 'assessment',
        label: 'External assessment',
        required: config.assessmentRequired,
        status: !assessment ? 'pending' : assessmentPassed ? 'pass' : 'fail',
        detail: assessment
          ? `Eligibility ${assessment.eligibility} (pass ${config.minEligibility}), suitability ${assessment.suitability} (pass ${config.minSuitability})`
          : `Not recorded. Pass: eligibility ${config.minEligibility} and suitability ${config.minSuitability} or more.`,
      },
      {
        key: 'writing',
        label: 'Writing test',
        required: config.writingRequired,
        status: writing?.submittedAt ? result.status : 'pending',
        detail: `${writingState} Pass: a mean level of ${config.writingPassMean} or more.`,
      },
      {
        key: 'presentation',
        label: 'Research presentation',
        required: config.presentationRequired,
        status: presentation?.sessionAt && scores.length ? scored.status : 'pending',
        detail: `${presentationState} Pass: a mean level of ${config.presentationPassMean} or more.`,
      },
    ];
    const unmet = steps
      .filter((step) => step.required && step.status !== 'pass')
      .map((step) => `${step.label} has ${step.status === 'fail' ? 'failed' : 'not passed yet'}`);
    return { passed: unmet.length === 0, steps, unmet };
  }
}

export interface VettingMarks {
  assessment: StepStatus;
  writing: StepStatus;
  presentation: StepStatus;
}

const DEFAULTS: Partial<VettingConfig> = {
  assessmentRequired: true,
  minEligibility: 60,
  minSuitability: 60,
  writingRequired: true,
  writingPassMean: 3,
  writingMinWords: 150,
  writingMaxWords: 400,
  writingTimeLimitMinutes: 45,
  presentationRequired: true,
  presentationPassMean: 3,
  presentationBrief: DEFAULT_PRESENTATION_BRIEF,
};
