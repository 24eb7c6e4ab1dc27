import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A message template an admin has changed; a template with no row here is sent with its default text (in code). */
@Entity('message_templates')
export class MessageTemplate {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  key: string;

  @Column({ type: 'varchar', length: 255 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @UpdateDateColumn()
  updatedAt: Date;

  @Column({ type: 'integer', nullable: true })
  updatedById: number | null;
}
