import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Candidate } from '../../candidates/entities/candidate.entity.js';

export const DATA_REQUEST_STATUSES = ['pending', 'confirmed', 'refused'] as const;
export type DataRequestStatus = (typeof DATA_REQUEST_STATUSES)[number];

/** Why an erasure may be refused: a legal hold, the EEOC's one-year minimum (29 CFR 1602.14), or another reason. */
export const REFUSAL_REASONS = ['legal-hold', 'eeoc', 'other'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** A candidate's request about their data, made in the portal; an admin answers it within 30 days. */
@Entity('data_requests')
@Index('IDX_data_requests_status_createdAt', ['status', 'createdAt'])
export class DataRequest {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_data_requests_candidateId')
  @Column({ type: 'integer' })
  candidateId: number;

  @ManyToOne(() => Candidate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'candidateId' })
  candidate: Relation<Candidate>;

  /** The application whose portal link the request came through. */
  @Column({ type: 'integer', nullable: true })
  applicationId: number | null;

  @Column({ type: 'varchar', length: 16 })
  kind: 'erasure';

  @Column({ type: 'varchar', length: 16 })
  status: DataRequestStatus;

  @Column({ type: Date })
  dueAt: Date;

  @Column({ type: Date, nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'integer', nullable: true })
  decidedById: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  refusalReason: RefusalReason | null;

  @Column({ type: 'text', nullable: true })
  refusalText: string | null;

  @CreateDateColumn()
  createdAt: Date;
}
