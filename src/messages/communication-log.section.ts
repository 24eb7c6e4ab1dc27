import { Injectable } from '@nestjs/common';
import {
  ApplicationSection,
  type ApplicationContext,
  type ApplicationSectionProvider,
} from '../candidates/application-hub.js';
import { CandidateMessagesService } from './candidate-messages.service.js';
import { MessagesAccess } from './messages.access.js';

/** Every message sent to the candidate about this application, and "Write to the candidate". */
@Injectable()
@ApplicationSection({ partial: 'application/messages', order: 90 })
export class CommunicationLogSection implements ApplicationSectionProvider {
  constructor(
    private readonly messages: CandidateMessagesService,
    private readonly access: MessagesAccess,
  ) {}

  async load({ user, application, canManage }: ApplicationContext) {
    const entries = await this.messages.log(application.id);
    const canWrite = canManage && application.stage !== 'withdrawn';
    return {
      entries,
      linkToOutbox: this.access.canOpenOutbox(user),
      canWrite,
      withdrawn: application.stage === 'withdrawn',
      templates: canWrite ? (await this.messages.draft(user, application.id)).templates : [],
    };
  }
}
