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

/** One move of an application, or another recorded act (who, when, from/to, why). */
@Entity('application_events')
export class ApplicationEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  applicationId: number;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStage: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  toStage: string | null;

  @Column({ type: 'varchar', length: 500 })
  summary: string;

  /** Who acted; null for the candidate themselves (applying on the careers site). */
  @Column({ type: 'integer', nullable: true })
  byId: number | null;

  @ManyToOne(() => User, { nullable: true })
  @JoinColumn({ name: 'byId' })
  by: Relation<User> | null;

  @CreateDateColumn()
  createdAt: Date;
}
