import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The outcomes a retention rule is set for, in the order the settings page lists them. */
export const RETENTION_OUTCOMES = ['rejected', 'withdrawn', 'offer-not-taken', 'hired'] as const;
export type RetentionOutcome = (typeof RETENTION_OUTCOMES)[number];

/** Keep a candidate whose application ended with `outcome` for `months` after the decision. No row: kept. */
@Entity('retention_rules')
export class RetentionRule {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16, unique: true })
  outcome: RetentionOutcome;

  @Column({ type: 'integer' })
  months: number;

  @Column({ type: 'integer', nullable: true })
  updatedById: number | null;

  @UpdateDateColumn()
  updatedAt: Date;
}

/** One run of the retention job, scheduled or started by an admin: counts only, never who. */
@Entity('retention_runs')
export class RetentionRun {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: Date })
  startedAt: Date;

  @Column({ type: Date, nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'varchar', length: 16 })
  trigger: 'schedule' | 'admin';

  @Column({ type: 'integer', nullable: true })
  triggeredById: number | null;

  @Column({ type: 'integer', default: 0 })
  expired: number;

  @Column({ type: 'integer', default: 0 })
  anonymised: number;

  @Column({ type: 'integer', default: 0 })
  failed: number;
}
