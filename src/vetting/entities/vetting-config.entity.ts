import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const DEFAULT_PRESENTATION_BRIEF =
  'Research our company, our executives, our services and our customers. Present a profile of our company as if we were your target customer, and explain how you would turn that understanding into an opportunity to do business with us. Use business information only: nothing personal about people.';

/** Which vetting steps a position requires before any interview, and what passes. */
@Entity('vetting_configs')
export class VettingConfig {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer', unique: true })
  positionId: number;

  @Column({ type: Boolean, default: true })
  assessmentRequired: boolean;

  /** Pass marks, 0–100, for the assessment's two separate scores. */
  @Column({ type: 'integer', default: 60 })
  minEligibility: number;

  @Column({ type: 'integer', default: 60 })
  minSuitability: number;

  @Column({ type: Boolean, default: true })
  writingRequired: boolean;

  /** Pass mark for the mean of the graders' overall levels (1–4). */
  @Column({ type: 'float', default: 3 })
  writingPassMean: number;

  @Column({ type: 'integer', default: 150 })
  writingMinWords: number;

  @Column({ type: 'integer', default: 400 })
  writingMaxWords: number;

  /** Minutes from starting to submitting, or null for no limit. */
  @Column({ type: 'integer', nullable: true, default: 45 })
  writingTimeLimitMinutes: number | null;

  @Column({ type: Boolean, default: true })
  presentationRequired: boolean;

  @Column({ type: 'float', default: 3 })
  presentationPassMean: number;

  @Column({ type: 'text' })
  presentationBrief: string;

  @UpdateDateColumn()
  updatedAt: Date;
}
