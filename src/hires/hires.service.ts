import { Injectable, Logger } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { PeopleService } from '../accounts/people.service.js';
import { UsersRepository } from '../accounts/users.repository.js';
import { PipelineService } from '../candidates/pipeline.service.js';
import { DomainError, FormInvalidError, notFound } from '../common/errors.js';
import { AppConfig } from '../config/app-config.js';
import { PlanTemplatesService } from '../development/plan-templates.service.js';
import { MailService } from '../mail/mail.service.js';
import { composeOutcomeSentence } from '../positions/outcome-sentence.js';
import { PositionsService } from '../positions/positions.service.js';
import { PublishingService } from '../positions/publishing.service.js';
import type { AcceptOfferDto, OfferDto } from './dto/hires.dto.js';
import type { Hire, Offer, OnboardingTask, OwnerKind } from './entities/hire.entity.js';
import { HiresRepository } from './hires.repository.js';
import { goalKindOf } from './pace.js';
import { addDays, closeOfFullMonth, deadlineOn, isIsoDate } from './plan-dates.js';

/** Who may open a hire's plans: the new hire, their manager, admins. Anyone else is told it does not exist. */
export function canSeeHire(user: User, hire: Hire): boolean {
  return hire.userId === user.id || hire.managerId === user.id || user.hasRole('admin');
}

export function canManageHire(user: User, hire: Hire): boolean {
  return hire.managerId === user.id || user.hasRole('admin');
}

/**
 * Offers, and the hire itself: accepting an offer moves the application to Hired, invites the new hire,
 * and lays out their onboarding plan and first-year development plan with real dates.
 */
@Injectable()
export class HiresService {
  private readonly logger = new Logger(HiresService.name);

