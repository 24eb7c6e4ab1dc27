import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import hbs from 'hbs';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config.js';
import { VIEWS_DIR } from '../common/paths.js';
import type { MailAttachment } from './entities/outbox-message.entity.js';
import { OutboxRepository } from './outbox.repository.js';

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
 * Sends mail over SMTP_URL, or keeps it in the outbox (read at /admin/outbox) when no SMTP server is configured;
 * a message kept during a unit of work is written in its transaction, and one kept outside it is written at once.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter | null;
  private readonly templates = new Map<string, Template>();

  constructor(
    private readonly config: AppConfig,
    private readonly outbox: OutboxRepository,
  ) {
    this.transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  }

  /** Returns false when the SMTP server refused the message; the failure is logged without the message body. */
  async send(message: MailMessage): Promise<boolean> {
    const text = this.render(message.template, { ...message.data, baseUrl: this.config.baseUrl.toString() });
    const calendar = message.calendar;
    if (!this.transport) {
      const attachments: MailAttachment[] | null = calendar
        ? [
            {
              filename: 'invite.ics',
              contentType: `text/calendar; method=${calendar.method}`,
              content: calendar.content,
            },
          ]
        : null;
      await this.outbox.keep({ to: message.to, subject: message.subject, text, attachments });
      return true;
    }
    try {
      await this.transport.sendMail({
        from: this.config.mailFrom,
        to: message.to,
        subject: message.subject,
        text,
        // nodemailer adds it both as the text/calendar alternative and as invite.ics.
        ...(calendar
          ? { icalEvent: { method: calendar.method, filename: 'invite.ics', content: calendar.content } }
          : {}),
      });
      return true;
    } catch (error) {
      this.logger.error({
        message: 'Mail delivery failed',
        template: message.template,
        error: (error as Error).message,
      });
      return false;
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  private render(name: string, data: Record<string, unknown>): string {
    let template = this.templates.get(name);
    if (!template) {
      const source = readFileSync(resolve(VIEWS_DIR, 'mail', `${name}.txt.hbs`), 'utf8');
      // Plain-text mail: nothing to HTML-escape.
      template = hbs.handlebars.compile(source, { noEscape: true });
      this.templates.set(name, template);
    }
    return template(data);
  }
}
