import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The company Keeper works for: its name and introduction on the careers site and in candidates' mail. One row. */
@Entity('company_settings')
export class CompanySettings {
  /** Always 1. */
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 120 })
  companyName: string;

  /** A few sentences above the positions on /careers. */
  @Column({ type: 'text', nullable: true })
  introduction: string | null;

  /** How many days a rejection message waits by default, so that a rejection can be undone. */
  @Column({ type: 'integer', default: 2 })
  rejectionDelayDays: number;

  /** The logo (stored_files), shown on the careers site, the portal, candidates' mail and PDFs; null for none. */
  @Column({ type: 'integer', nullable: true })
  logoFileId: number | null;

  /** The IANA zone staff without their own, and candidates who have not said theirs, see times in. */
  @Column({ type: 'varchar', length: 64, default: 'UTC' })
  timeZone: string;

  @UpdateDateColumn()
  updatedAt: Date;
}
