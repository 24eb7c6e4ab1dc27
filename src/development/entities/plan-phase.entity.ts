import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Milestone } from './milestone.entity.js';
import { PlanTemplate } from './plan-template.entity.js';

/** A stretch of the route, e.g. "Ramp", months 2–3. */
@Entity('plan_phases')
export class PlanPhase {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  planId: number;

  @ManyToOne(() => PlanTemplate, (plan) => plan.phases, { onDelete: 'CASCADE', orphanedRowAction: 'delete' })
  @JoinColumn({ name: 'planId' })
  plan: Relation<PlanTemplate>;

  @Column({ type: 'integer' })
  sortOrder: number;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ type: 'integer' })
  startMonth: number;

  @Column({ type: 'integer' })
  endMonth: number;

  @OneToMany(() => Milestone, (milestone) => milestone.phase, { cascade: true })
  milestones: Relation<Milestone>[];
}
