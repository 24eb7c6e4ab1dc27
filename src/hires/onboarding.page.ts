import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { User } from '../accounts/entities/user.entity.js';
import type { FormPage, PageRequest } from '../common/decorators.js';
import {
  CONNECTION_STATUS_LABELS,
  CONNECTION_STATUSES,
  TASK_CATEGORIES,
  TASK_CATEGORY_LABELS,
  type Connection,
} from './entities/hire.entity.js';
import { HiresAccess } from './hires.access.js';
import { onboardingWeek, OnboardingService } from './onboarding.service.js';
import { dueThisWeek, taskView, toMeetNow } from './onboarding.view.js';
import { today } from './plan-dates.js';

function connectionView(connection: Connection, week: number) {
  return {
    id: connection.id,
    who: connection.user?.name ?? connection.name,
    role: connection.role,
    why: connection.why,
    targetWeek: connection.targetWeek,
    status: connection.status,
    statusLabel: CONNECTION_STATUS_LABELS[connection.status],
    note: connection.note,
    thisWeek: toMeetNow(connection, week),
    statuses: CONNECTION_STATUSES.map((value) => ({
      value,
      label: CONNECTION_STATUS_LABELS[value],
      selected: value === connection.status,
    })),
  };
}

/** The onboarding plan of one hire: progress, this week, every task, the connections map, managing the plan. */
@Injectable()
export class OnboardingPage implements FormPage {
  readonly view = 'hires/onboarding';

  constructor(
    private readonly onboarding: OnboardingService,
    private readonly audit: AuditService,
  ) {}

  async build({ user, id }: PageRequest) {
    const { hire, tasks, connections, colleagues, progress, canManage, canConnect } = await this.onboarding.page(
      user,
      id,
    );
    const history = await this.audit.history({ hireId: hire.id });
    const on = today();
    const week = onboardingWeek(hire.startDate, on);
    const views = tasks.map((task) => taskView(task, hire, user, on));
    const isNewHire = hire.userId === user.id;
    return {
      title: isNewHire ? 'My onboarding' : `Onboarding · ${hire.user.name}`,
      hire: {
        id: hire.id,
        name: hire.user.name,
        position: hire.position.title,
        startDate: hire.startDate,
        manager: hire.manager.name,
        buddy: hire.buddy?.name ?? null,
        week,
        started: hire.startDate <= on,
      },
      isNewHire,
      history: {
        ...history,
        allHref: `/hires/${hire.id}/history`,
        intro: 'Every change to the offer, the hire, the onboarding plan and the development plan.',
      },
      canManage,
      canConnect,
      progress,
      thisWeek: views.filter((task) => dueThisWeek(task, hire.startDate, on)),
      tasks: views,
      connections: connections.map((connection) => connectionView(connection, week)),
      categories: TASK_CATEGORIES.map((value) => ({ value, label: TASK_CATEGORY_LABELS[value] })),
      owners: [
        { value: 'new-hire', label: `${hire.user.name} (the new hire)` },
        { value: 'manager', label: `${hire.manager.name} (the manager)` },
        ...colleagues
          .filter((person) => person.id !== hire.userId && person.id !== hire.managerId)
          .map((person) => ({ value: `user:${person.id}`, label: person.name })),
        { value: 'role', label: 'A role outside Keeper (e.g. IT)' },
      ],
      people: colleagues
        .filter((person) => person.id !== hire.userId)
        .map((person) => ({ value: String(person.id), label: person.name })),
      values: { startDate: hire.startDate, dueDay: '', targetWeek: '', owner: 'new-hire', category: 'immersion' },
    };
  }
}

/** The whole audit history of one hire (offer, hire, onboarding and development plan), a page at a time. */
@Injectable()
export class HireHistoryPage {
  constructor(
    private readonly access: HiresAccess,
    private readonly audit: AuditService,
  ) {}

  async build(user: User, id: number, page: string | undefined) {
    const hire = await this.access.hire(user, 'plan.read', id);
    const history = await this.audit.historyPage({ hireId: hire.id }, page, `/hires/${hire.id}/history`);
    return {
      title: `History · ${hire.user.name}`,
      subject: `${hire.user.name}'s hire, onboarding and development plan`,
      backHref: `/hires/${hire.id}`,
      backLabel: 'Onboarding plan',
      ...history,
    };
  }
}
