import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type CheckPhraseList = 'experience-proxy' | 'vague-verb';

/** A phrase an admin added to one of the outcome check's lists (the built-in ones live in code). */
@Entity('check_phrases')
export class CheckPhrase {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  list: CheckPhraseList;

  @Column({ type: 'varchar', length: 80 })
  phrase: string;

  @Column({ type: 'integer' })
  createdById: number;

  @CreateDateColumn()
  createdAt: Date;
}
