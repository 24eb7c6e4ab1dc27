import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { DomainError } from '../common/errors.js';
import type { Position } from '../positions/entities/position.entity.js';
import { PositionsService } from '../positions/positions.service.js';
import type { InsightsScope } from './insights.repository.js';

/** What a user may see in insights beyond the reports of their scope. */
export type InsightsPermission = 'position.costs';

/**
 * The one access rule for insights: admins see every position's figures; a person holding the manager role now
 * sees the positions they hire for; anyone else sees none. A position's costs are for whoever may change it.
 */
@Injectable()
export class InsightsAccess {
  constructor(private readonly positions: PositionsService) {}

  /** The positions whose figures the user sees, as the filter the repository applies. */
  scopeFor(user: User): InsightsScope {
    if (user.hasRole('admin')) return 'all';
    return user.hasRole('manager') ? { hiringManagerId: user.id } : 'none';
  }

  /**
   * The adverse-impact report, across every position: admins and the compliance role only. It is the one page that
   * reads self-identification answers (aggregated); the hiring team never sees it.
   */
  seesAdverseImpact(user: User): boolean {
    return user.hasRole('admin') || user.hasRole('compliance');
  }

  requireAdverseImpact(user: User): void {
    if (!this.seesAdverseImpact(user))
      throw new DomainError('forbidden', 'Only admins and the compliance role see the adverse-impact report.');
  }

  can(user: User, _permission: InsightsPermission, position: Position): boolean {
    return this.positions.canEdit(user, position);
  }

  /** Throws DomainError('forbidden') when the user may not see the position's costs. */
  require(user: User, permission: InsightsPermission, position: Position): void {
    if (!this.can(user, permission, position)) {
      throw new DomainError('forbidden', 'Only the position’s hiring manager or an admin can see its costs.');
    }
  }
}
