import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { DeadlineKind, OutcomeFields, TargetKind } from '../outcome-fields.js';
import { Position } from './position.entity.js';

@Entity('outcomes')
export class Outcome implements OutcomeFields {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  positionId: number;

  @ManyToOne(() => Position, (position) => position.outcomes, { onDelete: 'CASCADE', orphanedRowAction: 'delete' })
  @JoinColumn({ name: 'positionId' })
  position: Relation<Position>;

  @Column({ type: 'integer' })
  sortOrder: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  metric: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  targetKind: TargetKind | null;

  @Column({ type: 'float', nullable: true })
  targetValue: number | null;

  @Column({ type: 'float', nullable: true })
  targetMax: number | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  targetUnit: string | null;

  @Column({ type: 'float', nullable: true })
  secondValue: number | null;

  @Column({ type: 'float', nullable: true })
  secondMax: number | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  secondUnit: string | null;

  @Column({ type: 'varchar', length: 160, nullable: true })
  scope: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  deadlineKind: DeadlineKind | null;

  @Column({ type: 'integer', nullable: true })
  deadlineN: number | null;

  @Column({ type: 'integer', nullable: true })
  weight: number | null;

  /** Asked on the application form: "How would you approach this in your first ten months?" */
  @Column({ type: Boolean, default: false })
  askOnApplication: boolean;

  @Column({ type: Boolean, default: false })
  answerRequired: boolean;
}
