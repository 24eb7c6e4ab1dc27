import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import type { Application } from '../candidates/entities/application.entity.js';
import { PipelineService } from '../candidates/pipeline.service.js';
import { DomainError, notFound } from '../common/errors.js';
import type { Hire, OnboardingTask } from './entities/hire.entity.js';
import { HiresRepository, type HireScope } from './hires.repository.js';

/** What someone may do with a hire's plans. */
export type HirePermission =
  /** Open the onboarding plan and the first-year development plan. */
  | 'plan.read'
  /** Move the start date, add tasks, record check-ins and the review. */
  | 'plan.manage'
  /** Add people to the connections map and record meeting them. */
  | 'connection.write'
  /** Log learning: the new hire's own log. */
  | 'learning.write'
  /** Add the new hire's view of a month to a check-in. */
  | 'check-in.respond';

type Parties = Pick<Hire, 'userId' | 'managerId'>;

const isNewHire = (user: User, hire: Parties) => hire.userId === user.id;
/** The manager manages only while they hold the manager role, so a demoted manager loses the plans at once. */
const isManager = (user: User, hire: Parties) =>
  user.hasRole('admin') || (hire.managerId === user.id && user.hasRole('manager'));

const RULES: Record<HirePermission, (user: User, hire: Parties) => boolean> = {
  'plan.read': (user, hire) => isNewHire(user, hire) || isManager(user, hire),
  'plan.manage': isManager,
  'connection.write': (user, hire) => isNewHire(user, hire) || isManager(user, hire),
  'learning.write': isNewHire,
  'check-in.respond': isNewHire,
};

const REFUSALS: Record<HirePermission, (hire: Hire) => string> = {
  'plan.read': () => 'That plan was not found.',
  'plan.manage': (hire) => `Only ${hire.manager.name}, the manager, or an admin can change this.`,
  'connection.write': () => 'Only the new hire and their manager add to the connections map.',
  'learning.write': () => 'The learning log is the new hire’s own.',
  'check-in.respond': () => 'Only the new hire writes their own view.',
};

/** May this user do this with the hire's plans (the rule HiresAccess enforces; pure, for view models). */
export function mayOnHire(user: User, permission: HirePermission, hire: Parties): boolean {
  return RULES[permission](user, hire);
}

/** A check-in is corrected or deleted by its author while they manage the plan, or by an admin. */
export function mayChangeCheckIn(user: User, checkIn: { createdById: number }, hire: Parties): boolean {
  return user.hasRole('admin') || (checkIn.createdById === user.id && isManager(user, hire));
}

/** A task's owner ticks it off, and so does whoever manages the plan. */
export function mayTick(user: User, task: Pick<OnboardingTask, 'ownerId'>, hire: Parties): boolean {
  return task.ownerId === user.id || isManager(user, hire);
}

/**
 * The one access rule for hires: the new hire sees their own plans; their manager sees and manages them while they
 * hold the manager role; admins always. Anyone else is told the plan does not exist.
 */
@Injectable()
export class HiresAccess {
  constructor(
    private readonly hires: HiresRepository,
    private readonly pipeline: PipelineService,
  ) {}

  can(user: User, permission: HirePermission, hire: Parties): boolean {
    return mayOnHire(user, permission, hire);
  }

  /** Throws not-found to whoever may not see the plan, forbidden to whoever sees it but may not do this. */
  require(user: User, permission: HirePermission, hire: Hire): void {
    if (this.can(user, permission, hire)) return;
    if (!this.can(user, 'plan.read', hire)) throw notFound('That plan');
    throw new DomainError('forbidden', REFUSALS[permission](hire));
  }

  /** The hire with this id, when the user may do this with it. */
  async hire(user: User, permission: HirePermission, id: number): Promise<Hire> {
    const hire = await this.hires.findHire(id);
    if (!hire) throw notFound('That plan');
    this.require(user, permission, hire);
    return hire;
  }

  requireTick(user: User, task: OnboardingTask & { hire: Hire }): void {
    if (mayTick(user, task, task.hire)) return;
    if (!this.can(user, 'plan.read', task.hire)) throw notFound('That task');
    throw new DomainError('forbidden', 'Only the task’s owner or the manager can tick it off.');
  }

  /** The hires a user's list shows: every hire for an admin, their own hires for a manager. */
  scope(user: User): HireScope {
    if (user.hasRole('admin')) return {};
    if (user.hasRole('manager')) return { managerId: user.id };
    throw new DomainError('forbidden', 'Only hiring managers and admins see the new hires.');
  }

  /** Offers are made and answered by whoever may act on the application. */
  requireOffers(user: User, application: Application): void {
    this.pipeline.assertCanManage(user, application);
  }
}
