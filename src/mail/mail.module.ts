import { Module } from '@nestjs/common';
import { MailService } from './mail.service.js';
import { MessageTemplatesRepository } from './message-templates.repository.js';
import { MessageTemplatesService } from './message-templates.service.js';
import { MessagesController } from './messages.controller.js';
import { EditMessagePage, MessagesListPage } from './messages.pages.js';
import { OutboxController } from './outbox.controller.js';
import { OutboxPages } from './outbox.pages.js';
import { OutboxRepository } from './outbox.repository.js';
import { OutboxWorker } from './outbox.worker.js';

@Module({
  controllers: [OutboxController, MessagesController],
  providers: [
    MailService,
    OutboxRepository,
    OutboxPages,
    OutboxWorker,
    MessageTemplatesRepository,
    MessageTemplatesService,
    MessagesListPage,
    EditMessagePage,
  ],
  exports: [MailService, OutboxRepository, OutboxWorker, MessageTemplatesService],
})
export class MailModule {}
