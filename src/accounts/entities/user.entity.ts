import {
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { ROLES, type Role } from '../role.js';
import { UserRole } from './user-role.entity.js';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** Null until the person accepts their invitation and chooses a password. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  @Column({ type: Boolean, default: true })
  active: boolean;

  @Column({ type: Date, nullable: true })
  lastSignedInAt: Date | null;

  /** The IANA zone this person sees times in; null: the company's. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  timeZone: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;

  @OneToMany(() => UserRole, (userRole) => userRole.user, { cascade: true, eager: true })
  userRoles: Relation<UserRole>[];

  /** In the order of ROLES: admin, hiring manager, interviewer, new hire. */
  get roles(): Role[] {
    return ROLES.filter((role) => (this.userRoles ?? []).some((userRole) => userRole.role === role));
  }

  hasRole(role: Role): boolean {
    return this.roles.includes(role);
  }

  get status(): 'invited' | 'active' | 'deactivated' {
    if (!this.active) return 'deactivated';
    return this.passwordHash ? 'active' : 'invited';
  }
}
