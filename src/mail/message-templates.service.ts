import { Injectable } from '@nestjs/common';
import { meetingTimeText, zoneOf } from '../common/dates.js';
import { FormInvalidError, notFound, type FieldErrors } from '../common/errors.js';
import { CompanyService } from '../company/company.service.js';
import {
  MESSAGE_TEMPLATES,
  messageTemplate,
  PREVIEW_VALUES,
  type MessageKey,
  type MessageTemplateDefinition,
  type TemplateValues,
} from './message-templates.js';
import { MessageTemplatesRepository } from './message-templates.repository.js';
import { renderHtml, renderSubject, renderText, templateProblem } from './template-render.js';

export interface CurrentTemplate {
  definition: MessageTemplateDefinition;
  subject: string;
  body: string;
  /** An admin changed it (else it is the default text). */
  changed: boolean;
  updatedAt: Date | null;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

/** The text a candidate message is sent with: the admin's version of its template, else the default. */
@Injectable()
export class MessageTemplatesService {
  constructor(
    private readonly templates: MessageTemplatesRepository,
    private readonly company: CompanyService,
  ) {}

  async list(): Promise<CurrentTemplate[]> {
    const changed = new Map((await this.templates.findAll()).map((row) => [row.key, row]));
    return MESSAGE_TEMPLATES.map((definition) => {
      const row = changed.get(definition.key);
      return {
        definition,
        subject: row?.subject ?? definition.subject,
        body: row?.body ?? definition.body,
        changed: Boolean(row),
        updatedAt: row?.updatedAt ?? null,
      };
    });
  }

  async current(key: string): Promise<CurrentTemplate> {
    const definition = messageTemplate(key);
    if (!definition) throw notFound('That message template');
    const row = await this.templates.findByKey(key);
    return {
      definition,
      subject: row?.subject ?? definition.subject,
      body: row?.body ?? definition.body,
      changed: Boolean(row),
      updatedAt: row?.updatedAt ?? null,
    };
  }

  /** Refuses a syntax error or an unknown placeholder, naming it beside the field; saving the default text restores it. */
  async save(key: string, subject: string, body: string, byId: number): Promise<void> {
    const { definition } = await this.current(key);
    this.check(definition, subject, body);
    if (subject === definition.subject && body === definition.body) return this.templates.remove(key);
    await this.templates.save(key, subject, body, byId);
  }

  async restore(key: string): Promise<MessageTemplateDefinition> {
    const { definition } = await this.current(key);
    await this.templates.remove(key);
    return definition;
  }

  /** The message as the demo candidate would receive it, from the text in the form (checked first). */
  async preview(key: string, subject: string, body: string): Promise<RenderedMessage> {
    const { definition } = await this.current(key);
    this.check(definition, subject, body);
    const { companyName } = await this.company.profile();
    return render(subject, body, { ...PREVIEW_VALUES, companyName });
  }

  /**
   * The message for one candidate; `companyName` is filled in unless given, and `when` from the meeting, in the
   * candidate's zone (else the company's).
   */
  async render(
    key: MessageKey,
    values: TemplateValues,
    about: { meeting?: { startsAt: Date; durationMinutes: number }; timeZone?: string | null } = {},
  ): Promise<RenderedMessage> {
    const template = await this.current(key);
    const profile = await this.company.profile();
    const companyName = values.companyName ?? profile.companyName;
    const zone = zoneOf(about.timeZone, profile.timeZone);
    const when = about.meeting
      ? meetingTimeText(about.meeting.startsAt, about.meeting.durationMinutes, zone)
      : values.when;
    return render(template.subject, template.body, { ...values, companyName, when });
  }

  check(definition: MessageTemplateDefinition, subject: string, body: string): void {
    const errors: FieldErrors = {};
    const subjectProblem = templateProblem(subject, definition.placeholders);
    const bodyProblem = templateProblem(body, definition.placeholders);
    if (subjectProblem) errors.subject = [subjectProblem];
    if (bodyProblem) errors.body = [bodyProblem];
    if (Object.keys(errors).length) throw new FormInvalidError(errors);
  }
}

function render(subject: string, body: string, values: TemplateValues): RenderedMessage {
  return { subject: renderSubject(subject, values), text: renderText(body, values), html: renderHtml(body, values) };
}
