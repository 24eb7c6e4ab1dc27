import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../../accounts/entities/user.entity.js';
import { StoredFile } from '../../files/stored-file.entity.js';
import { RubricScoreColumns } from './rubric-score.columns.js';

export const PRESENTATION_CRITERIA = [
  'research',
  'customerHero',
  'outcomes',
  'connection',
  'opportunity',
  'fairUse',
] as const;
export type PresentationCriterion = (typeof PRESENTATION_CRITERIA)[number];

/** The candidate's company-research presentation: the deck from the portal and the session. */
@Entity('presentations')
export class Presentation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer', unique: true })
  applicationId: number;

  @Column({ type: 'integer', nullable: true })
  deckFileId: number | null;

  @ManyToOne(() => StoredFile, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'deckFileId' })
  deckFile: Relation<StoredFile> | null;

  @Column({ type: Date, nullable: true })
  uploadedAt: Date | null;

  @Column({ type: Date, nullable: true })
  sessionAt: Date | null;

  /** The session invitation's SEQUENCE: raised on each change or cancellation (the UID stays the same). */
  @Column({ type: 'integer', default: 0 })
  calendarSequence: number;
}

/** One evaluator's independent score of a presentation session. */
@Entity('presentation_scores')
export class PresentationScore extends RubricScoreColumns<PresentationCriterion> {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  presentationId: number;

  @ManyToOne(() => Presentation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'presentationId' })
  presentation: Relation<Presentation>;

  @Column({ type: 'integer' })
  evaluatorId: number;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'evaluatorId' })
  evaluator: Relation<User>;
}
