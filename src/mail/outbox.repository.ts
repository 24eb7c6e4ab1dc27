import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { PageRequest } from '../common/pagination.js';
import { OutboxMessage } from './entities/outbox-message.entity.js';

@Injectable()
export class OutboxRepository {
  constructor(@InjectRepository(OutboxMessage) private readonly messages: Repository<OutboxMessage>) {}

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
