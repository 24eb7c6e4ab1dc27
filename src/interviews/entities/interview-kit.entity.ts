import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { Question } from './question.entity.js';

/** The planned interview for a position: ordered questions, timings, instructions for the lead. */
@Entity('interview_kits')
export class InterviewKit {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer', unique: true })
  positionId: number;

  @Column({ type: 'text', nullable: true })
  instructions: string | null;

  /** Outcomes probed by a vetting step rather than a question: outcome id → step keys. */
  @Column({ type: 'simple-json' })
  vettingCoverage: Record<string, string[]>;

  @Column({ type: Date, nullable: true })
  publishedAt: Date | null;

  @VersionColumn()
  lockVersion: number;

  @UpdateDateColumn()
  updatedAt: Date;

  @OneToMany(() => KitItem, (item) => item.kit, { cascade: true })
  items: Relation<KitItem>[];
}

@Entity('kit_items')
export class KitItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  kitId: number;

  @ManyToOne(() => InterviewKit, (kit) => kit.items, { onDelete: 'CASCADE', orphanedRowAction: 'delete' })
  @JoinColumn({ name: 'kitId' })
  kit: Relation<InterviewKit>;

  @Column({ type: 'integer' })
  questionId: number;

  @ManyToOne(() => Question)
  @JoinColumn({ name: 'questionId' })
  question: Relation<Question>;

  @Column({ type: 'integer' })
  sortOrder: number;

  @Column({ type: 'integer', default: 10 })
  minutes: number;

  /** The position's outcomes this question probes. */
  @Column({ type: 'simple-json' })
  outcomeIds: number[];
}
