import { AuditService } from '../audit/audit.service.js';
import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { PipelineService } from '../candidates/pipeline.service.js';
import { formatDateTime, zonedInstant } from '../common/dates.js';
import { DomainError, FormInvalidError } from '../common/errors.js';
import { CompanyService } from '../company/company.service.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { DownloadableFile } from '../files/download.js';
import type { Upload } from '../files/upload.js';
import type { AssessmentDto, CancelSessionDto, SessionDto } from './dto/vetting.dto.js';
import { PortalService } from './portal.service.js';
import { PresentationService } from './presentation.service.js';
import { VettingService } from './vetting.service.js';

/** What a manager does to one application's vetting from its page; each action is noted in its history. */
@Injectable()
export class ApplicationVettingService {
  constructor(
    private readonly pipeline: PipelineService,
    private readonly vetting: VettingService,
    private readonly portal: PortalService,
    private readonly presentations: PresentationService,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly company: CompanyService,
  ) {}

  /** A new portal link, mailed to the candidate through the outbox; the email it goes to. */
  async sendPortalLink(user: User, id: number): Promise<string> {
    const application = await this.pipeline.findManaged(user, id);
    await this.uow.run(async () => {
      await this.portal.issue(user, application);
      await this.pipeline.note(user, application, 'Sent a new candidate portal link');
    });
    return application.candidate.email;
  }

  async revokePortalLink(user: User, id: number): Promise<void> {
    const application = await this.pipeline.findManaged(user, id);
    await this.uow.run(async () => {
      await this.portal.revokeAll(application.id);
      await this.pipeline.note(user, application, 'Revoked the candidate portal link');
    });
  }

  async recordAssessment(user: User, id: number, dto: AssessmentDto, report: Upload | null): Promise<void> {
    const application = await this.pipeline.findManaged(user, id);
    await this.uow.run(async () => {
      await this.vetting.recordAssessment(user, application.id, dto, report);
      await this.pipeline.note(
        user,
        application,
        `Recorded the external assessment (${dto.provider}): eligibility ${dto.eligibility}, suitability ${dto.suitability}`,
      );
    });
  }

  async schedulePresentation(user: User, id: number, dto: SessionDto): Promise<void> {
    const application = await this.pipeline.findManaged(user, id);
    // The form's date and time are in the scheduler's own zone (their account's, else the company's).
    const zone = await this.company.zoneFor(user.timeZone);
    const sessionAt = zonedInstant(dto.sessionAt.slice(0, 10), dto.sessionAt.slice(11), zone);
    if (!sessionAt)
      throw FormInvalidError.single('sessionAt', `Enter a real date and time (that time does not exist in ${zone})`);
    await this.uow.run(async () => {
      await this.presentations.schedule(application, sessionAt, dto.evaluatorIds);
      await this.pipeline.note(
        user,
        application,
        `Scheduled the research presentation for ${formatDateTime(sessionAt, zone)}`,
      );
    });
  }

  async cancelPresentation(user: User, id: number, dto: CancelSessionDto): Promise<void> {
    const application = await this.pipeline.findManaged(user, id);
    if (dto.confirm !== '1')
      throw FormInvalidError.single('confirm', 'Tick the box to confirm: the candidate and the evaluators are told');
    await this.uow.run(async () => {
      await this.presentations.cancelSession(application);
      await this.pipeline.note(user, application, 'Cancelled the research presentation session');
    });
  }

  async deck(user: User, id: number): Promise<DownloadableFile> {
    const application = await this.pipeline.findOrFail(id);
    return this.presentations.deckFor(user, application.id);
  }

  async report(id: number): Promise<DownloadableFile> {
    const application = await this.pipeline.findOrFail(id);
    const file = await this.vetting.reportOf(application.id);
    if (!file) throw new DomainError('not-found', 'No assessment report was uploaded.');
    await this.audit.accessed('downloaded', 'assessment report', null, { applicationId: application.id });
    return file;
  }
}
