import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';
import { In, IsNull, LessThan, Not, type EntityManager } from 'typeorm';
import { CheckIn, HireGoal, HireMilestone, LearningEntry } from './entities/development.entity.js';
import { Connection, Hire, Offer, OnboardingTask } from './entities/hire.entity.js';
import { OnboardingTemplate } from './entities/onboarding-template.entity.js';

/** Offers, hires, their onboarding plans and development plans. */
@Injectable()
export class HiresRepository {
  constructor(private readonly uow: UnitOfWork) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.uow.run(work);
  }

  offersFor(applicationId: number): Promise<Offer[]> {
    return this.uow.manager.getRepository(Offer).find({ where: { applicationId }, order: { id: 'ASC' } });
  }

  findOffer(id: number): Promise<Offer | null> {
    return this.uow.manager.getRepository(Offer).findOneBy({ id });
  }

  saveOffer(offer: Partial<Offer>, manager: EntityManager = this.uow.manager): Promise<Offer> {
    return manager.getRepository(Offer).save(manager.getRepository(Offer).create(offer));
  }

  findHire(id: number): Promise<Hire | null> {
    return this.uow.manager.getRepository(Hire).findOne({
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

  /** Hires a manager looks after (all of them for an admin), newest first. */
  hiresManagedBy(managerId: number | null, page: { page: number; perPage: number }): Promise<[Hire[], number]> {
    return this.uow.manager.getRepository(Hire).findAndCount({
      where: managerId === null ? {} : { managerId },
      relations: { user: true, position: true },
      order: { startDate: 'DESC', id: 'DESC' },
      skip: (page.page - 1) * page.perPage,
      take: page.perPage,
    });
  }

  countHired(positionId: number): Promise<number> {
    return this.uow.manager.getRepository(Hire).countBy({ positionId });
  }

  saveHire(hire: Partial<Hire>, manager: EntityManager = this.uow.manager): Promise<Hire> {
    return manager.getRepository(Hire).save(manager.getRepository(Hire).create(hire));
  }

  defaultTemplate(manager: EntityManager = this.uow.manager): Promise<OnboardingTemplate | null> {
    return manager.getRepository(OnboardingTemplate).findOne({
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

  saveTasks(tasks: Partial<OnboardingTask>[], manager: EntityManager = this.uow.manager): Promise<OnboardingTask[]> {
    const repository = manager.getRepository(OnboardingTask);
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

  saveGoals(goals: Partial<HireGoal>[], manager: EntityManager = this.uow.manager): Promise<HireGoal[]> {
    const repository = manager.getRepository(HireGoal);
    return repository.save(goals.map((goal) => repository.create(goal)));
  }

  saveMilestones(
    milestones: Partial<HireMilestone>[],
    manager: EntityManager = this.uow.manager,
  ): Promise<HireMilestone[]> {
    const repository = manager.getRepository(HireMilestone);
    return repository.save(milestones.map((milestone) => repository.create(milestone)));
  }

  checkInsOf(hireId: number): Promise<CheckIn[]> {
    return this.uow.manager.getRepository(CheckIn).find({ where: { hireId }, order: { heldOn: 'ASC', id: 'ASC' } });
  }

  findCheckIn(id: number): Promise<CheckIn | null> {
    return this.uow.manager.getRepository(CheckIn).findOneBy({ id });
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
