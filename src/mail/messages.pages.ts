import { Injectable } from '@nestjs/common';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { MESSAGE_STAGES, PLACEHOLDERS } from './message-templates.js';
import { MessageTemplatesService, type CurrentTemplate } from './message-templates.service.js';

/** Settings → Messages: every candidate message, grouped by the stage of the process it belongs to. */
@Injectable()
export class MessagesListPage {
  constructor(private readonly templates: MessageTemplatesService) {}

  async build() {
    const templates = await this.templates.list();
    return {
      title: 'Messages',
      stages: MESSAGE_STAGES.map((stage) => ({
        stage,
        templates: templates.filter((template) => template.definition.stage === stage).map(summary),
      })),
    };
  }
}

/** One template's subject and body with its placeholders beside them; after "Preview", the message as Hana would read it. */
@Injectable()
export class EditMessagePage implements FormPage {
  readonly view = 'messages/edit';

  constructor(private readonly templates: MessageTemplatesService) {}

  async build({ params = {}, body }: Pick<PageRequest, 'params' | 'body'>) {
    const template = await this.templates.current(params.key ?? '');
    return {
      title: template.definition.label,
      template: summary(template),
      values: {
        subject: typeof body?.subject === 'string' ? body.subject : template.subject,
        body: typeof body?.body === 'string' ? body.body : template.body,
      },
      placeholders: template.definition.placeholders.map((name) => ({
        tag: `{{${name}}}`,
        description: PLACEHOLDERS[name],
      })),
    };
  }

  /** The form as posted, with the rendered preview (the HTML part shown in a sandboxed frame). */
  async preview(key: string, subject: string, body: string) {
    const page = await this.build({ params: { key }, body: { subject, body } });
    const preview = await this.templates.preview(key, subject, body);
    return { ...page, preview };
  }
}

function summary(template: CurrentTemplate) {
  return {
    key: template.definition.key,
    label: template.definition.label,
    when: template.definition.when,
    subject: template.subject,
    changed: template.changed,
    updatedAt: template.updatedAt,
  };
}