  constructor(
    private readonly hires: HiresRepository,
    private readonly pipeline: PipelineService,
    private readonly people: PeopleService,
    private readonly users: UsersRepository,
    private readonly positions: PositionsService,
    private readonly publishing: PublishingService,
    private readonly plans: PlanTemplatesService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  async findVisible(user: User, id: number): Promise<Hire> {
    const hire = await this.hires.findHire(id);
    if (!hire || !canSeeHire(user, hire)) throw notFound('That plan');
    return hire;
  }

  async findManaged(user: User, id: number): Promise<Hire> {
    const hire = await this.findVisible(user, id);
    if (!canManageHire(user, hire))
      throw new DomainError('forbidden', `Only ${hire.manager.name}, the manager, or an admin can change this.`);
    return hire;
  }

  offersFor(applicationId: number): Promise<Offer[]> {
    return this.hires.offersFor(applicationId);
  }

  async recordOffer(user: User, applicationId: number, dto: OfferDto): Promise<Offer> {
    const application = await this.pipeline.findOrFail(applicationId);
    this.pipeline.assertCanManage(user, application);
    if (application.stage !== 'offer')
      throw new DomainError(
        'conflict',
        'Record an offer once the debrief has decided to hire (the application is in Offer).',
      );
    if (!isIsoDate(dto.offeredOn)) throw FormInvalidError.single('offeredOn', 'Enter a real date');
    if ((await this.hires.offersFor(applicationId)).some((offer) => offer.status === 'extended')) {
      throw new DomainError('conflict', 'An offer is already open; record the candidate’s answer to it first.');
    }
    const offer = await this.hires.saveOffer({
      applicationId,
      offeredOn: dto.offeredOn,
      terms: dto.terms,
      status: 'extended',
      respondedAt: null,
      createdById: user.id,
    });
    await this.pipeline.note(user, application, `Offer made on ${dto.offeredOn}`);
    return offer;
  }

  async declineOffer(user: User, applicationId: number, offerId: number): Promise<Offer> {
    const { offer, application } = await this.openOffer(user, applicationId, offerId);
    const saved = await this.hires.saveOffer({ ...offer, status: 'declined', respondedAt: new Date() });
    await this.pipeline.move(user, application.id, 'withdrawn', null);
    await this.pipeline.note(user, application, 'The candidate declined the offer');
    return saved;
  }

  /** The candidate said yes: Hired, their account (invited by mail), the onboarding plan and the development plan. */
  async acceptOffer(user: User, applicationId: number, offerId: number, dto: AcceptOfferDto): Promise<Hire> {
    const { offer, application } = await this.openOffer(user, applicationId, offerId);
    if (!isIsoDate(dto.startDate)) throw FormInvalidError.single('startDate', 'Enter a real date');
    const [position, plan] = await Promise.all([
      this.positions.findOrFail(application.positionId),
      this.plans.findByPosition(application.positionId),
    ]);
    const buddy = dto.buddyId ? await this.users.findById(dto.buddyId) : null;
    if (dto.buddyId && (!buddy || !buddy.active))
      throw FormInvalidError.single('buddyId', 'Choose a buddy from the list');
    const candidate = application.candidate;
    if (await this.users.findByEmail(candidate.email)) {
      throw FormInvalidError.single(
        'startDate',
        `Someone already has a Keeper account with ${candidate.email}. Change the candidate's email or that account first.`,
      );
    }

    await this.pipeline.recordHire(
      user,
      application,
      `Accepted the offer of ${offer.offeredOn}; starts ${dto.startDate}`,
    );
    await this.hires.saveOffer({ ...offer, status: 'accepted', respondedAt: new Date() });
    const { person, mailed } = await this.people.invite(user, {
      name: candidate.name,
      email: candidate.email,
      roles: ['new-hire'],
    });
    if (!mailed) this.logger.warn({ message: 'New hire invitation not delivered', applicationId: application.id });

    const hire = await this.hires.transaction(async (manager) => {
      const saved = await this.hires.saveHire(
        {
          applicationId: application.id,
          positionId: position.id,
          userId: person.id,
          managerId: position.hiringManagerId,
          buddyId: buddy?.id ?? null,
          startDate: dto.startDate,
          keeper: null,
        },
        manager,
      );
      const template = await this.hires.defaultTemplate(manager);
      await this.hires.saveTasks(
        (template?.tasks ?? []).map((task) => ({
          hireId: saved.id,
          sortOrder: task.sortOrder,
          title: task.title,
          description: task.description,
          category: task.category,
          ownerKind: task.ownerKind,
          ownerLabel: task.ownerLabel,
          ownerId: this.ownerOf(task.ownerKind, saved),
          dueDay: task.dueDay,
          dueOn: addDays(dto.startDate, task.dueDay),
        })),
        manager,
      );
      const goals = await this.hires.saveGoals(
        position.outcomes.map((outcome, index) => ({
          hireId: saved.id,
          outcomeId: outcome.id,
          sortOrder: index,
          label: outcome.metric ?? `Outcome ${index + 1}`,
          sentence: composeOutcomeSentence(outcome),
          kind: goalKindOf(outcome.metric, outcome.targetKind),
          target: outcome.targetValue ?? 0,
          unit: outcome.targetUnit,
          deadlineKind: outcome.deadlineKind,
          deadlineN: outcome.deadlineN,
          deadlineOn:
            deadlineOn(dto.startDate, outcome.deadlineKind, outcome.deadlineN) ?? closeOfFullMonth(dto.startDate, 12),
          weight: outcome.weight,
          result: null,
        })),
        manager,
      );
      await this.hires.saveMilestones(
        (plan?.phases ?? []).flatMap((phase) =>
          phase.milestones.map((milestone, index) => ({
            hireId: saved.id,
            sortOrder: phase.sortOrder * 100 + index,
            phase: phase.name,
            description: milestone.description,
            monthOffset: milestone.monthOffset,
            dueOn: closeOfFullMonth(dto.startDate, milestone.monthOffset),
            goalId: goals.find((goal) => goal.outcomeId === milestone.outcomeId)?.id ?? null,
            interimTargetPercent: milestone.interimTargetPercent,
          })),
        ),
        manager,
      );
      return saved;
    });

    if (position.status === 'published' && (await this.hires.countHired(position.id)) >= position.headcount) {
      await this.publishing.changeStatus(user, position.id, 'filled');
    }
    await this.mailOwners(hire.id, candidate.name);
    return (await this.hires.findHire(hire.id))!;
  }

  /** Moves the start date: every open task, every goal deadline and every milestone moves with it. */
  async moveStart(user: User, hireId: number, startDate: string): Promise<Hire> {
    const hire = await this.findManaged(user, hireId);
    if (!isIsoDate(startDate)) throw FormInvalidError.single('startDate', 'Enter a real date');
    const [tasks, goals, milestones] = await Promise.all([
      this.hires.tasksOf(hire.id),
      this.hires.goalsOf(hire.id),
      this.hires.milestonesOf(hire.id),
    ]);
    const previous = hire.startDate;
    await this.hires.transaction(async (manager) => {
      await this.hires.saveHire({ id: hire.id, startDate }, manager);
      await this.hires.saveTasks(
        tasks.filter((task) => !task.doneAt).map((task) => ({ id: task.id, dueOn: addDays(startDate, task.dueDay) })),
        manager,
      );
      await this.hires.saveGoals(
        goals.map((goal) => ({
          id: goal.id,
          deadlineOn:
            deadlineOn(startDate, goal.deadlineKind as 'month-close' | 'days' | null, goal.deadlineN) ??
            closeOfFullMonth(startDate, 12),
        })),
        manager,
      );
      await this.hires.saveMilestones(
        milestones.map((milestone) => ({
          id: milestone.id,
          dueOn: closeOfFullMonth(startDate, milestone.monthOffset),
        })),
        manager,
      );
    });
    await this.pipeline.note(
      user,
      await this.pipeline.findOrFail(hire.applicationId),
      `Moved the start date from ${previous} to ${startDate}`,
    );
    return { ...hire, startDate } as Hire;
  }

  /** An offer still waiting for an answer, on the application named in the address. */
  private async openOffer(user: User, applicationId: number, offerId: number) {
    const offer = await this.hires.findOffer(offerId);
    if (!offer || offer.applicationId !== applicationId) throw notFound('That offer');
    const application = await this.pipeline.findOrFail(offer.applicationId);
    this.pipeline.assertCanManage(user, application);
    if (offer.status !== 'extended') throw new DomainError('conflict', 'This offer has already been answered.');
    return { offer, application };
  }

  /** Who does a task of this kind on this hire's plan: the buddy's tasks fall to the manager when there is no buddy; a role has no account. */
  ownerOf(kind: OwnerKind, hire: Pick<Hire, 'userId' | 'managerId' | 'buddyId'>): number | null {
    return kind === 'new-hire'
      ? hire.userId
      : kind === 'manager'
        ? hire.managerId
        : kind === 'buddy'
          ? (hire.buddyId ?? hire.managerId)
          : null;
  }

  /** Each colleague who owns tasks on the new plan gets one mail listing them. */
  private async mailOwners(hireId: number, newHireName: string): Promise<void> {
    const tasks = await this.hires.tasksOf(hireId);
    const hire = (await this.hires.findHire(hireId))!;
    const byOwner = new Map<number, OnboardingTask[]>();
    for (const task of tasks)
      if (task.ownerId && task.ownerId !== hire.userId)
        byOwner.set(task.ownerId, [...(byOwner.get(task.ownerId) ?? []), task]);
    for (const owned of byOwner.values()) await this.mailAssigned(owned, newHireName);
  }

  async mailAssigned(tasks: OnboardingTask[], newHireName: string): Promise<void> {
    const owner = tasks[0].owner;
    if (!owner) return;
    await this.mail.send({
      to: owner.email,
      subject: `${tasks.length === 1 ? 'A task' : `${tasks.length} tasks`} for ${newHireName}'s onboarding`,
      template: 'onboarding-tasks',
      data: {
        name: owner.name,
        newHireName,
        tasks: tasks.map((task) => ({ title: task.title, dueOn: task.dueOn })),
        url: this.config.link('/'),
      },
    });
  }
}
