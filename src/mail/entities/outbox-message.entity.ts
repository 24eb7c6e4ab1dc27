import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/**
 * queued: waiting for the worker (first try, or a retry after an error); sending: claimed by a worker;
 * sent: delivered; failed: gave up after the last attempt; kept: no mail server is configured, kept to be read here;
 * scheduled: not due before `nextAttemptAt` (a rejection that can still be undone); cancelled: undone before it was due.
 */
export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed', 'kept', 'scheduled', 'cancelled'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** One outgoing message, written in the transaction of the change that sends it and delivered by the outbox worker. */
@Entity('outbox_messages')
@Index('IDX_outbox_messages_status_nextAttemptAt', ['status', 'nextAttemptAt'])
export class OutboxMessage {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 320 })
  to: string;

  @Column({ type: 'varchar', length: 255 })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  /** Files sent with the message, e.g. a calendar invitation, as text. */
  @Column({ type: 'simple-json', nullable: true })
  attachments: MailAttachment[] | null;

  @Column({ type: 'varchar', length: 16, default: 'kept' })
  status: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: Date, nullable: true })
  nextAttemptAt: Date | null;

  /** The mail server's answer to the last attempt, without the message body. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ type: Date, nullable: true })
  claimedAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  claimToken: string | null;

  @Column({ type: Date, nullable: true })
  sentAt: Date | null;

  /** The application the message is about, for its communication log. */
  @Index('IDX_outbox_messages_applicationId')
  @Column({ type: 'integer', nullable: true })
  applicationId: number | null;

  /** The message template it was written from; null for a message a person wrote and for staff mail. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  templateKey: string | null;

  /** The HTML alternative of `text`, when the message has one. */
  @Column({ type: 'text', nullable: true })
  html: string | null;

  /** The person who wrote the message; null for an automatic one (sent with Auto-Submitted: auto-generated). */
  @Column({ type: 'integer', nullable: true })
  authorId: number | null;

  @CreateDateColumn()
  createdAt: Date;
}
