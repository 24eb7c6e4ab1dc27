import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import hbs from 'hbs';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Repository } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { VIEWS_DIR } from '../common/paths.js';
import { OutboxMessage } from './entities/outbox-message.entity.js';

export interface MailMessage {
  to: string;
  subject: string;
  /** A template in views/mail/, e.g. "invitation" for views/mail/invitation.txt.hbs. */
  template: string;
  data: Record<string, unknown>;
}

type Template = (data: Record<string, unknown>) => string;

/** Sends mail over SMTP_URL, or keeps it in the outbox (read at /admin/outbox) when no SMTP server is configured. */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter | null;
  private readonly templates = new Map<string, Template>();

  constructor(
    private readonly config: AppConfig,
    @InjectRepository(OutboxMessage) private readonly outbox: Repository<OutboxMessage>,
  ) {
    this.transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  }

  /** Returns false when the SMTP server refused the message; the failure is logged without the message body. */
  async send(message: MailMessage): Promise<boolean> {
    const text = this.render(message.template, { ...message.data, baseUrl: this.config.baseUrl.toString() });
    if (!this.transport) {
      await this.outbox.save(this.outbox.create({ to: message.to, subject: message.subject, text }));
      return true;
    }
    try {
      await this.transport.sendMail({ from: this.config.mailFrom, to: message.to, subject: message.subject, text });
      return true;
    } catch (error) {
      this.logger.error({ message: 'Mail delivery failed', template: message.template, error: (error as Error).message });
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
