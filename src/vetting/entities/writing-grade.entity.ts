import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../../accounts/entities/user.entity.js';
import { RubricScoreColumns } from './rubric-score.columns.js';
import { WritingSubmission } from './writing-submission.entity.js';

export const WRITING_CRITERIA = ['purpose', 'structure', 'mechanics', 'tone', 'callToAction'] as const;
export type WritingCriterion = (typeof WRITING_CRITERIA)[number];

/** One grader's blind, independent scoring of one writing test. */
@Entity('writing_grades')
export class WritingGrade extends RubricScoreColumns<WritingCriterion> {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  submissionId: number;

  @ManyToOne(() => WritingSubmission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submissionId' })
  submission: Relation<WritingSubmission>;

  @Column({ type: 'integer' })
  graderId: number;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'graderId' })
  grader: Relation<User>;
}
