import { Injectable } from '@nestjs/common';
import { notFound } from '../common/errors.js';
import { pageRequest, pageView } from '../common/pagination.js';
import { OutboxRepository } from './outbox.repository.js';

/** The outbox pages: the kept messages, newest first, and one message with its attachments. */
@Injectable()
export class OutboxPages {
  constructor(private readonly outbox: OutboxRepository) {}

  async list(page?: string) {
    const request = pageRequest(page);
    const [messages, total] = await this.outbox.findPageNewestFirst(request);
    return {
      title: 'Outbox',
      messages: messages.map((m) => ({ id: m.id, to: m.to, subject: m.subject, createdAt: m.createdAt })),
      pagination: pageView(request, total, '/admin/outbox'),
    };
  }

  async message(id: number) {
    const message = await this.outbox.findById(id);
    if (!message) throw notFound('That message');
    return {
      title: message.subject,
      message: {
        to: message.to,
        subject: message.subject,
        text: message.text,
        createdAt: message.createdAt,
        attachments: message.attachments ?? [],
      },
    };
  }
}
