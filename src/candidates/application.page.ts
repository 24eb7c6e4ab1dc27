import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { AuditService } from '../audit/audit.service.js';
import { contributionsOf, loadSections } from '../common/contributions.js';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { positionSummary } from '../positions/positions.view.js';
import { ApplicationSection, type ApplicationContext, type ApplicationSectionProvider } from './application-hub.js';
import { CandidatesAccess } from './candidates.access.js';
import { mapApplicationRow, mapCandidate } from './candidates.view.js';
import { STAGE_LABELS } from './entities/application.entity.js';
import { PipelineService } from './pipeline.service.js';
import { RejectionService } from './rejection.service.js';

type Section = { instance: ApplicationSectionProvider; meta: { partial: string; order: number } };

/**
 * The application page, the hub of a candidate's way through one position: the header, the moves and the history
 * are this module's; every section in between is contributed by the step it belongs to (see application-hub.ts).
 */
@Injectable()
export class ApplicationPage implements FormPage, OnModuleInit {
  readonly view = 'applications/show';
  private sections: Section[] = [];

  constructor(
    private readonly pipeline: PipelineService,
    private readonly access: CandidatesAccess,
    private readonly discovery: DiscoveryService,
    private readonly rejection: RejectionService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.sections = contributionsOf(this.discovery, ApplicationSection);
  }

  async build({ user, id }: PageRequest) {
    const application = await this.pipeline.findOrFail(id);
    const context: ApplicationContext = { user, application, canManage: this.access.canManage(user, application) };
    const next = this.pipeline.nextStages(application).filter((stage) => stage !== 'rejected');
    const [events, gate, sections, rejection, history] = await Promise.all([
      this.pipeline.events(application.id),
      this.pipeline.gate(application, 'interview'),
      loadSections(this.sections, context),
      this.rejection.state(user, application),
      this.audit.history({ applicationId: application.id, candidateId: application.candidateId }),
    ]);
    return {
      title: `${application.candidate.name} · ${application.position.title}`,
      canManage: context.canManage,
      application: mapApplicationRow(application),
      candidate: mapCandidate(application.candidate),
      position: positionSummary(application.position),
      positionVersion: application.positionVersion,
      sections,
      moves: next.map((stage) => ({ value: stage, label: STAGE_LABELS[stage] })),
      canMove: context.canManage && next.length > 0,
      canReject: context.canManage && this.pipeline.nextStages(application).includes('rejected'),
      canOverrideGate: this.access.canOverrideGate(user) && next.includes('interview') && !gate.passed,
      rejection: rejection && {
        ...rejection,
        applicationId: application.id,
        reason: application.rejectionReason?.label,
      },
      history: {
        ...history,
        allHref: `/applications/${application.id}/history`,
        intro:
          "Every change to this application and the candidate's record, and every time their documents were opened.",
      },
      events: events.map((event) => ({
        summary: event.summary,
        by: event.by?.name ?? 'The candidate',
        at: event.createdAt,
      })),
    };
  }
}

/** The whole audit history of one application and its candidate's record, a page at a time. */
@Injectable()
export class ApplicationHistoryPage {
  constructor(
    private readonly pipeline: PipelineService,
    private readonly audit: AuditService,
  ) {}

  async build(id: number, page: string | undefined) {
    const application = await this.pipeline.findOrFail(id);
    const path = `/applications/${application.id}`;
    const history = await this.audit.historyPage(
      { applicationId: application.id, candidateId: application.candidateId },
      page,
      `${path}/history`,
    );
    return {
      title: `History · ${application.candidate.name}`,
      subject: `${application.candidate.name}'s application to ${application.position.title}`,
      backHref: path,
      backLabel: 'Application',
      ...history,
    };
  }
}
