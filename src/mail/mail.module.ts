import { Module } from '@nestjs/common';
import { MailService } from './mail.service.js';
import { MessageTemplatesRepository } from './message-templates.repository.js';
import { MessageTemplatesService } from './message-templates.service.js';
import { OutboxController } from './outbox.controller.js';
import { OutboxPages } from './outbox.pages.js';
import { OutboxRepository } from './outbox.repository.js';
import { OutboxWorker } from './outbox.worker.js';

@Module({
  controllers: [OutboxController],
  providers: [
    MailService,
    OutboxRepository,
    OutboxPages,
    OutboxWorker,
    MessageTemplatesRepository,
    MessageTemplatesService,
  ],
  exports: [MailService, OutboxRepository, OutboxWorker, MessageTemplatesService],
})
export class MailModule {}
