import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type CheckPhraseList = 'experience-proxy' | 'vague-verb' | 'backward-question' | 'protected-topic';

/** A phrase an admin added to one of the check lists (outcome check, question check); built-in ones live in code. */
@Entity('check_phrases')
export class CheckPhrase {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  list: CheckPhraseList;

  @Column({ type: 'varchar', length: 80 })
  phrase: string;

  /** For a protected topic: which topic the word belongs to. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  note: string | null;

  @Column({ type: 'integer' })
  createdById: number;

  @CreateDateColumn()
  createdAt: Date;
}
