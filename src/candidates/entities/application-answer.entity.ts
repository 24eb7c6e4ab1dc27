import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Application } from './application.entity.js';

/** A candidate's written answer to one outcome of the position, given when they applied. */
@Entity('application_answers')
export class ApplicationAnswer {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  applicationId: number;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicationId' })
  application: Relation<Application>;

  /** The outcome asked about; null once it is removed from the position (the sentence below stays). */
  @Column({ type: 'integer', nullable: true })
  outcomeId: number | null;

  /** The outcome sentence as the candidate read it. */
  @Column({ type: 'varchar', length: 500 })
  outcomeSentence: string;

  @Column({ type: 'integer' })
  sortOrder: number;

  @Column({ type: 'text' })
  answer: string;
}
