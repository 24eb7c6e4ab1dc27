import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A read-only link for an external recruiter. The token is kept (not hashed) so the manager can copy the link again; revoking ends it. */
@Entity('position_share_links')
export class ShareLink {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  positionId: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  token: string;

  @Column({ type: 'integer' })
  createdById: number;

  @CreateDateColumn()
  createdAt: Date;

  @Column({ type: Date, nullable: true })
  revokedAt: Date | null;
}
