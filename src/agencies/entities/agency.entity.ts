import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import { User } from '../../accounts/entities/user.entity.js';
import { Application } from '../../candidates/entities/application.entity.js';
import { Candidate } from '../../candidates/entities/candidate.entity.js';
import { Position } from '../../positions/entities/position.entity.js';

/** An external recruiting agency: its terms, and the recruiters who work for it. */
@Entity('agencies')
export class Agency {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 120, unique: true })
  name: string;

  @Column({ type: 'text', nullable: true })
  feeTerms: string | null;

  /** Percent of the first-year salary paid per placement, e.g. 20 or 17.5. */
  @Column({ type: 'float' })
  feePercent: number;

  /** Months after the start date in which the agency replaces or refunds a hire who leaves. */
  @Column({ type: 'integer' })
  guaranteeMonths: number;

  @Column({ type: Boolean, default: true })
  active: boolean;

  @CreateDateColumn()
  createdAt: Date;
}

/** A user with the recruiter role belongs to exactly one agency. */
@Entity('agency_recruiters')
export class AgencyRecruiter {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer', unique: true })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user: Relation<User>;

  @Index()
  @Column({ type: 'integer' })
  agencyId: number;

  @ManyToOne(() => Agency, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agencyId' })
  agency: Relation<Agency>;
}

/** A recruiter may submit candidates to this position and read its brief. */
@Entity('recruiter_positions')
@Unique('UQ_recruiter_positions_pair', ['recruiterId', 'positionId'])
export class RecruiterPosition {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  recruiterId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recruiterId' })
  recruiter: Relation<User>;

  @Index()
  @Column({ type: 'integer' })
  positionId: number;

  @ManyToOne(() => Position, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'positionId' })
  position: Relation<Position>;

  @CreateDateColumn()
  createdAt: Date;
}

/**
 * A candidate a recruiter put forward for a position. When Keeper already knew the candidate (same email, within the
 * last 12 months) the submission is kept, marked already known, and credits nobody: the application keeps its source.
 */
@Entity('agency_submissions')
export class AgencySubmission {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  agencyId: number;

  @ManyToOne(() => Agency)
  @JoinColumn({ name: 'agencyId' })
  agency: Relation<Agency>;

  @Index()
  @Column({ type: 'integer' })
  recruiterId: number;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'recruiterId' })
  recruiter: Relation<User>;

  @Column({ type: 'integer' })
  positionId: number;

  @ManyToOne(() => Position, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'positionId' })
  position: Relation<Position>;

  @Column({ type: 'integer' })
  candidateId: number;

  @ManyToOne(() => Candidate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'candidateId' })
  candidate: Relation<Candidate>;

  /** The application this submission is credited with; null when the candidate was already known. */
  @Column({ type: 'integer', nullable: true })
  applicationId: number | null;

  @ManyToOne(() => Application, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'applicationId' })
  application: Relation<Application> | null;

  @Column({ type: Boolean })
  alreadyKnown: boolean;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn()
  createdAt: Date;
}
