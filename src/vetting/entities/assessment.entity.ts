import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { StoredFile } from '../../files/stored-file.entity.js';

/** An external assessment's result (e.g. Harrison Assessment): eligibility and suitability kept apart. */
@Entity('assessments')
export class Assessment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer', unique: true })
  applicationId: number;

  @Column({ type: 'varchar', length: 120 })
  provider: string;

  /** The day the candidate took it, as YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  takenOn: string;

  @Column({ type: 'integer' })
  eligibility: number;

  @Column({ type: 'integer' })
  suitability: number;

  @Column({ type: 'text', nullable: true })
  traits: string | null;

  @Column({ type: 'integer', nullable: true })
  reportFileId: number | null;

  @ManyToOne(() => StoredFile, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reportFileId' })
  reportFile: Relation<StoredFile> | null;

  @Column({ type: 'integer' })
  recordedById: number;

  @Column({ type: Date })
  recordedAt: Date;
}
