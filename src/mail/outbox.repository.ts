import { Injectable } from '@nestjs/common';
import { In, type FindOptionsWhere } from 'typeorm';
import type { PageRequest } from '../common/pagination.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { OutboxMessage, type OutboxStatus } from './entities/outbox-message.entity.js';
import { FORGET_ONCE_SENT, type MessageKey } from './message-templates.js';

/** What a delivered message that must not outlive an erasure keeps of its recipient and its text. */
export const ERASED_RECIPIENT = 'erased@anonymised.invalid';
export const ERASED_TEXT = '(Delivered, then erased with the candidate’s data.)';

export type NewOutboxMessage = Pick<OutboxMessage, 'to' | 'subject' | 'text' | 'attachments' | 'status'> &
  Partial<Pick<OutboxMessage, 'nextAttemptAt' | 'html' | 'applicationId' | 'templateKey' | 'authorId'>>;

/** A due message is queued and its time has come, or was claimed by a worker that has not finished in time (it died). */
const DUE = `(status IN ('queued', 'scheduled') AND "nextAttemptAt" <= :now) OR (status = 'sending' AND "claimedAt" <= :stale)`;

/** Outgoing messages; written inside a unit of work, a message joins its transaction. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private get messages() {
    return this.uow.repository(OutboxMessage);
  }

  add(message: NewOutboxMessage): Promise<OutboxMessage> {
    const messages = this.messages;
    return messages.save(messages.create(message));
  }

  /**
   * Marks up to `limit` due messages as being sent under `token` and returns them. The claim is one conditional
   * UPDATE, so two workers never claim the same row: on PostgreSQL the candidate rows are locked (SKIP LOCKED),
   * and on both databases the status condition is checked again on the row being updated.
   */
  async claimDue(token: string, now: Date, stale: Date, limit: number): Promise<OutboxMessage[]> {
    const messages = this.messages;
    const candidates = messages.createQueryBuilder('due').select('due.id').where(DUE).orderBy('due.id').limit(limit);
    if (messages.manager.connection.options.type === 'postgres')
      candidates.setLock('pessimistic_write').setOnLocked('skip_locked');
    await messages
      .createQueryBuilder()
      .update()
      .set({ status: 'sending', claimToken: token, claimedAt: now })
      .where(`id IN (${candidates.getQuery()})`)
      .andWhere(DUE)
      .setParameters({ now, stale })
      .execute();
    return messages.find({ where: { claimToken: token, status: 'sending' }, order: { id: 'ASC' } });
  }

  /**
   * Records the delivery of a claimed message; false when another worker has taken it over meanwhile. The news of
   * an erasure is the last thing Keeper holds with the person's address: once delivered, it forgets both.
   */
  async markSent(message: OutboxMessage, token: string, sentAt: Date): Promise<boolean> {
    const forget = message.templateKey !== null && FORGET_ONCE_SENT.includes(message.templateKey as MessageKey);
    const result = await this.messages.update(
      { id: message.id, claimToken: token, status: 'sending' },
      {
        ...(forget ? { to: ERASED_RECIPIENT, text: ERASED_TEXT, html: null } : {}),
        status: 'sent',
        sentAt,
        attempts: message.attempts + 1,
        nextAttemptAt: null,
        lastError: null,
        claimToken: null,
      },
    );
    return result.affected === 1;
  }

  /** Records a failed attempt: the message waits until `nextAttemptAt`, or has failed for good when that is null. */
  async markFailed(message: OutboxMessage, token: string, error: string, nextAttemptAt: Date | null): Promise<void> {
    await this.messages.update(
      { id: message.id, claimToken: token, status: 'sending' },
      {
        status: nextAttemptAt ? 'queued' : 'failed',
        attempts: message.attempts + 1,
        lastError: error,
        nextAttemptAt,
        claimToken: null,
      },
    );
  }

  /** Makes a waiting or failed message due now; false when it is neither (sent, being sent, or kept). */
  async retryNow(id: number, now: Date): Promise<boolean> {
    const result = await this.messages.update(
      { id, status: In(['queued', 'failed']) },
      { status: 'queued', nextAttemptAt: now },
    );
    return result.affected === 1;
  }

  /**
   * Cancels a message that has not left yet (scheduled, or queued and not claimed by a worker); false when it has
   * been claimed, sent or kept. The condition is checked on the row, so a worker's claim and an undo never both win.
   */
  async cancelPending(id: number): Promise<boolean> {
    const result = await this.messages.update(
      { id, status: In(['scheduled', 'queued']) },
      { status: 'cancelled', nextAttemptAt: null },
    );
    return result.affected === 1;
  }

  /** Without a mail server: scheduled messages whose time has come are kept to be read, like every other message. */
  async keepDue(now: Date): Promise<number> {
    const result = await this.messages
      .createQueryBuilder()
      .update()
      .set({ status: 'kept', nextAttemptAt: null })
      .where(`status = 'scheduled' AND "nextAttemptAt" <= :now`, { now })
      .execute();
    return result.affected ?? 0;
  }

  findPageNewestFirst(page: PageRequest, status?: OutboxStatus): Promise<[OutboxMessage[], number]> {
    const where: FindOptionsWhere<OutboxMessage> = status ? { status } : {};
    return this.messages.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (page.page - 1) * page.perPage,
      take: page.perPage,
    });
  }

  /** Every message about one application, newest first (its communication log). */
  findForApplication(applicationId: number): Promise<OutboxMessage[]> {
    return this.messages.find({ where: { applicationId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  /** Whether this template was ever written to the outbox for the application (one-time messages). */
  hasTemplate(applicationId: number, templateKey: string): Promise<boolean> {
    return this.messages.existsBy({ applicationId, templateKey });
  }

  count(): Promise<number> {
    return this.messages.count();
  }

  findById(id: number): Promise<OutboxMessage | null> {
    return this.messages.findOneBy({ id });
  }
}
