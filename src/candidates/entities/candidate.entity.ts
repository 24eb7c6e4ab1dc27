import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { StoredFile } from '../../files/stored-file.entity.js';

export const SOURCES = ['referral', 'recruiter', 'careers-page', 'sourced'] as const;
export type Source = (typeof SOURCES)[number];
export const SOURCE_LABELS: Record<Source, string> = {
  referral: 'Referral',
  recruiter: 'Recruiter',
  'careers-page': 'Careers page',
  sourced: 'Sourced',
};

@Entity('candidates')
export class Candidate {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  /** Where they live, as they wrote it. */
  @Column({ type: 'varchar', length: 160, nullable: true })
  location: string | null;

  @Column({ type: 'varchar', length: 16 })
  source: Source;

  /** The IANA zone their mail and portal show times in; null: the company's. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  timeZone: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** When the candidate agreed that Keeper may keep their data. */
  @Column({ type: Date, nullable: true })
  consentAt: Date | null;

  @Column({ type: 'integer', nullable: true })
  resumeFileId: number | null;

  @ManyToOne(() => StoredFile, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'resumeFileId' })
  resumeFile: Relation<StoredFile> | null;

  /** When their personal data was erased (name → anonymous code; see data-protection/anonymisation.service.ts). */
  @Column({ type: Date, nullable: true })
  anonymisedAt: Date | null;

  /** Who added them; null when they applied themselves on the careers site. */
  @Column({ type: 'integer', nullable: true })
  createdById: number | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
