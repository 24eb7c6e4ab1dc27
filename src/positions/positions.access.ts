import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { DomainError } from '../common/errors.js';
import type { Position } from './entities/position.entity.js';

/** What a user may do to a position. Reading is the route's role guard (managers and admins read every position). */
export type PositionPermission = 'position.edit';

/** Which positions are "theirs" for a user: a filter the repository applies, or nothing at all. */
export type PositionScope = { hiringManagerId: number } | 'none';

/**
 * Admins change any position; a person who holds the hiring manager role NOW changes the positions they manage
 * or created. Losing the role loses the power at once, on every position.
 */
export function canEditPosition(user: User, position: Position): boolean {
  if (user.hasRole('admin')) return true;
  return user.hasRole('manager') && (position.hiringManagerId === user.id || position.createdById === user.id);
}

export function assertCanEditPosition(user: User, position: Position): void {
  if (!canEditPosition(user, position)) {
    throw new DomainError(
      'forbidden',
      `Only ${position.hiringManager?.name ?? 'the hiring manager'}, whoever created it, or an admin can change this position.`,
    );
  }
}

/** The one access rule for positions; services call it, controllers never do. */
@Injectable()
export class PositionsAccess {
  can(user: User, _permission: PositionPermission, position: Position): boolean {
    return canEditPosition(user, position);
  }

  /** Throws DomainError('forbidden') when the user may not do it. */
  require(user: User, _permission: PositionPermission, position: Position): void {
    assertCanEditPosition(user, position);
  }

  /** The positions a user manages: those naming them hiring manager, while they hold a role that manages. */
  managedBy(user: User): PositionScope {
    return user.hasRole('manager') || user.hasRole('admin') ? { hiringManagerId: user.id } : 'none';
  }

  /** Who may be named a position's hiring manager: an active person holding the manager or admin role. */
  mayBeHiringManager(person: User | null): person is User {
    return Boolean(person?.active && (person.hasRole('manager') || person.hasRole('admin')));
  }
}
