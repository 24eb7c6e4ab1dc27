import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { User } from '../accounts/entities/user.entity.js';
import { PipelineService } from '../candidates/pipeline.service.js';
import { contributionsOf, loadSections } from '../common/contributions.js';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { CompanyService } from '../company/company.service.js';
import { PublishingService } from '../positions/publishing.service.js';
import { PortalSection, type PortalSectionProvider } from './portal-hub.js';
import { PortalClosingService } from './portal-closing.service.js';
import { PortalService } from './portal.service.js';
import { PresentationService } from './presentation.service.js';
import { VettingService } from './vetting.service.js';
import { countWords, WritingTestService } from './writing-test.service.js';

type Section = { instance: PortalSectionProvider; meta: { partial: string; order: number; place?: 'end' } };

/** The candidate's portal home: sections from later steps, their vetting tasks, the position (and the plan once shared). */
@Injectable()
export class PortalHomePage implements FormPage<undefined>, OnModuleInit {
  readonly view = 'portal/home';
  private sections: Section[] = [];

  constructor(
    private readonly portal: PortalService,
    private readonly pipeline: PipelineService,
    private readonly vetting: VettingService,
    private readonly writing: WritingTestService,
    private readonly publishing: PublishingService,
    private readonly presentations: PresentationService,
    private readonly discovery: DiscoveryService,
    private readonly closing: PortalClosingService,
    private readonly company: CompanyService,
  ) {}

  onModuleInit(): void {
    this.sections = contributionsOf(this.discovery, PortalSection);
  }

  async build({ params = {} }: PageRequest<User | undefined>) {
    const token = params.token;
    // A rejected or withdrawn application: the closing page (in the public layout, as every portal page).
    const closing = await this.closing.page(token);
    if (closing)
      return {
        title: 'Thank you',
        token,
        closing,
      };
    const application = await this.portal.open(token);
    const [version, config, submission, presentation, sections, tasksOpen] = await Promise.all([
      this.publishing.versionOrFail(application.positionId, application.positionVersion),
      this.vetting.configFor(application.positionId),
      this.writing.submissionFor(application),
      this.presentations.forApplication(application.id),
      Promise.all([
        loadSections(
          this.sections.filter(({ meta }) => meta.place !== 'end'),
          application,
        ),
        loadSections(
          this.sections.filter(({ meta }) => meta.place === 'end'),
          application,
        ),
      ]).then(([top, end]) => ({ top, end })),
      this.portal.tasksOpen(application),
    ]);
    // Reading the shared plan is evidence for the interview: the first view is recorded (see README).
    await this.pipeline.recordPlanOpened(application);
    const companyZone = await this.company.timeZone();
    return {
      // Every date on the candidate's page is in their zone (the day/dateTime helpers read it).
      viewerTimeZone: application.candidate.timeZone ?? companyZone,
      timeZone: { own: application.candidate.timeZone, company: companyZone },
      values: { timeZone: application.candidate.timeZone ?? companyZone },
      sections: sections.top,
      endSections: sections.end,
      // Waiting in Applied for the hiring manager: where the application stands, and no task it cannot yet do.
      waiting: tasksOpen ? null : { appliedAt: application.createdAt },
      planShared: Boolean(application.planSharedAt),
      presentation:
        tasksOpen && config.presentationRequired
          ? {
              brief: config.presentationBrief,
              uploadedAt: presentation?.uploadedAt ?? null,
              fileName: presentation?.deckFile?.fileName ?? null,
              sessionAt: presentation?.sessionAt ?? null,
            }
          : null,
      title: `Your application: ${version.snapshot.title}`,
      token,
      candidateName: application.candidate.name,
      snapshot: version.snapshot,
      writing:
        tasksOpen && config.writingRequired
          ? {
              state: submission?.submittedAt ? 'Submitted' : submission ? 'Started' : 'Not started',
              submittedAt: submission?.submittedAt ?? null,
              deadlineAt: submission?.submittedAt ? null : (submission?.deadlineAt ?? null),
              minWords: config.writingMinWords,
              maxWords: config.writingMaxWords,
              timeLimit: config.writingTimeLimitMinutes,
            }
          : null,
    };
  }
}

/** The timed writing test in the portal. */
@Injectable()
export class PortalWritingPage implements FormPage<undefined> {
  readonly view = 'portal/writing';

  constructor(
    private readonly portal: PortalService,
    private readonly vetting: VettingService,
    private readonly writing: WritingTestService,
    private readonly company: CompanyService,
  ) {}

  async build({ params = {} }: PageRequest<User | undefined>) {
    const token = params.token;
    const application = await this.portal.open(token);
    const [config, submission, tasksOpen] = await Promise.all([
      this.vetting.configFor(application.positionId),
      this.writing.submissionFor(application),
      this.portal.tasksOpen(application),
    ]);
    const draft = submission?.draft ?? '';
    return {
      viewerTimeZone: await this.company.zoneFor(application.candidate.timeZone),
      title: 'Writing test',
      token,
      positionTitle: application.position.title,
      waiting: !tasksOpen,
      started: Boolean(submission),
      submitted: Boolean(submission?.submittedAt),
      submission: submission
        ? {
            prompt: submission.prompt,
            deadlineAt: submission.deadlineAt,
            draftSavedAt: submission.draftSavedAt,
            submittedAt: submission.submittedAt,
            words: countWords(draft),
          }
        : null,
      values: { text: draft },
      remainingMs: submission?.deadlineAt ? Math.max(0, submission.deadlineAt.getTime() - Date.now()) : null,
      minWords: config.writingMinWords,
      maxWords: config.writingMaxWords,
      timeLimit: config.writingTimeLimitMinutes,
    };
  }
}
