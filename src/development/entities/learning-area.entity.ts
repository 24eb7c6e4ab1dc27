import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { PlanTemplate } from './plan-template.entity.js';

/** Something the new hire learns every week, e.g. financial literacy. */
@Entity('learning_areas')
export class LearningArea {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  planId: number;

  @ManyToOne(() => PlanTemplate, (plan) => plan.learningAreas, { onDelete: 'CASCADE', orphanedRowAction: 'delete' })
  @JoinColumn({ name: 'planId' })
  plan: Relation<PlanTemplate>;

  @Column({ type: 'integer' })
  sortOrder: number;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ type: 'varchar', length: 300 })
  weeklyHabit: string;

  @Column({ type: 'text', nullable: true })
  resources: string | null;
}
