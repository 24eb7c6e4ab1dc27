import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';
import { MessageTemplate } from './entities/message-template.entity.js';

/** The message templates an admin has changed. */
@Injectable()
export class MessageTemplatesRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private get templates() {
    return this.uow.repository(MessageTemplate);
  }

  findAll(): Promise<MessageTemplate[]> {
    return this.templates.find();
  }

  findByKey(key: string): Promise<MessageTemplate | null> {
    return this.templates.findOneBy({ key });
  }

  async save(key: string, subject: string, body: string, updatedById: number): Promise<void> {
    await this.templates.upsert({ key, subject, body, updatedById, updatedAt: new Date() }, ['key']);
  }

  async remove(key: string): Promise<void> {
    await this.templates.delete({ key });
  }
}
