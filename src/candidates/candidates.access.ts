import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { DomainError } from '../common/errors.js';
import { PositionsService } from '../positions/positions.service.js';
import { CandidatesRepository } from './candidates.repository.js';
import type { Application } from './entities/application.entity.js';
import type { Candidate } from './entities/candidate.entity.js';

/**
 * The one answer to "may this user do X to this candidate or application", always from the user's current roles.
 * Services ask here; controllers and templates only see the resulting `can*` flags.
 */
@Injectable()
export class CandidatesAccess {
  constructor(
    private readonly candidates: CandidatesRepository,
    private readonly positions: PositionsService,
  ) {}

  /** Act on an application: the position's hiring manager or its creator (while a manager), or an admin. */
  canManage(user: User, application: Application): boolean {
    return this.positions.canEdit(user, application.position);
  }

  requireManage(user: User, application: Application): void {
    if (!this.canManage(user, application)) {
      throw new DomainError(
        'forbidden',
        "Only the position's hiring manager, whoever created it, or an admin can act on this application.",
      );
    }
  }

  /** Reopen a rejection the candidate has been told of: an admin, or the position's hiring manager. */
  canReopen(user: User, application: Application): boolean {
    if (user.hasRole('admin')) return true;
    return user.hasRole('manager') && application.position.hiringManagerId === user.id;
  }

  requireReopen(user: User, application: Application): void {
    if (!this.canReopen(user, application))
      throw new DomainError('forbidden', "Only an admin or the position's hiring manager can reopen a rejection.");
  }

  /** Move an application to Interview before vetting has passed, with a written reason. */
  canOverrideGate(user: User): boolean {
    return user.hasRole('admin');
  }

  /**
   * Change a candidate's record (name, email, resume), which several positions may share: an admin, the manager who
   * added the candidate, or a manager of a position the candidate applied to.
   */
  async canEditCandidate(user: User, candidate: Candidate): Promise<boolean> {
    if (user.hasRole('admin')) return true;
    if (!user.hasRole('manager')) return false;
    return candidate.createdById === user.id || this.candidates.isInPipelineOf(candidate.id, user.id);
  }

  /** Erasing a candidate's data (data-protection/) is an admin's decision only, and happens once. */
  canEraseCandidate(user: User, candidate: Candidate): boolean {
    return user.hasRole('admin') && !candidate.anonymisedAt;
  }

  async requireEditCandidate(user: User, candidate: Candidate): Promise<void> {
    if (!(await this.canEditCandidate(user, candidate))) {
      throw new DomainError(
        'forbidden',
        `Only an admin, the manager who added ${candidate.name}, or the manager of a position they applied to can change this record.`,
      );
    }
  }
}
