import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { formatDateTime } from '../common/dates.js';
import { DomainError, FormInvalidError } from '../common/errors.js';
import { CompanyService } from '../company/company.service.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { MailService } from '../mail/mail.service.js';
import { candidateValues, type MessageKey } from '../mail/message-templates.js';
import { MessageTemplatesService } from '../mail/message-templates.service.js';
import { PositionsService } from '../positions/positions.service.js';
import { CandidatesAccess } from './candidates.access.js';
import { CandidatesRepository } from './candidates.repository.js';
import { STAGE_LABELS, type Application } from './entities/application.entity.js';
import type { RejectionReason, StageGroup } from './entities/rejection-reason.entity.js';
import { PipelineService } from './pipeline.service.js';
import { stages } from './stages.js';

const DAY_MS = 86_400_000;

/** What the person chose in the rejection step. */
export interface RejectionChoice {
  reasonId: number;
  send: 'message' | 'none';
  when: 'now' | 'later';
  /** This candidate's message as edited in the step (one rejection only; a bulk rejection sends the templates). */
  subject?: string;
  body?: string;
}

/** Where a rejected application stands: the undo while nothing has reached the candidate, else the reopening. */
export interface RejectionState {
  /** The message waits until then (null: no message, or it is on its way now). */
  sendsAt: Date | null;
  hasMessage: boolean;
  canUndo: boolean;
  canReopen: boolean;
}

const templateFor = (group: Exclude<StageGroup, 'any'>): MessageKey => `rejection-${group}`;

/**
 * The humane rejection (issue 14): a confirmation step with the reasons that fit the stage, the candidate's message
 * (the template for the stage, editable, or none) sent now or after the company's delay; an undo until the message
 * has gone, and a reopening with a written reason after that.
 */
@Injectable()
export class RejectionService {
  constructor(
    private readonly pipeline: PipelineService,
    private readonly candidates: CandidatesRepository,
    private readonly positions: PositionsService,
    private readonly access: CandidatesAccess,
    private readonly mail: MailService,
    private readonly templates: MessageTemplatesService,
    private readonly company: CompanyService,
    private readonly uow: UnitOfWork,
  ) {}

  /** The active reasons that fit every one of these stage groups. */
  async reasonsFor(groups: StageGroup[]): Promise<RejectionReason[]> {
    const reasons = await this.candidates.findActiveReasons();
    return reasons.filter((reason) => reason.stageGroup === 'any' || groups.every((g) => g === reason.stageGroup));
  }

  delayDays(): Promise<number> {
    return this.company.rejectionDelayDays();
  }

  /** The rejection message this candidate would receive, with their values filled in. */
  async draft(application: Application): Promise<{ key: MessageKey; subject: string; body: string }> {
    const key = templateFor(stages.rejectionGroup(application.stage));
    const rendered = await this.templates.render(key, this.valuesOf(application));
    return { key, subject: rendered.subject, body: rendered.text };
  }

  /** Rejects one application as chosen in the step: recorded at once, its message sent now or scheduled. */
  async reject(user: User, id: number, choice: RejectionChoice): Promise<Application> {
    const application = await this.pipeline.findManaged(user, id);
    const reason = await this.reasonOrFail(choice.reasonId, [stages.rejectionGroup(application.stage)]);
    const message = choice.send === 'message' ? this.editedMessage(choice) : null;
    const sendAt = await this.sendTime(choice);
    const note = await this.messageNote(user, sendAt);
    return this.uow.run(async () => {
      if (!message) return this.pipeline.rejectWith(user, application, reason, 'No message to the candidate.');
      const key = templateFor(stages.rejectionGroup(application.stage));
      await this.pipeline.rejectWith(user, application, reason, note);
      const row = await this.mail.sendPrepared(
        { key, to: application.candidate.email, ...message, applicationId: application.id },
        sendAt,
      );
      await this.pipeline.recordRejectionMessage(application, row.id);
      return application;
    });
  }

  /** The selection of a position's list, all or nothing: one reason valid for every stage, one template per stage. */
  async bulk(user: User, positionId: number, ids: number[], choice: RejectionChoice): Promise<number> {
    const applications = await this.selection(user, positionId, ids);
    const reason = await this.reasonOrFail(choice.reasonId, this.groupsOf(applications));
    const sendAt = await this.sendTime(choice);
    const messageNote = await this.messageNote(user, sendAt);
    await this.uow.run(async () => {
      for (const application of applications) {
        const draft = choice.send === 'message' ? await this.draft(application) : null;
        const note = draft ? messageNote : 'No message to the candidate.';
        await this.pipeline.rejectWith(user, application, reason, note);
        if (!draft) continue;
        const { key, subject, body: text } = draft;
        const row = await this.mail.sendPrepared(
          { key, to: application.candidate.email, subject, text, applicationId: application.id },
          sendAt,
        );
        await this.pipeline.recordRejectionMessage(application, row.id);
      }
    });
    return applications.length;
  }

