import {
  Column,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { LearningArea } from './learning-area.entity.js';
import { PlanPhase } from './plan-phase.entity.js';

/** The first-year development plan a position's new hire will follow, written before recruiting starts. */
@Entity('plan_templates')
export class PlanTemplate {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer', unique: true })
  positionId: number;

  /** e.g. "Weekly one-to-one, tied to live opportunities" */
  @Column({ type: 'varchar', length: 200, nullable: true })
  coachingCadence: string | null;

  /** e.g. "Morgan Reyes (hiring manager)" */
  @Column({ type: 'varchar', length: 160, nullable: true })
  coach: string | null;

  @VersionColumn()
  lockVersion: number;

  @UpdateDateColumn()
  updatedAt: Date;

  @OneToMany(() => PlanPhase, (phase) => phase.plan, { cascade: true })
  phases: Relation<PlanPhase>[];

  @OneToMany(() => LearningArea, (area) => area.plan, { cascade: true })
  learningAreas: Relation<LearningArea>[];
}
