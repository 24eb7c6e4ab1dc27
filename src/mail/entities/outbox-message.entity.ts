import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/** A message kept in the database instead of being sent, when no SMTP_URL is configured. */
@Entity('outbox_messages')
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

  @CreateDateColumn()
  createdAt: Date;
}
