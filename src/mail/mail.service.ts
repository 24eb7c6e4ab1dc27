import { Injectable } from '@nestjs/common';
import hbs from 'hbs';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppConfig } from '../config/app-config.js';
import { VIEWS_DIR } from '../common/paths.js';
import { DomainError, notFound } from '../common/errors.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { MailAttachment, OutboxMessage } from './entities/outbox-message.entity.js';
import type { MessageKey, TemplateValues } from './message-templates.js';
import { MessageTemplatesService } from './message-templates.service.js';
import { OutboxRepository, type NewOutboxMessage } from './outbox.repository.js';
import { OutboxWorker } from './outbox.worker.js';
import { textToHtml } from './template-render.js';

export interface MailMessage {
  to: string;
  subject: string;
  /** A template in views/mail/, e.g. "invitation" for views/mail/invitation.txt.hbs. */
  template: string;
  data: Record<string, unknown>;
  /** A calendar object (METHOD:REQUEST or CANCEL), sent the way calendar clients expect an invitation. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
}

/** A message to a candidate from one of the message templates (Settings → Messages). */
export interface TemplateMessage {
  key: MessageKey;
  to: string;
  values: TemplateValues;
  /** The application it is about: it appears in that application's communication log. */
  applicationId: number | null;
  calendar?: MailMessage['calendar'];
  /** The meeting the {{when}} placeholder names, written in the candidate's zone (see timeZone). */
  meeting?: Meeting;
  /** The candidate's IANA zone; null: the company's. */
  timeZone?: string | null;
}

export interface Meeting {
  startsAt: Date;
  durationMinutes: number;
}

/** A template's message as a person prepared it for one candidate (values filled in, perhaps edited). */
export interface PreparedMessage {
  key: MessageKey;
  to: string;
  subject: string;
  text: string;
  applicationId: number;
}

/** A message a person wrote to a candidate, in plain text. */
export interface WrittenMessage {
  to: string;
  subject: string;
  text: string;
  applicationId: number;
  authorId: number;
}

type Template = (data: Record<string, unknown>) => string;

/**
 * Writes each message to the outbox: during a unit of work in its transaction (a change that rolls back sends
 * nothing), outside one at once. The outbox worker delivers queued messages over SMTP_URL; without a mail server
 * they are kept to be read at /admin/outbox. The request never waits for SMTP.
 */
@Injectable()
export class MailService {
  private readonly templates = new Map<string, Template>();

  constructor(
    private readonly config: AppConfig,
    private readonly outbox: OutboxRepository,
    private readonly worker: OutboxWorker,
    private readonly uow: UnitOfWork,
    private readonly messageTemplates: MessageTemplatesService,
  ) {}

  async send(message: MailMessage): Promise<void> {
    await this.enqueue({
      to: message.to,
      subject: message.subject,
      text: this.render(message),
      attachments: attachmentsOf(message.calendar),
    });
  }

  /** Renders the admin's (or the default) template for this candidate: subject, plain text and an HTML part. */
  async sendTemplate(message: TemplateMessage): Promise<OutboxMessage> {
    const rendered = await this.messageTemplates.render(message.key, message.values, message);
    return this.enqueue({
      to: message.to,
      ...rendered,
      attachments: attachmentsOf(message.calendar),
      applicationId: message.applicationId,
      templateKey: message.key,
    });
  }

  /** A person's own message to a candidate: sent as written (no Auto-Submitted header), with an HTML part. */
  async sendWritten(message: WrittenMessage): Promise<void> {
    await this.enqueue({
      to: message.to,
      subject: message.subject.replace(/\s+/g, ' ').trim().slice(0, 255),
      text: message.text,
      html: textToHtml(message.text),
      attachments: null,
      applicationId: message.applicationId,
      authorId: message.authorId,
    });
  }

  /**
   * A message from a template whose text a person has checked (and may have changed) for this candidate, sent at
   * `sendAt`: now when null, else it waits in the outbox as scheduled and can be cancelled until then.
   */
  async sendPrepared(message: PreparedMessage, sendAt: Date | null): Promise<OutboxMessage> {
    const row = {
      to: message.to,
      subject: message.subject.replace(/\s+/g, ' ').trim().slice(0, 255),
      text: message.text,
      html: textToHtml(message.text),
      attachments: null,
      applicationId: message.applicationId,
      templateKey: message.key,
    };
    if (!sendAt || sendAt.getTime() <= Date.now()) return this.enqueue(row);
    return this.outbox.add({ ...row, status: 'scheduled', nextAttemptAt: sendAt });
  }

  /** Cancels a message that has not left yet; false when it has been sent (or is being sent). */
  cancelPending(id: number): Promise<boolean> {
    return this.outbox.cancelPending(id);
  }

  findMessage(id: number): Promise<OutboxMessage | null> {
    return this.outbox.findById(id);
  }

  private async enqueue(message: Omit<NewOutboxMessage, 'status'>): Promise<OutboxMessage> {
    if (!this.config.smtpUrl) return this.outbox.add({ ...message, status: 'kept' });
    const row = await this.outbox.add({ ...message, status: 'queued', nextAttemptAt: new Date() });
    this.uow.afterCommit(async () => this.worker.kick());
    return row;
  }

  /** An admin's "Retry now" on a message that is waiting or has failed: it is due at once. */
  async retry(id: number): Promise<OutboxMessage> {
    const message = await this.outbox.findById(id);
    if (!message) throw notFound('That message');
    if (!(await this.outbox.retryNow(id, new Date())))
      throw new DomainError('conflict', 'This message is not waiting to be sent, so there is nothing to retry.');
    this.worker.kick();
    return message;
  }

  /** The message's text, as `send` writes it to the outbox. */
  render({ template: name, data }: MailMessage): string {
    let template = this.templates.get(name);
    if (!template) {
      const source = readFileSync(resolve(VIEWS_DIR, 'mail', `${name}.txt.hbs`), 'utf8');
      // Plain-text mail: nothing to HTML-escape.
      template = hbs.handlebars.compile(source, { noEscape: true });
      this.templates.set(name, template);
    }
    return template({ ...data, baseUrl: this.config.baseUrl.toString() });
  }
}

function attachmentsOf(calendar: MailMessage['calendar']): MailAttachment[] | null {
  return calendar
    ? [{ filename: 'invite.ics', contentType: `text/calendar; method=${calendar.method}`, content: calendar.content }]
    : null;
}
