import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { User } from '../../accounts/entities/user.entity.js';
import { Application } from '../../candidates/entities/application.entity.js';
import { Position } from '../../positions/entities/position.entity.js';

export const OFFER_STATUSES = ['extended', 'accepted', 'declined', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** An offer to a candidate after a hire decision. Accepting it makes the hire. */
@Entity('offers')
export class Offer {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  applicationId: number;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicationId' })
  application: Relation<Application>;

  /** "YYYY-MM-DD" */
  @Column({ type: 'varchar', length: 10 })
  offeredOn: string;

  @Column({ type: 'text' })
  terms: string;

  /** The first-year salary offered, in the position's currency (an agency's fee is a percentage of it). */
  @Column({ type: 'integer', nullable: true })
  salary: number | null;

  @Column({ type: 'varchar', length: 16 })
  status: OfferStatus;

  @Column({ type: Date, nullable: true })
  respondedAt: Date | null;

  @Column({ type: 'integer' })
  createdById: number;

  @CreateDateColumn()
  createdAt: Date;
}

/** Someone hired: their account, their manager, their start date; onboarding and the development plan hang off it. */
@Entity('hires')
export class Hire {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer', unique: true })
  applicationId: number;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicationId' })
  application: Relation<Application>;

  @Column({ type: 'integer' })
  positionId: number;

  @ManyToOne(() => Position)
  @JoinColumn({ name: 'positionId' })
  position: Relation<Position>;

  @Index()
  @Column({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'userId' })
  user: Relation<User>;

  @Index()
  @Column({ type: 'integer' })
  managerId: number;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'managerId' })
  manager: Relation<User>;

  @Column({ type: 'integer', nullable: true })
  buddyId: number | null;

  @ManyToOne(() => User, { nullable: true })
  @JoinColumn({ name: 'buddyId' })
  buddy: Relation<User> | null;

  /** "YYYY-MM-DD" */
  @Column({ type: 'varchar', length: 10 })
  startDate: string;

  /** Set at the month-10 review: did they become a keeper? */
  @Column({ type: 'boolean', nullable: true })
  keeper: boolean | null;

  @Column({ type: Date, nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  reviewNotes: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @OneToMany(() => OnboardingTask, (task) => task.hire)
  tasks: Relation<OnboardingTask>[];
}

export const TASK_CATEGORIES = ['logistics', 'systems', 'immersion', 'customers'] as const;
export type TaskCategory = (typeof TASK_CATEGORIES)[number];
export const TASK_CATEGORY_LABELS: Record<TaskCategory, string> = {
  logistics: 'Logistics',
  systems: 'Systems and processes',
  immersion: 'Immersion',
  customers: 'Customers',
};

/** Who does a task: the new hire, their manager, their buddy, or a role outside Keeper such as IT. */
export const OWNER_KINDS = ['new-hire', 'manager', 'buddy', 'role'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

/** One task of a hire's onboarding plan, due a number of days from the start date (−7 to 90). */
@Entity('onboarding_tasks')
export class OnboardingTask {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  hireId: number;

  @ManyToOne(() => Hire, (hire) => hire.tasks, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'hireId' })
  hire: Relation<Hire>;

  @Column({ type: 'integer' })
  sortOrder: number;

  @Column({ type: 'varchar', length: 160 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 16 })
  category: TaskCategory;

  @Column({ type: 'varchar', length: 16 })
  ownerKind: OwnerKind;

  /** The person who does it; null for a role without a Keeper account (then the manager sees to it). */
  @Index()
  @Column({ type: 'integer', nullable: true })
  ownerId: number | null;

  @ManyToOne(() => User, { nullable: true })
  @JoinColumn({ name: 'ownerId' })
  owner: Relation<User> | null;

  /** For a role: its name, e.g. "IT". */
  @Column({ type: 'varchar', length: 80, nullable: true })
  ownerLabel: string | null;

  @Column({ type: 'integer' })
  dueDay: number;

  @Column({ type: 'varchar', length: 10 })
  dueOn: string;

  @Column({ type: Date, nullable: true })
  doneAt: Date | null;

  @Column({ type: 'integer', nullable: true })
  doneById: number | null;
}

export const CONNECTION_STATUSES = ['to-arrange', 'scheduled', 'met'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];
export const CONNECTION_STATUS_LABELS: Record<ConnectionStatus, string> = {
  'to-arrange': 'To arrange',
  scheduled: 'Scheduled',
  met: 'Met',
};

/** Someone the new hire should meet to get things done, and why. */
@Entity('connections')
export class Connection {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  hireId: number;

  @ManyToOne(() => Hire, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'hireId' })
  hire: Relation<Hire>;

  @Column({ type: 'integer', nullable: true })
  userId: number | null;

  @ManyToOne(() => User, { nullable: true })
  @JoinColumn({ name: 'userId' })
  user: Relation<User> | null;

  /** A named person outside Keeper, when there is no user. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  role: string | null;

  @Column({ type: 'varchar', length: 500 })
  why: string;

  @Column({ type: 'integer' })
  targetWeek: number;

  @Column({ type: 'varchar', length: 16 })
  status: ConnectionStatus;

  /** What the new hire learned from them. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'integer' })
  addedById: number;

  @CreateDateColumn()
  createdAt: Date;
}
