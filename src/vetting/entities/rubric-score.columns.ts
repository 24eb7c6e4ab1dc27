import { Column } from 'typeorm';
import type { RubricScore } from '../rubric-score.js';

/** The columns of every rubric score (a writing grade, a presentation score): its own table keeps them. */
export abstract class RubricScoreColumns<K extends string> implements RubricScore<K> {
  /** Levels 1–4 per criterion, once submitted. */
  @Column({ type: 'simple-json', nullable: true })
  levels: Record<K, number> | null;

  /** Mean of the criteria levels. */
  @Column({ type: 'float', nullable: true })
  overall: number | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: Date })
  assignedAt: Date;

  @Column({ type: Date, nullable: true })
  submittedAt: Date | null;
}
