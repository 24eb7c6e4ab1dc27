import type { User } from '../accounts/entities/user.entity.js';
import { DomainError } from '../common/errors.js';
import type { Position } from './entities/position.entity.js';

/** Admins, the position's hiring manager and whoever created it may change it; other managers may read it. */
export function canEditPosition(user: User, position: Position): boolean {
  return user.hasRole('admin') || position.hiringManagerId === user.id || position.createdById === user.id;
}

export function assertCanEditPosition(user: User, position: Position): void {
  if (!canEditPosition(user, position)) {
    throw new DomainError(
      'forbidden',
      `Only ${position.hiringManager?.name ?? 'the hiring manager'}, whoever created it, or an admin can change this position.`,
    );
  }
}
