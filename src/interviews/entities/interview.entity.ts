import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { User } from '../../accounts/entities/user.entity.js';
import { Application } from '../../candidates/entities/application.entity.js';

export const DECISIONS = ['hire', 'no-hire', 'hold'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Record<Decision, string> = { hire: 'Hire', 'no-hire': 'No hire', hold: 'Hold' };

export const RECOMMENDATIONS = ['strong-no', 'no', 'yes', 'strong-yes'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  'strong-no': 'Strong no',
  no: 'No',
  yes: 'Yes',
  'strong-yes': 'Strong yes',
};

export const PLAN_REACTIONS = ['embraces', 'neutral', 'resists'] as const;
export type PlanReaction = (typeof PLAN_REACTIONS)[number];
export const PLAN_REACTION_LABELS: Record<PlanReaction, string> = {
  embraces: 'Embraces it',
  neutral: 'Neutral',
  resists: 'Resists it',
};

/** A kit question as it stood when the interview was scheduled, so later kit edits do not change a scored interview. */
export interface InterviewQuestion {
  questionId: number;
  text: string;
  followUps: string | null;
  rubric: [string, string, string, string];
  minutes: number;
  outcomeIds: number[];
}

/** One round of structured interviews for an application, run by a panel of two or three. */
@Entity('interviews')
export class Interview {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  applicationId: number;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicationId' })
  application: Relation<Application>;

  @Column({ type: 'integer' })
  round: number;

  /** UTC instant; shown in timeZone. */
  @Column({ type: Date })
  startsAt: Date;

  /** IANA zone the interview was planned in, e.g. "Europe/Berlin". */
  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'integer' })
  durationMinutes: number;

  /** A room or a video link. */
  @Column({ type: 'varchar', length: 300 })
  location: string;

  /** The calendar UID, kept for every update and the cancellation. */
  @Column({ type: 'varchar', length: 120, unique: true })
  uid: string;

  @Column({ type: 'integer', default: 0 })
  sequence: number;

  @Column({ type: Date, nullable: true })
  cancelledAt: Date | null;

  /** When the candidate was sent the day-before reminder (once per interview). */
  @Column({ type: Date, nullable: true })
  candidateRemindedAt: Date | null;

  @Column({ type: 'simple-json' })
  questions: InterviewQuestion[];

  /** The position's outcomes when scheduled: id and label, for the mean per outcome. */
  @Column({ type: 'simple-json' })
  outcomes: { id: number; label: string }[];

  @Column({ type: 'text', nullable: true })
  instructions: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  decision: Decision | null;

  @Column({ type: 'text', nullable: true })
  rationale: string | null;

  @Column({ type: Date, nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'integer', nullable: true })
  decidedById: number | null;

  @ManyToOne(() => User, { nullable: true })
  @JoinColumn({ name: 'decidedById' })
  decidedBy: Relation<User> | null;

  @Column({ type: 'integer' })
  scheduledById: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;

  @OneToMany(() => Panelist, (panelist) => panelist.interview, { cascade: true })
  panelists: Relation<Panelist>[];

  get endsAt(): Date {
    return new Date(this.startsAt.getTime() + this.durationMinutes * 60_000);
  }

  /** Scorecards are due within 24 hours of the interview's end. */
  get scorecardsDueAt(): Date {
    return new Date(this.endsAt.getTime() + 24 * 3_600_000);
  }
}

export interface Rating {
  rating: number | null;
  evidence: string;
}

/** One interviewer on a panel: preparation, and their scorecard (draft until submittedAt; ratings are ScorecardRating rows). */
@Entity('panelists')
@Index(['interviewId', 'userId'], { unique: true })
export class Panelist {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  interviewId: number;

  @ManyToOne(() => Interview, (interview) => interview.panelists, { onDelete: 'CASCADE', orphanedRowAction: 'delete' })
  @JoinColumn({ name: 'interviewId' })
  interview: Relation<Interview>;

  @Index()
  @Column({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'userId' })
  user: Relation<User>;

  @Column({ type: 'boolean', default: false })
  lead: boolean;

  @Column({ type: Date, nullable: true })
  preparedAt: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  planReaction: PlanReaction | null;

  @Column({ type: 'text', nullable: true })
  planNotes: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  recommendation: Recommendation | null;

  @Column({ type: Date, nullable: true })
  submittedAt: Date | null;

  /** When the overdue reminder was mailed; at most one per scorecard. */
  @Column({ type: Date, nullable: true })
  remindedAt: Date | null;

  /** Each scorecard save claims the version it read, so two saves never both diff against the same ratings. */
  @VersionColumn({ default: 1 })
  lockVersion: number;

  @UpdateDateColumn()
  updatedAt: Date;
}

/** A change to a scorecard after it was submitted: every field that changed, from and to. */
@Entity('scorecard_edits')
export class ScorecardEdit {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  panelistId: number;

  @ManyToOne(() => Panelist, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'panelistId' })
  panelist: Relation<Panelist>;

  @Column({ type: 'simple-json' })
  changes: { field: string; from: string; to: string }[];

  @CreateDateColumn()
  createdAt: Date;
}

/**
 * One question's rating (1–4) and evidence on one panelist's scorecard: the only store of ratings, drafts included
 * (a draft may have evidence and no rating yet). Reports aggregate the rows of submitted scorecards in SQL.
 */
@Entity('scorecard_ratings')
@Index(['panelistId', 'questionId'], { unique: true })
export class ScorecardRating {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  panelistId: number;

  @ManyToOne(() => Panelist, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'panelistId' })
  panelist: Relation<Panelist>;

  @Index()
  @Column({ type: 'integer' })
  questionId: number;

  @Column({ type: 'integer', nullable: true })
  rating: number | null;

  @Column({ type: 'text', default: '' })
  evidence: string;
}
