import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { In, IsNull, LessThan, Not } from 'typeorm';
import { CheckIn, HireGoal, HireMilestone, LearningEntry } from './entities/development.entity.js';
import { Connection, Hire, Offer, OnboardingTask } from './entities/hire.entity.js';
import { OnboardingTemplate } from './entities/onboarding-template.entity.js';
import { findUnique } from '../database/find-unique.js';

/** Which hires a list shows: all of them, or those of one manager (built from the user by HiresAccess). */
export interface HireScope {
  managerId?: number;
}

/** Offers, hires, their onboarding plans and development plans. Writes join the active unit of work. */
@Injectable()
export class HiresRepository {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  offersFor(applicationId: number): Promise<Offer[]> {
    return this.uow.manager.getRepository(Offer).find({ where: { applicationId }, order: { id: 'ASC' } });
  }

  findOffer(id: number): Promise<Offer | null> {
    return this.uow.manager.getRepository(Offer).findOneBy({ id });
  }

  /** Records the answer only while the offer is open: true for the one call that did. */
  async answerOffer(id: number, status: 'accepted' | 'declined'): Promise<boolean> {
    const result = await this.uow
      .repository(Offer)
      .createQueryBuilder()
      .update()
      .set({ status, respondedAt: new Date() })
      .where("id = :id AND status = 'extended'", { id })
      .execute();
    if (result.affected !== 1) return false;
    await this.audit.changed('offers', 'offer', { id }, { status: 'extended' }, { status });
    return true;
  }

  /** A new open offer; null when the application already has one (the unique index on open offers). */
  async addOpenOffer(offer: Partial<Offer>): Promise<Offer | null> {
    const offers = this.uow.repository(Offer);
    try {
      return await offers.save(offers.create({ ...offer, status: 'extended' }));
    } catch (error) {
      const code = String((error as { driverError?: { code?: unknown } }).driverError?.code);
      if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE') return null;
      throw error;
    }
  }

  saveOffer(offer: Partial<Offer>): Promise<Offer> {
    const offers = this.uow.repository(Offer);
    return offers.save(offers.create(offer));
  }

  findHire(id: number): Promise<Hire | null> {
    return findUnique(this.uow.manager.getRepository(Hire), {
      where: { id },
      relations: { user: true, manager: true, buddy: true, position: true, application: { candidate: true } },
    });
  }

  hireOfApplication(applicationId: number): Promise<Hire | null> {
    return this.uow.manager.getRepository(Hire).findOneBy({ applicationId });
  }

  hiresOf(userId: number): Promise<Hire[]> {
    return this.uow.manager
      .getRepository(Hire)
      .find({ where: { userId }, relations: { position: true }, order: { id: 'DESC' } });
  }

  /** One page of the hires in a scope, newest start first. */
  hiresIn(scope: HireScope, page: { page: number; perPage: number }): Promise<[Hire[], number]> {
    return this.uow.manager.getRepository(Hire).findAndCount({
      where: scope.managerId === undefined ? {} : { managerId: scope.managerId },
      relations: { user: true, position: true },
      order: { startDate: 'DESC', id: 'DESC' },
      skip: (page.page - 1) * page.perPage,
      take: page.perPage,
    });
  }

  countHired(positionId: number): Promise<number> {
    return this.uow.manager.getRepository(Hire).countBy({ positionId });
  }

  saveHire(hire: Partial<Hire>): Promise<Hire> {
    const hires = this.uow.repository(Hire);
    return hires.save(hires.create(hire));
  }

  defaultTemplate(): Promise<OnboardingTemplate | null> {
    return this.uow.repository(OnboardingTemplate).findOne({
      where: { isDefault: true },
      relations: { tasks: true },
      order: { tasks: { dueDay: 'ASC', sortOrder: 'ASC' } },
    });
  }

  saveTemplate(template: OnboardingTemplate): Promise<OnboardingTemplate> {
    return this.uow.manager.getRepository(OnboardingTemplate).save(template);
  }

  tasksOf(hireId: number): Promise<OnboardingTask[]> {
    return this.uow.manager
      .getRepository(OnboardingTask)
      .find({ where: { hireId }, relations: { owner: true }, order: { dueOn: 'ASC', sortOrder: 'ASC', id: 'ASC' } });
  }

  findTask(id: number): Promise<OnboardingTask | null> {
    return this.uow.manager
      .getRepository(OnboardingTask)
      .findOne({ where: { id }, relations: { hire: { user: true } } });
  }

  saveTasks(tasks: Partial<OnboardingTask>[]): Promise<OnboardingTask[]> {
    const repository = this.uow.repository(OnboardingTask);
    return repository.save(tasks.map((task) => repository.create(task)));
  }

