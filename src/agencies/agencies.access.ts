import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { DomainError, notFound } from '../common/errors.js';
import type { Position } from '../positions/entities/position.entity.js';
import { AgenciesRepository } from './agencies.repository.js';
import type { AgencyRecruiter, AgencySubmission } from './entities/agency.entity.js';

/** A recruiter at work: their account and the agency they recruit for. */
export interface RecruiterSeat {
  user: User;
  membership: AgencyRecruiter & { agency: NonNullable<AgencyRecruiter['agency']> };
}

const isRecruiter = (user: User | null | undefined): user is User => Boolean(user?.active && user.hasRole('recruiter'));

/** The brief and the form are open while the position is published: not in draft, on hold, filled or closed. */
const isOpen = (position: Pick<Position, 'status' | 'publishedVersion'>) =>
  position.status === 'published' && position.publishedVersion !== null;

/**
 * The one access rule for agencies. Admins manage agencies and their recruiters. A recruiter (only while their agency
 * is active) reads and submits to the positions assigned to them that are published, and reads their own submissions.
 * Anything else a recruiter asks for by id is "not found": the same answer whether it exists or not.
 */
@Injectable()
export class AgenciesAccess {
  constructor(private readonly agencies: AgenciesRepository) {}

  /** Where the user's home is when it is not the staff to-do list: a recruiter's is their portal. */
  homeOf(user: User): string | null {
    return isRecruiter(user) ? '/agency' : null;
  }

  requireManage(user: User): void {
    if (!user.hasRole('admin')) throw new DomainError('forbidden', 'Only admins manage agencies and their recruiters.');
  }

  /** The recruiter and their agency; a recruiter without one (or anyone else) finds nothing here. */
  async seat(user: User): Promise<RecruiterSeat> {
    const membership = isRecruiter(user) ? await this.agencies.membershipOf(user.id) : null;
    if (!membership) throw notFound('That page');
    return { user, membership: membership as RecruiterSeat['membership'] };
  }

  /** Whether the recruiter's agency may work now (an admin may pause an agency). */
  working(seat: RecruiterSeat): boolean {
    return seat.membership.agency.active;
  }

  /** The recruiter may read this position's brief and submit to it. */
  async mayWorkOn(
    seat: RecruiterSeat,
    position: Pick<Position, 'id' | 'status' | 'publishedVersion'>,
  ): Promise<boolean> {
    if (!this.working(seat) || !isOpen(position)) return false;
    return this.agencies.isAssigned(seat.user.id, position.id);
  }

  async requireWorkOn(seat: RecruiterSeat, position: Pick<Position, 'id' | 'status' | 'publishedVersion'>) {
    if (!(await this.mayWorkOn(seat, position))) throw notFound('That position');
  }

  /** For the upload parser, which runs before the guards: only a recruiter's form for a position of theirs is read. */
  async mayUpload(userId: number, positionId: number): Promise<boolean> {
    const user = await this.agencies.findUser(userId);
    const membership = isRecruiter(user) ? await this.agencies.membershipOf(userId) : null;
    const position = membership ? await this.agencies.findPosition(positionId) : null;
    if (!user || !membership || !position) return false;
    return this.mayWorkOn({ user, membership: membership as RecruiterSeat['membership'] }, position);
  }

  /** One of the recruiter's own submissions; a colleague's, another agency's or none at all are all "not found". */
  async ownSubmission(seat: RecruiterSeat, id: number): Promise<AgencySubmission> {
    const submission = await this.agencies.findSubmission(id);
    if (!submission || submission.recruiterId !== seat.user.id) throw notFound('That submission');
    return submission;
  }
}
