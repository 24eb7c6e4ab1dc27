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
import type { GoalKind } from '../pace.js';
import { Hire } from './hire.entity.js';

export const REVIEW_RESULTS = ['met', 'partly', 'not-met'] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];
export const REVIEW_RESULT_LABELS: Record<ReviewResult, string> = {
  met: 'Met',
  partly: 'Partly met',
  'not-met': 'Not met',
};

/** A position outcome as a goal of one hire's first-year plan, with its real deadline. */
@Entity('hire_goals')
export class HireGoal {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  hireId: number;

  @ManyToOne(() => Hire, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'hireId' })
  hire: Relation<Hire>;

  @Column({ type: 'integer', nullable: true })
  outcomeId: number | null;

  @Column({ type: 'integer' })
  sortOrder: number;

  @Column({ type: 'varchar', length: 200 })
  label: string;

  /** The outcome's sentence as the position stated it. */
  @Column({ type: 'text' })
  sentence: string;

  @Column({ type: 'varchar', length: 8 })
  kind: GoalKind;

  @Column({ type: 'float' })
  target: number;

  @Column({ type: 'varchar', length: 60, nullable: true })
  unit: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  deadlineKind: string | null;

  @Column({ type: 'integer', nullable: true })
  deadlineN: number | null;

  @Column({ type: 'varchar', length: 10 })
  deadlineOn: string;

  @Column({ type: 'integer', nullable: true })
  weight: number | null;

  /** Recorded at the month-10 review. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  result: ReviewResult | null;
}

@Entity('hire_milestones')
export class HireMilestone {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  hireId: number;

  @ManyToOne(() => Hire, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'hireId' })
  hire: Relation<Hire>;

  @Column({ type: 'integer' })
  sortOrder: number;

  @Column({ type: 'varchar', length: 80 })
  phase: string;

  @Column({ type: 'varchar', length: 300 })
  description: string;

  @Column({ type: 'integer' })
  monthOffset: number;

  @Column({ type: 'varchar', length: 10 })
  dueOn: string;

  @Column({ type: 'integer', nullable: true })
  goalId: number | null;

  @Column({ type: 'integer', nullable: true })
  interimTargetPercent: number | null;
}

/** A check-in as it read before a correction, and who corrected it when. */
export interface CheckInVersion {
  heldOn: string;
  actuals: Record<string, number>;
  coachingNotes: string | null;
  nextSteps: string | null;
  correctedAt: string;
  correctedById: number;
}

/** A monthly check-in: actual value per goal to date, coaching notes, next steps, and the new hire's own view. */
@Entity('check_ins')
export class CheckIn {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  hireId: number;

  @ManyToOne(() => Hire, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'hireId' })
  hire: Relation<Hire>;

  @Column({ type: 'varchar', length: 10 })
  heldOn: string;

  /** Goal id → actual value to date. */
  @Column({ type: 'simple-json' })
  actuals: Record<string, number>;

  @Column({ type: 'text', nullable: true })
  coachingNotes: string | null;

  @Column({ type: 'text', nullable: true })
  nextSteps: string | null;

  @Column({ type: 'text', nullable: true })
  newHireView: string | null;

  /** What the check-in said before each correction, oldest first. */
  @Column({ type: 'simple-json', nullable: true })
  earlierVersions: CheckInVersion[] | null;

  @Column({ type: 'integer' })
  createdById: number;

  @CreateDateColumn()
  createdAt: Date;
}

/** One week's learning in one area, logged by the new hire. */
@Entity('learning_entries')
export class LearningEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  hireId: number;

  @ManyToOne(() => Hire, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'hireId' })
  hire: Relation<Hire>;

  /** The Monday of the week. */
  @Column({ type: 'varchar', length: 10 })
  weekOf: string;

  @Column({ type: 'varchar', length: 80 })
  area: string;

  @Column({ type: 'text' })
  what: string;

  @Column({ type: 'integer' })
  minutes: number;

  @CreateDateColumn()
  createdAt: Date;
}
