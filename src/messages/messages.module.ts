import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AccountsModule } from '../accounts/accounts.module.js';
import { CandidatesModule } from '../candidates/candidates.module.js';
import { MailModule } from '../mail/mail.module.js';
import { VettingModule } from '../vetting/vetting.module.js';
import { CandidateMessagesController } from './candidate-messages.controller.js';
import { CandidateMessagesService } from './candidate-messages.service.js';
import { CommunicationLogSection } from './communication-log.section.js';
import { MessagesAccess } from './messages.access.js';
import { WithdrawalMessage } from './withdrawal-message.js';
import { WriteMessagePage } from './write-message.page.js';

/** The communication log on the application page and the hiring team's own messages to candidates. */
@Module({
  imports: [AccountsModule, CandidatesModule, MailModule, VettingModule, DiscoveryModule],
  controllers: [CandidateMessagesController],
  providers: [CandidateMessagesService, CommunicationLogSection, MessagesAccess, WriteMessagePage, WithdrawalMessage],
})
export class MessagesModule {}
