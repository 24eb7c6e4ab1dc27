import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A legal hold on one candidate or on every candidate of one position (exactly one of the two is set): while it is
 * not lifted, retention never anonymises them. Lifting keeps the row, so the hold's history stays.
 */
@Entity('legal_holds')
export class LegalHold {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer', nullable: true })
  candidateId: number | null;

  @Column({ type: 'integer', nullable: true })
  positionId: number | null;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ type: 'integer', nullable: true })
  placedById: number | null;

  @CreateDateColumn()
  createdAt: Date;

  @Column({ type: Date, nullable: true })
  liftedAt: Date | null;

  @Column({ type: 'integer', nullable: true })
  liftedById: number | null;
}
