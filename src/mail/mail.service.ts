import { Injectable } from '@nestjs/common';
import hbs from 'hbs';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppConfig } from '../config/app-config.js';
import { VIEWS_DIR } from '../common/paths.js';
import { DomainError, notFound } from '../common/errors.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { MailAttachment, OutboxMessage } from './entities/outbox-message.entity.js';
import { OutboxRepository } from './outbox.repository.js';
import { OutboxWorker } from './outbox.worker.js';

export interface MailMessage {
  to: string;
  subject: string;
  /** A template in views/mail/, e.g. "invitation" for views/mail/invitation.txt.hbs. */
  template: string;
  data: Record<string, unknown>;
  /** A calendar object (METHOD:REQUEST or CANCEL), sent the way calendar clients expect an invitation. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
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
  ) {}

  async send(message: MailMessage): Promise<void> {
    const text = this.render(message);
    const calendar = message.calendar;
    const attachments: MailAttachment[] | null = calendar
      ? [{ filename: 'invite.ics', contentType: `text/calendar; method=${calendar.method}`, content: calendar.content }]
      : null;
    if (!this.config.smtpUrl) {
      await this.outbox.add({ to: message.to, subject: message.subject, text, attachments, status: 'kept' });
      return;
    }
    await this.outbox.add({
      to: message.to,
      subject: message.subject,
      text,
      attachments,
      status: 'queued',
      nextAttemptAt: new Date(),
    });
    this.uow.afterCommit(async () => this.worker.kick());
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
