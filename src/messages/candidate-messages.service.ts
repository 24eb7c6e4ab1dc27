import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { UsersRepository } from '../accounts/users.repository.js';
import type { Application } from '../candidates/entities/application.entity.js';
import { PipelineService } from '../candidates/pipeline.service.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { OutboxMessage } from '../mail/entities/outbox-message.entity.js';
import { MailService } from '../mail/mail.service.js';
import {
  candidateValues,
  MESSAGE_TEMPLATES,
  messageTemplate,
  type MessageTemplateDefinition,
  type TemplateValues,
} from '../mail/message-templates.js';
import { MessageTemplatesService } from '../mail/message-templates.service.js';
import { OutboxRepository } from '../mail/outbox.repository.js';
import { PortalService } from '../vetting/portal.service.js';
import { MessagesAccess } from './messages.access.js';

/** kept / queued / sending / sent / failed, and "retrying" for a queued message whose last attempt failed. */
const STATUS_LABELS: Record<string, string> = {
  kept: 'Kept (no mail server)',
  queued: 'Queued',
  retrying: 'Retrying',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
  scheduled: 'Scheduled',
  cancelled: 'Cancelled (not sent)',
};

export interface LogEntry {
  id: number;
  label: string;
  subject: string;
  to: string;
  createdAt: Date;
  status: string;
  statusLabel: string;
  lastError: string | null;
}

export interface Draft {
  application: Application;
  subject: string;
  body: string;
  /** The templates that can be filled in for this candidate now. */
  templates: MessageTemplateDefinition[];
}

/** The messages to and about one candidate, and the ones the hiring team writes themselves. */
@Injectable()
export class CandidateMessagesService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly users: UsersRepository,
    private readonly pipeline: PipelineService,
    private readonly portal: PortalService,
    private readonly mail: MailService,
    private readonly templates: MessageTemplatesService,
    private readonly access: MessagesAccess,
    private readonly uow: UnitOfWork,
  ) {}

  /** Every message about the application, newest first, with how its delivery went. */
  async log(applicationId: number): Promise<LogEntry[]> {
    const messages = await this.outbox.findForApplication(applicationId);
    const authorIds = [...new Set(messages.flatMap((message) => (message.authorId ? [message.authorId] : [])))];
    const authors = new Map((await this.users.findByIds(authorIds)).map((user) => [user.id, user.name]));
    return messages.map((message) => ({
      id: message.id,
      label: labelOf(message, authors),
      subject: message.subject,
      to: message.to,
      createdAt: message.createdAt,
      status: statusOf(message),
      statusLabel: STATUS_LABELS[statusOf(message)],
      lastError: message.status === 'sent' ? null : message.lastError,
    }));
  }

  /** A new message to the candidate: empty, or started from a template with this candidate's values. */
  async draft(user: User, applicationId: number, key?: string): Promise<Draft> {
    const application = await this.access.writable(user, applicationId);
    const values = await this.valuesFor(application);
    const available = Object.keys(values).concat('companyName');
    const templates = MESSAGE_TEMPLATES.filter((template) =>
      template.placeholders.every((name) => available.includes(name)),
    );
    const template = key ? messageTemplate(key) : undefined;
    if (!template || !templates.includes(template)) return { application, subject: '', body: '', templates };
    const rendered = await this.templates.render(template.key, values);
    return { application, subject: rendered.subject, body: rendered.text, templates };
  }

  /** Sends the person's message through the outbox, in their name, and notes it in the application's history. */
  async send(user: User, applicationId: number, subject: string, body: string): Promise<Application> {
    const application = await this.access.writable(user, applicationId);
    await this.uow.run(async () => {
      await this.mail.sendWritten({
        to: application.candidate.email,
        subject,
        text: body,
        applicationId: application.id,
        authorId: user.id,
      });
      await this.pipeline.note(user, application, `Wrote to the candidate: “${subject.slice(0, 200)}”`);
    });
    return application;
  }

  private async valuesFor(application: Application): Promise<TemplateValues> {
    const values: TemplateValues = candidateValues(application.candidate.name, application.position.title);
    const link = await this.portal.activeLink(application.id);
    if (link && link.expiresAt > new Date()) {
      values.portalLink = this.portal.url(link);
      values.portalDays = Math.max(1, Math.ceil((link.expiresAt.getTime() - Date.now()) / 86_400_000));
    }
    return values;
  }
}

function statusOf(message: OutboxMessage): string {
  return message.status === 'queued' && message.attempts > 0 ? 'retrying' : message.status;
}

function labelOf(message: OutboxMessage, authors: Map<number, string>): string {
  if (message.authorId) return `Written by ${authors.get(message.authorId) ?? 'a former member of staff'}`;
  return messageTemplate(message.templateKey ?? '')?.label ?? 'Message';
}
