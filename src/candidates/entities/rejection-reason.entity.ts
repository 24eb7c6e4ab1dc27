import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An entry of the editable list of reasons for rejecting an application. */
@Entity('rejection_reasons')
export class RejectionReason {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 120, unique: true })
  label: string;

  @Column({ type: Boolean, default: true })
  active: boolean;

  @Column({ type: 'integer', default: 0 })
  sortOrder: number;
}
