import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { UsersRepository } from '../accounts/users.repository.js';
import { formatDay } from '../common/dates.js';
import { FormInvalidError, notFound } from '../common/errors.js';
import { AppConfig } from '../config/app-config.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { MailService } from '../mail/mail.service.js';
import type { ConnectionDto, ConnectionStatusDto, TaskDto, TemplateTaskDto } from './dto/hires.dto.js';
import type { Connection, Hire, OnboardingTask, OwnerKind } from './entities/hire.entity.js';
import { OnboardingTemplate, OnboardingTemplateTask } from './entities/onboarding-template.entity.js';
import { HiresAccess } from './hires.access.js';
import { HiresRepository } from './hires.repository.js';
import { addDays, daysBetween, today } from './plan-dates.js';

export interface Progress {
  done: number;
  total: number;
  overdue: number;
  percent: number;
}

export function progressOf(tasks: OnboardingTask[], on: string): Progress {
  const done = tasks.filter((task) => task.doneAt).length;
  const overdue = tasks.filter((task) => !task.doneAt && task.dueOn < on).length;
  return { done, total: tasks.length, overdue, percent: tasks.length ? Math.round((done / tasks.length) * 100) : 0 };
}

/** Which week of onboarding a date falls in: week 1 starts on the start date. */
export function onboardingWeek(startDate: string, on: string): number {
  return Math.floor(daysBetween(startDate, on) / 7) + 1;
}

/** Who does a task of this kind on this hire's plan: the buddy's tasks fall to the manager when there is no buddy; a role has no account. */
export function ownerOf(kind: OwnerKind, hire: Pick<Hire, 'userId' | 'managerId' | 'buddyId'>): number | null {
  return kind === 'new-hire'
    ? hire.userId
    : kind === 'manager'
      ? hire.managerId
      : kind === 'buddy'
        ? (hire.buddyId ?? hire.managerId)
        : null;
}

