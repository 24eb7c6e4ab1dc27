import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One version of the privacy notice candidates accept when they apply. Versions are never changed: a new text is a
 * new version, and each application records the version its candidate accepted.
 */
@Entity('privacy_notices')
export class PrivacyNotice {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer', unique: true })
  version: number;

  @Column({ type: 'text' })
  body: string;

  /** How long an unsuccessful candidate's data is kept after their last application closes. */
  @Column({ type: 'integer' })
  retentionMonths: number;

  @Column({ type: 'integer', nullable: true })
  createdById: number | null;

  @CreateDateColumn()
  createdAt: Date;
}
