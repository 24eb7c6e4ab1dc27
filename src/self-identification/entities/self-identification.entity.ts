import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A candidate's voluntary self-identification for one application (null: not answered; 'declined': "I don't wish
 * to answer"). Kept apart from the candidate and the application: no hiring page reads it, only the adverse-impact
 * report, aggregated.
 */
@Entity('self_identifications')
export class SelfIdentification {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer', unique: true })
  applicationId: number;

  @Column({ type: 'varchar', length: 16, nullable: true })
  sex: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  race: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  veteran: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  disability: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}

/** Whether the careers form and the portal ask the questions, and for positions in which countries (one row). */
@Entity('self_identification_settings')
export class SelfIdentificationSettings {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: Boolean, default: true })
  enabled: boolean;

  /** Country names, comma separated; null or empty: every position. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  countries: string | null;

  @Column({ type: 'integer', nullable: true })
  updatedById: number | null;

  @UpdateDateColumn()
  updatedAt: Date;
}
