import type { User } from '../accounts/entities/user.entity.js';
import { TASK_CATEGORY_LABELS, type Connection, type Hire, type OnboardingTask } from './entities/hire.entity.js';
import { mayTick } from './hires.access.js';
import { addDays } from './plan-dates.js';

const OWNER_TEXT = { 'new-hire': 'New hire', manager: 'Manager', buddy: 'Colleague', role: 'Role' } as const;

/** A task as the onboarding page and the home page show it; only its owner or the manager may tick it. */
export function taskView(task: OnboardingTask, hire: Hire, user: User, on: string) {
  return {
    id: task.id,
    title: task.title,
    description: task.description,
    category: TASK_CATEGORY_LABELS[task.category],
    owner: task.owner?.name ?? task.ownerLabel ?? OWNER_TEXT[task.ownerKind],
    dueOn: task.dueOn,
    dueDay: task.dueDay,
    done: Boolean(task.doneAt),
    overdue: !task.doneAt && task.dueOn < on,
    canTick: mayTick(user, task, hire),
  };
}

/** "This week": open tasks due within the coming seven days (from the start date, before it), overdue ones included. */
export function dueThisWeek(task: { done: boolean; dueOn: string }, startDate: string, on: string): boolean {
  return !task.done && task.dueOn <= addDays(on < startDate ? startDate : on, 6);
}

/** People to meet now: not met yet, and their target week is this one or the next. */
export function toMeetNow(connection: Connection, week: number): boolean {
  return connection.status !== 'met' && connection.targetWeek <= week + 1;
}
