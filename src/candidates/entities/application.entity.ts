import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Position } from '../../positions/entities/position.entity.js';
import { Candidate, type Source } from './candidate.entity.js';
import { RejectionReason } from './rejection-reason.entity.js';

export const STAGES = [
  'applied',
  'vetting',
  'interview',
  'decision',
  'offer',
  'hired',
  'rejected',
  'withdrawn',
] as const;
export type Stage = (typeof STAGES)[number];
/** The stages a board shows as columns, in order; rejected and withdrawn leave the board. */
export const PIPELINE_STAGES: Stage[] = ['applied', 'vetting', 'interview', 'decision', 'offer', 'hired'];
export const STAGE_LABELS: Record<Stage, string> = {
  applied: 'Applied',
  vetting: 'Vetting',
  interview: 'Interview',
  decision: 'Decision',
  offer: 'Offer',
  hired: 'Hired',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

/** A candidate applying to one position, against the version published when they applied. */
@Entity('applications')
export class Application {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  candidateId: number;

  @ManyToOne(() => Candidate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'candidateId' })
  candidate: Relation<Candidate>;

  @Column({ type: 'integer' })
  positionId: number;

  @ManyToOne(() => Position, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'positionId' })
  position: Relation<Position>;

  @Column({ type: 'integer' })
  positionVersion: number;

  @Column({ type: 'varchar', length: 16 })
  stage: Stage;

  @Column({ type: Date })
  stageChangedAt: Date;

  /** Shown to blind graders instead of the name, e.g. "A-7F3K". */
  @Column({ type: 'varchar', length: 12, unique: true })
  code: string;

  @Column({ type: 'integer', nullable: true })
  rejectionReasonId: number | null;

  @ManyToOne(() => RejectionReason, { nullable: true })
  @JoinColumn({ name: 'rejectionReasonId' })
  rejectionReason: Relation<RejectionReason> | null;

  /** The stage a rejected application left (an undo or a reopening returns it there). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  rejectedFromStage: Stage | null;

  /** The outbox message telling the candidate of the rejection; null when none was sent. */
  @Column({ type: 'integer', nullable: true })
  rejectionMessageId: number | null;

  /** When the first-year development plan was shown to the candidate in the portal, and when they first read it. */
  @Column({ type: Date, nullable: true })
  planSharedAt: Date | null;

  @Column({ type: Date, nullable: true })
  planOpenedAt: Date | null;

  /** Where this application came from; the candidate's own source is where Keeper first met them. */
  @Column({ type: 'varchar', length: 16 })
  source: Source;

  /** For a recruiter's submission: the agency and the recruiter credited with it. */
  @Column({ type: 'integer', nullable: true })
  agencyId: number | null;

  @Column({ type: 'integer', nullable: true })
  recruiterId: number | null;

  /** The privacy notice version the candidate accepted when applying themselves, and when. */
  @Column({ type: 'integer', nullable: true })
  privacyNoticeVersion: number | null;

  @Column({ type: Date, nullable: true })
  privacyAcceptedAt: Date | null;

  /** When the candidate confirmed "I have read the outcomes this position is measured by". */
  @Column({ type: Date, nullable: true })
  outcomesConfirmedAt: Date | null;

  /**
   * When the candidate was anonymised (a copy of theirs, set in the same transaction): such applications leave every
   * list and board but still count in the insights.
   */
  @Column({ type: Date, nullable: true })
  anonymisedAt: Date | null;

  /** Who added it; null when the candidate applied on the careers site. */
  @Column({ type: 'integer', nullable: true })
  createdById: number | null;

  @CreateDateColumn()
  createdAt: Date;
}
