import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { User } from '../../accounts/entities/user.entity.js';

/** The history of a position: who did what, when. */
@Entity('position_events')
export class PositionEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  positionId: number;

  @Column({ type: 'integer' })
  byId: number;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'byId' })
  by: Relation<User>;

  @Column({ type: 'varchar', length: 300 })
  summary: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  toStatus: string | null;

  @CreateDateColumn()
  createdAt: Date;
}