/** The onboarding plan: dated tasks with owners, and the connections map. */
@Injectable()
export class OnboardingService {
  constructor(
    private readonly hires: HiresRepository,
    private readonly access: HiresAccess,
    private readonly users: UsersRepository,
    private readonly uow: UnitOfWork,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  /** Everything the onboarding page shows the user, with what they may do there. */
  async page(user: User, hireId: number) {
    const hire = await this.access.hire(user, 'plan.read', hireId);
    const [tasks, connections, colleagues] = await Promise.all([
      this.hires.tasksOf(hire.id),
      this.hires.connectionsOf(hire.id),
      this.users.findActive(),
    ]);
    return {
      hire,
      tasks,
      connections,
      colleagues,
      progress: progressOf(tasks, today()),
      canManage: this.access.can(user, 'plan.manage', hire),
      canConnect: this.access.can(user, 'connection.write', hire),
    };
  }

  /** The new hire's first tasks, from the onboarding template, dated from the start date (inside the hire's unit of work). */
  async layOut(hire: Hire): Promise<void> {
    const template = await this.hires.defaultTemplate();
    await this.hires.saveTasks(
      (template?.tasks ?? []).map((task) => ({
        hireId: hire.id,
        sortOrder: task.sortOrder,
        title: task.title,
        description: task.description,
        category: task.category,
        ownerKind: task.ownerKind,
        ownerLabel: task.ownerLabel,
        ownerId: ownerOf(task.ownerKind, hire),
        dueDay: task.dueDay,
        dueOn: addDays(hire.startDate, task.dueDay),
      })),
    );
  }

  /** Open tasks move with a new start date; done ones stay as they were. */
  async moveTasks(hire: Hire, startDate: string): Promise<void> {
    const tasks = await this.hires.tasksOf(hire.id);
    await this.hires.saveTasks(
      tasks.filter((task) => !task.doneAt).map((task) => ({ id: task.id, dueOn: addDays(startDate, task.dueDay) })),
    );
  }

  /** The owner ticks a task off (or the manager does); ticking again reopens it. */
  async setDone(user: User, taskId: number, done: boolean): Promise<OnboardingTask> {
    const task = await this.hires.findTask(taskId);
    if (!task) throw notFound('That task');
    this.access.requireTick(user, task);
    const change = { doneAt: done ? new Date() : null, doneById: done ? user.id : null };
    await this.hires.saveTasks([{ id: task.id, ...change }]);
    return Object.assign(task, change);
  }

  async addTask(user: User, hireId: number, dto: TaskDto): Promise<OnboardingTask> {
    const hire = await this.access.hire(user, 'plan.manage', hireId);
    const { ownerKind, owner } = await this.owner(hire, dto.owner);
    if (ownerKind === 'role' && !dto.ownerLabel)
      throw FormInvalidError.single('ownerLabel', 'Name the role, e.g. IT or Finance');
    return this.uow.run(async () => {
      const existing = await this.hires.tasksOf(hire.id);
      const [task] = await this.hires.saveTasks([
        {
          hireId: hire.id,
          sortOrder: existing.length,
          title: dto.title,
          description: dto.description,
          category: dto.category,
          ownerKind,
          ownerId: owner?.id ?? null,
          ownerLabel: ownerKind === 'role' ? dto.ownerLabel : null,
          dueDay: dto.dueDay,
          dueOn: addDays(hire.startDate, dto.dueDay),
        },
      ]);
      task.owner = owner;
      if (owner && owner.id !== hire.userId) await this.mailAssigned([task], hire.user.name);
      return task;
    });
  }

  /** The manager seeds the map; the new hire adds to it. */
  async addConnection(user: User, hireId: number, dto: ConnectionDto): Promise<Connection> {
    const hire = await this.access.hire(user, 'connection.write', hireId);
    if (dto.userId) {
      const colleague = await this.users.findById(dto.userId);
      if (!colleague?.active) throw FormInvalidError.single('userId', 'Choose a colleague from the list');
    } else if (!dto.name) {
      throw FormInvalidError.single('userId', 'Choose a colleague, or write the name of someone outside Keeper');
    }
    return this.hires.saveConnection({
      hireId: hire.id,
      userId: dto.userId ?? null,
      name: dto.userId ? null : dto.name,
      role: dto.role,
      why: dto.why,
      targetWeek: dto.targetWeek,
      status: 'to-arrange',
      note: null,
      addedById: user.id,
    });
  }

  async updateConnection(
    user: User,
    hireId: number,
    connectionId: number,
    dto: ConnectionStatusDto,
  ): Promise<Connection> {
    const connection = await this.hires.findConnection(connectionId);
    if (!connection || connection.hireId !== hireId) throw notFound('That connection');
    await this.access.hire(user, 'connection.write', connection.hireId);
    if (dto.status === 'met' && !dto.note)
      throw FormInvalidError.single(`note-${connection.id}`, 'Write a line on what you learned from them');
    return this.hires.saveConnection({ ...connection, status: dto.status, note: dto.note });
  }

  /** People a task can be given to, or a connection can name. */
  colleagues(): Promise<User[]> {
    return this.users.findActive();
  }

  /** Each colleague who owns tasks on a new plan gets one mail listing them. */
  async mailOwners(hireId: number, newHireName: string): Promise<void> {
    const [tasks, hire] = await Promise.all([this.hires.tasksOf(hireId), this.hires.findHire(hireId)]);
    const byOwner = new Map<number, OnboardingTask[]>();
    for (const task of tasks)
      if (task.ownerId && task.ownerId !== hire!.userId)
        byOwner.set(task.ownerId, [...(byOwner.get(task.ownerId) ?? []), task]);
    for (const owned of byOwner.values()) await this.mailAssigned(owned, newHireName);
  }

  async template(): Promise<OnboardingTemplate> {
    const template = await this.hires.defaultTemplate();
    if (!template) throw notFound('The onboarding template');
    return template;
  }

  /** Admins keep the template: blank rows are ignored, ticked rows removed. */
  async saveTemplate(rows: TemplateTaskDto[]): Promise<OnboardingTemplate> {
    const template = await this.template();
    const kept = rows.filter((row) => row.remove !== '1' && row.title);
    const errors: Record<string, string[]> = {};
    rows.forEach((row, index) => {
      if (row.remove === '1' || !row.title) return;
      if (row.dueDay === null || row.dueDay === undefined)
        errors[`tasks.${index}.dueDay`] = ['Enter the day, −7 to 90'];
      if (row.ownerKind === 'role' && !row.ownerLabel) errors[`tasks.${index}.ownerLabel`] = ['Name the role, e.g. IT'];
    });
    if (Object.keys(errors).length) throw new FormInvalidError(errors);
    template.tasks = kept.map((row, index) =>
      Object.assign(new OnboardingTemplateTask(), {
        sortOrder: index,
        title: row.title!,
        description: row.description,
        category: row.category ?? 'logistics',
        ownerKind: row.ownerKind ?? 'manager',
        ownerLabel: row.ownerKind === 'role' ? row.ownerLabel : null,
        dueDay: row.dueDay!,
      }),
    );
    return this.hires.saveTemplate(template);
  }

  private async mailAssigned(tasks: OnboardingTask[], newHireName: string): Promise<void> {
    const owner = tasks[0].owner;
    if (!owner) return;
    await this.mail.send({
      to: owner.email,
      subject: `${tasks.length === 1 ? 'A task' : `${tasks.length} tasks`} for ${newHireName}'s onboarding`,
      template: 'onboarding-tasks',
      data: {
        name: owner.name,
        newHireName,
        tasks: tasks.map((task) => ({ title: task.title, dueOn: formatDay(task.dueOn) })),
        url: this.config.link('/'),
      },
    });
  }

  /** Who a posted owner choice is: a named colleague, or as on the template (ownerOf). */
  private async owner(hire: Hire, choice: string): Promise<{ ownerKind: OwnerKind; owner: User | null }> {
    if (choice.startsWith('user:')) {
      const colleague = await this.users.findById(Number(choice.slice(5)));
      if (!colleague?.active) throw FormInvalidError.single('owner', 'Choose someone from the list');
      return { ownerKind: 'buddy', owner: colleague };
    }
    const kind = choice as OwnerKind;
    const id = ownerOf(kind, hire);
    return {
      ownerKind: kind,
      owner: [hire.user, hire.manager, hire.buddy].find((person) => person && person.id === id) ?? null,
    };
  }
}
