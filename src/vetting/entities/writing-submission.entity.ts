import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { WritingSignals } from '../writing-signals.js';

/** A candidate's writing test: the draft while they write, then the submitted text with its signals. */
@Entity('writing_submissions')
export class WritingSubmission {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer', unique: true })
  applicationId: number;

  /** The prompt as the candidate saw it. */
  @Column({ type: 'text' })
  prompt: string;

  @Column({ type: 'text', default: '' })
  draft: string;

  @Column({ type: Date })
  startedAt: Date;

  @Column({ type: Date, nullable: true })
  deadlineAt: Date | null;

  @Column({ type: Date, nullable: true })
  draftSavedAt: Date | null;

  @Column({ type: Date, nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ type: 'simple-json', nullable: true })
  signals: WritingSignals | null;
}
