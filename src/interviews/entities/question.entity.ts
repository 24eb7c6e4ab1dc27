import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const QUESTION_TYPES = ['hypothetical', 'behavioral'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** A question in the company's bank, with follow-up probes and an anchored rubric (levels 1–4). */
@Entity('questions')
export class Question {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 16 })
  type: QuestionType;

  /** What it probes, e.g. "prospecting, business acumen". */
  @Column({ type: 'varchar', length: 200, nullable: true })
  probes: string | null;

  @Column({ type: 'text', nullable: true })
  followUps: string | null;

  /** Poor, mixed, good, excellent: what an answer at each level sounds like. */
  @Column({ type: 'simple-json' })
  rubric: [string, string, string, string];

  @Column({ type: 'integer' })
  createdById: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
