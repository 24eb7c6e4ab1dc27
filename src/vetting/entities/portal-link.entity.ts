import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The candidate's private, expiring link to their portal. Reissuing revokes the previous link. */
@Entity('portal_links')
export class PortalLink {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  applicationId: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  token: string;

  @Column({ type: Date })
  expiresAt: Date;

  @Column({ type: Date, nullable: true })
  revokedAt: Date | null;

  @Column({ type: Date, nullable: true })
  firstOpenedAt: Date | null;

  /** Null when issued on the candidate's own application from the careers site. */
  @Column({ type: 'integer', nullable: true })
  createdById: number | null;

  @CreateDateColumn()
  createdAt: Date;
}