  /** The position's applications chosen for a bulk rejection; refused unless every one can be rejected. */
  async selection(user: User, positionId: number, ids: number[]): Promise<Application[]> {
    await this.positions.requireEditable(user, positionId);
    const found = await this.candidates.findApplicationsByIds(positionId, ids);
    const applications = await this.pipeline.findMany(found.map((application) => application.id));
    if (!applications.length || applications.length !== new Set(ids).size)
      throw FormInvalidError.single('ids', 'Tick the applications to reject');
    const closed = applications.filter((application) => !stages.canMove(application.stage, 'rejected'));
    if (closed.length)
      throw FormInvalidError.single(
        'ids',
        `${closed.map((a) => a.candidate.name).join(', ')} cannot be rejected (already closed): untick them.`,
      );
    return applications;
  }

  groupsOf(applications: Application[]): Exclude<StageGroup, 'any'>[] {
    return [...new Set(applications.map((application) => stages.rejectionGroup(application.stage)))];
  }

  /** Undo while nothing has reached the candidate: the stage comes back and the waiting message is cancelled. */
  async undo(user: User, id: number): Promise<Application> {
    const application = await this.rejected(await this.pipeline.findManaged(user, id));
    return this.uow.run(async () => {
      const messageId = application.rejectionMessageId;
      if (messageId && !(await this.mail.cancelPending(messageId)))
        throw new DomainError(
          'conflict',
          'The rejection message has already gone to the candidate, so the rejection cannot be undone. Reopen it instead, with a reason.',
        );
      const cancelled = messageId ? ' The rejection message was cancelled, not sent.' : '';
      const summary = `${user.name} undid the rejection.${cancelled} Nothing was sent again: the candidate portal link stays revoked until someone sends a new one.`;
      return this.pipeline.restore(user, application, summary);
    });
  }

  /** After the candidate was told: an admin or the position's manager reopens it, with a written reason. */
  async reopen(user: User, id: number, reason: string): Promise<Application> {
    const application = await this.rejected(await this.pipeline.findOrFail(id));
    this.access.requireReopen(user, application);
    return this.uow.run(async () => {
      if (application.rejectionMessageId) await this.mail.cancelPending(application.rejectionMessageId);
      return this.pipeline.restore(user, application, `${user.name} reopened the application: “${reason}”.`);
    });
  }

  /** The rejection banner's state on the application page; null unless the application is rejected. */
  async state(user: User, application: Application): Promise<RejectionState | null> {
    if (application.stage !== 'rejected') return null;
    const message = application.rejectionMessageId ? await this.mail.findMessage(application.rejectionMessageId) : null;
    const pending = !message || message.status === 'scheduled' || message.status === 'queued';
    const canManage = this.access.canManage(user, application);
    return {
      sendsAt: message?.status === 'scheduled' ? message.nextAttemptAt : null,
      hasMessage: Boolean(message),
      canUndo: canManage && pending,
      canReopen: !pending && this.access.canReopen(user, application),
    };
  }

  private async rejected(application: Application): Promise<Application> {
    if (application.stage !== 'rejected')
      throw new DomainError('conflict', `The application is in ${STAGE_LABELS[application.stage]}, not rejected.`);
    return application;
  }

  private async reasonOrFail(reasonId: number, groups: StageGroup[]): Promise<RejectionReason> {
    const reason = (await this.reasonsFor(groups)).find((r) => r.id === reasonId);
    if (!reason) throw FormInvalidError.single('reasonId', 'Choose one of the reasons offered for this stage');
    return reason;
  }

  private editedMessage(choice: RejectionChoice): { subject: string; text: string } {
    const subject = choice.subject?.trim() ?? '';
    const text = choice.body?.trim() ?? '';
    const errors: Record<string, string[]> = {};
    if (!subject) errors.subject = ['Write the subject of the message, or choose “Don’t send a message”'];
    if (!text) errors.body = ['Write the message, or choose “Don’t send a message”'];
    if (Object.keys(errors).length) throw new FormInvalidError(errors);
    return { subject, text };
  }

  private async sendTime(choice: RejectionChoice): Promise<Date | null> {
    if (choice.send === 'none' || choice.when === 'now') return null;
    return new Date(Date.now() + (await this.delayDays()) * DAY_MS);
  }

  /** The history's words, with the time in the zone of the person rejecting (the zone's name makes it unambiguous). */
  private async messageNote(user: User, sendAt: Date | null): Promise<string> {
    if (!sendAt) return 'Rejection message sent now.';
    return `Rejection message scheduled for ${formatDateTime(sendAt, await this.company.zoneFor(user.timeZone))}.`;
  }

  private valuesOf(application: Application) {
    return candidateValues(application.candidate.name, application.position.title);
  }
}
