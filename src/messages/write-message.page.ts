import { Injectable } from '@nestjs/common';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { CandidateMessagesService } from './candidate-messages.service.js';

/** "Write to the candidate": subject and message, empty or started from a template with the candidate's values. */
@Injectable()
export class WriteMessagePage implements FormPage {
  readonly view = 'messages/write';

  constructor(private readonly messages: CandidateMessagesService) {}

  async build({ user, id, query = {}, body }: PageRequest) {
    const template = typeof query.template === 'string' ? query.template : undefined;
    const draft = await this.messages.draft(user, id, template);
    const { candidate, position } = draft.application;
    return {
      title: `Write to ${candidate.name}`,
      application: {
        id: draft.application.id,
        candidateName: candidate.name,
        email: candidate.email,
        positionTitle: position.title,
      },
      template: template ?? '',
      templates: draft.templates.map((item) => ({ value: item.key, label: item.label })),
      values: body ?? { subject: draft.subject, body: draft.body },
    };
  }
}
