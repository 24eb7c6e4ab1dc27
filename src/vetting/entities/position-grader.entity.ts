import { Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '../../accounts/entities/user.entity.js';

/** Someone who grades this position's writing tests (blind). */
@Entity('position_graders')
export class PositionGrader {
  @PrimaryColumn({ type: 'integer' })
  positionId: number;

  @PrimaryColumn({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user: Relation<User>;
}