  /** Open tasks a person owns on other people's onboarding plans, soonest first. */
  openTasksOwnedBy(userId: number): Promise<OnboardingTask[]> {
    return this.uow.manager.getRepository(OnboardingTask).find({
      where: { ownerId: userId, doneAt: IsNull(), hire: { userId: Not(userId) } },
      relations: { hire: { user: true } },
      order: { dueOn: 'ASC', id: 'ASC' },
      take: 20,
    });
  }

  /** Overdue open tasks on the plans of a manager's new hires, however owned. */
  overdueTasksForManager(managerId: number, today: string): Promise<OnboardingTask[]> {
    return this.uow.manager.getRepository(OnboardingTask).find({
      where: { doneAt: IsNull(), dueOn: LessThan(today), hire: { managerId } },
      relations: { hire: { user: true }, owner: true },
      order: { dueOn: 'ASC', id: 'ASC' },
      take: 20,
    });
  }

  connectionsOf(hireId: number): Promise<Connection[]> {
    return this.uow.manager
      .getRepository(Connection)
      .find({ where: { hireId }, relations: { user: true }, order: { targetWeek: 'ASC', id: 'ASC' } });
  }

  findConnection(id: number): Promise<Connection | null> {
    return this.uow.manager.getRepository(Connection).findOneBy({ id });
  }

  saveConnection(connection: Partial<Connection>): Promise<Connection> {
    return this.uow.manager
      .getRepository(Connection)
      .save(this.uow.manager.getRepository(Connection).create(connection));
  }

  goalsOf(hireId: number): Promise<HireGoal[]> {
    return this.uow.manager.getRepository(HireGoal).find({ where: { hireId }, order: { sortOrder: 'ASC' } });
  }

  milestonesOf(hireId: number): Promise<HireMilestone[]> {
    return this.uow.manager
      .getRepository(HireMilestone)
      .find({ where: { hireId }, order: { dueOn: 'ASC', sortOrder: 'ASC' } });
  }

  saveGoals(goals: Partial<HireGoal>[]): Promise<HireGoal[]> {
    const repository = this.uow.repository(HireGoal);
    return repository.save(goals.map((goal) => repository.create(goal)));
  }

  saveMilestones(milestones: Partial<HireMilestone>[]): Promise<HireMilestone[]> {
    const repository = this.uow.repository(HireMilestone);
    return repository.save(milestones.map((milestone) => repository.create(milestone)));
  }

  checkInsOf(hireId: number): Promise<CheckIn[]> {
    return this.uow.manager.getRepository(CheckIn).find({ where: { hireId }, order: { heldOn: 'ASC', id: 'ASC' } });
  }

  findCheckIn(id: number): Promise<CheckIn | null> {
    return this.uow.manager.getRepository(CheckIn).findOneBy({ id });
  }

  async removeCheckIn(checkIn: CheckIn): Promise<void> {
    await this.uow.manager.getRepository(CheckIn).remove(checkIn);
  }

  saveCheckIn(checkIn: Partial<CheckIn>): Promise<CheckIn> {
    return this.uow.manager.getRepository(CheckIn).save(this.uow.manager.getRepository(CheckIn).create(checkIn));
  }

  learningOf(hireId: number): Promise<LearningEntry[]> {
    return this.uow.manager
      .getRepository(LearningEntry)
      .find({ where: { hireId }, order: { weekOf: 'DESC', id: 'DESC' } });
  }

  saveLearning(entry: Partial<LearningEntry>): Promise<LearningEntry> {
    return this.uow.manager
      .getRepository(LearningEntry)
      .save(this.uow.manager.getRepository(LearningEntry).create(entry));
  }

  /** Everything needed to read the pace of a manager's hires still in their first year, in four queries. */
  async firstYearOf(
    managerId: number,
  ): Promise<{ hires: Hire[]; goals: HireGoal[]; milestones: HireMilestone[]; checkIns: CheckIn[] }> {
    const hires = await this.uow.manager
      .getRepository(Hire)
      .find({ where: { managerId, reviewedAt: IsNull() }, relations: { user: true }, take: 100 });
    if (!hires.length) return { hires, goals: [], milestones: [], checkIns: [] };
    const hireId = In(hires.map((hire) => hire.id));
    const [goals, milestones, checkIns] = await Promise.all([
      this.uow.manager.getRepository(HireGoal).findBy({ hireId }),
      this.uow.manager.getRepository(HireMilestone).findBy({ hireId }),
      this.uow.manager.getRepository(CheckIn).find({ where: { hireId }, order: { heldOn: 'ASC', id: 'ASC' } }),
    ]);
    return { hires, goals, milestones, checkIns };
  }

  tasksByIds(ids: number[]): Promise<OnboardingTask[]> {
    return this.uow.manager.getRepository(OnboardingTask).findBy({ id: In(ids) });
  }
}
