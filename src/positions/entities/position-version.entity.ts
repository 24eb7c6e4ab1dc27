import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PositionSnapshot } from '../position-snapshot.js';

/** An immutable published version (v1, v2…): what candidates and panels are shown. */
@Entity('position_versions')
export class PositionVersion {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  positionId: number;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'simple-json' })
  snapshot: PositionSnapshot;

  /** The warnings the publisher acknowledged, word for word. */
  @Column({ type: 'simple-json' })
  acknowledgedWarnings: string[];

  @Column({ type: 'integer' })
  publishedById: number;

  @Column({ type: Date })
  publishedAt: Date;
}
