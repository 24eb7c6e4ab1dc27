import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A writing-test prompt of a position; each candidate gets one of them. */
@Entity('writing_prompts')
export class WritingPrompt {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  positionId: number;

  @Column({ type: 'integer' })
  sortOrder: number;

  @Column({ type: 'text' })
  text: string;
}
