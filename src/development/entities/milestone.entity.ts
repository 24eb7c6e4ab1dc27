import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { PlanPhase } from './plan-phase.entity.js';

/** A point on the route: by the close of month N, with an interim target tied to an outcome where it applies. */
@Entity('milestones')
export class Milestone {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  phaseId: number;

  @ManyToOne(() => PlanPhase, (phase) => phase.milestones, { onDelete: 'CASCADE', orphanedRowAction: 'delete' })
  @JoinColumn({ name: 'phaseId' })
  phase: Relation<PlanPhase>;

  @Column({ type: 'integer' })
  sortOrder: number;

  /** Months after the hire date: the milestone falls at the close of this month. */
  @Column({ type: 'integer' })
  monthOffset: number;

  @Column({ type: 'varchar', length: 300 })
  description: string;

  /** The outcome this milestone moves toward (linked, not copied). */
  @Column({ type: 'integer', nullable: true })
  outcomeId: number | null;

  /** Share of the outcome's target expected by this milestone, e.g. 30 (%). */
  @Column({ type: 'integer', nullable: true })
  interimTargetPercent: number | null;
}
