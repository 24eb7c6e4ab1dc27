import { Injectable } from '@nestjs/common';
import type { PageRequest } from '../common/pagination.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { OutboxMessage } from './entities/outbox-message.entity.js';

export type NewOutboxMessage = Pick<OutboxMessage, 'to' | 'subject' | 'text' | 'attachments'>;

/** Messages kept instead of sent; written inside a unit of work, a message joins its transaction. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private get messages() {
    return this.uow.repository(OutboxMessage);
  }

  keep(message: NewOutboxMessage): Promise<OutboxMessage> {
    const messages = this.messages;
    return messages.save(messages.create(message));
  }

  findPageNewestFirst(page: PageRequest): Promise<[OutboxMessage[], number]> {
    return this.messages.findAndCount({
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (page.page - 1) * page.perPage,
      take: page.perPage,
    });
  }

  count(): Promise<number> {
    return this.messages.count();
  }

  findById(id: number): Promise<OutboxMessage | null> {
    return this.messages.findOneBy({ id });
  }
}
