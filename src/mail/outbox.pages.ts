import { Injectable } from '@nestjs/common';
import { notFound } from '../common/errors.js';
import { pageRequest, pageView } from '../common/pagination.js';
import { AppConfig } from '../config/app-config.js';
import type { OutboxQueryDto } from './dto/outbox-query.dto.js';
import { OUTBOX_STATUSES, type OutboxMessage, type OutboxStatus } from './entities/outbox-message.entity.js';
import { OutboxRepository } from './outbox.repository.js';

const STATUS_LABELS: Record<OutboxStatus, string> = {
  queued: 'Waiting',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
  kept: 'Kept, no mail server',
  scheduled: 'Scheduled',
  cancelled: 'Cancelled',
};

/** The outbox pages: every message, newest first, with how its delivery went; and one message with its attachments. */
@Injectable()
export class OutboxPages {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly config: AppConfig,
  ) {}

  async list(query: OutboxQueryDto) {
    const request = pageRequest(query.page);
    const status = query.status || undefined;
    const [messages, total] = await this.outbox.findPageNewestFirst(request, status);
    return {
      title: 'Outbox',
      mailServer: Boolean(this.config.smtpUrl),
      statuses: OUTBOX_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value], selected: value === status })),
      filtered: Boolean(status),
      messages: messages.map((m) => ({
        id: m.id,
        to: m.to,
        subject: m.subject,
        createdAt: m.createdAt,
        ...delivery(m),
      })),
      pagination: pageView(request, total, '/admin/outbox', { status }),
    };
  }

  async message(id: number) {
    const message = await this.outbox.findById(id);
    if (!message) throw notFound('That message');
    return {
      title: message.subject,
      message: {
        id: message.id,
        to: message.to,
        subject: message.subject,
        text: message.text,
        createdAt: message.createdAt,
        sentAt: message.sentAt,
        attachments: message.attachments ?? [],
        ...delivery(message),
      },
    };
  }
}

function delivery(message: OutboxMessage) {
  return {
    status: message.status,
    statusLabel: STATUS_LABELS[message.status],
    failed: message.status === 'failed',
    attempts: message.attempts,
    lastError: message.lastError,
    nextAttemptAt: message.status === 'queued' ? message.nextAttemptAt : null,
    canRetry: message.status === 'queued' || message.status === 'failed',
  };
}
