import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { User } from '../../accounts/entities/user.entity.js';
import { Outcome } from './outcome.entity.js';

export const POSITION_STATUSES = ['draft', 'published', 'on-hold', 'filled', 'closed'] as const;
export type PositionStatus = (typeof POSITION_STATUSES)[number];
export const WORKPLACES = ['on-site', 'hybrid', 'remote'] as const;
export type Workplace = (typeof WORKPLACES)[number];

/** The position fields a clone or a form copies as they are. */
export const POSITION_COPY_FIELDS = [
  'team',
  'targetMarket',
  'hiringManagerId',
  'location',
  'workplace',
  'headcount',
  'compensationMin',
  'compensationMax',
  'compensationCurrency',
  'mission',
  'description',
] as const;

@Entity('positions')
export class Position {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 160 })
  title: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  team: string | null;

  @Column({ type: 'varchar', length: 160, nullable: true })
  targetMarket: string | null;

  @Column({ type: 'integer' })
  hiringManagerId: number;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'hiringManagerId' })
  hiringManager: Relation<User>;

  @Column({ type: 'varchar', length: 160, nullable: true })
  location: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  workplace: Workplace | null;

  @Column({ type: 'integer', default: 1 })
  headcount: number;

  @Column({ type: 'integer', nullable: true })
  compensationMin: number | null;

  @Column({ type: 'integer', nullable: true })
  compensationMax: number | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  compensationCurrency: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  mission: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: PositionStatus;

  /** The number of the latest published version, or null before the first publication. */
  @Column({ type: 'integer', nullable: true })
  publishedVersion: number | null;

  @Column({ type: 'integer' })
  createdById: number;

  /** Listed on /careers (only while published and ready to recruit). */
  @Column({ type: Boolean, default: false })
  onCareersSite: boolean;

  /** When it was first listed on the careers site (the JobPosting's datePosted). */
  @Column({ type: Date, nullable: true })
  careersListedAt: Date | null;

  /** Most words in one answer to an outcome question on the application form. */
  @Column({ type: 'integer', default: 150 })
  answerWordLimit: number;

  /** Whether blind graders read the answers to the outcome questions (masked like the writing test). */
  @Column({ type: Boolean, default: false })
  answersToGraders: boolean;

  /** Optimistic lock: a save from a stale form is refused. */
  @VersionColumn()
  lockVersion: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;

  @OneToMany(() => Outcome, (outcome) => outcome.position, { cascade: true })
  outcomes: Relation<Outcome>[];
}
