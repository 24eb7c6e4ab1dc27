import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('sessions')
export class Session {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  sid: string;

  @Index('IDX_sessions_userId')
  @Column({ type: 'integer', nullable: true })
  userId: number | null;

  @Column({ type: 'text' })
  data: string;

  @Index('IDX_sessions_expiresAt')
  @Column({ type: Date })
  expiresAt: Date;
}
