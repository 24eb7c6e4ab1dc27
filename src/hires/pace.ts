import { daysBetween, type IsoDate } from './plan-dates.js';

/**
 * How a goal is measured: "pace" — an annualized run rate (billings booked so far, scaled to a year);
 * "rate" — a share judged as it stands (win rate, retention); "total" — a count or sum that accumulates.
 */
export type GoalKind = 'pace' | 'rate' | 'total';
export type GoalStatus = 'on-pace' | 'at-risk' | 'off-pace';

export const STATUS_LABELS: Record<GoalStatus, string> = {
  'on-pace': 'On pace',
  'at-risk': 'At risk',
  'off-pace': 'Off pace',
};

/** Below this share of what is expected by now, a goal is at risk; below AT_RISK_FLOOR of it, off pace. */
export const AT_RISK_FLOOR = 0.8;

export interface GoalPlan {
  kind: GoalKind;
  target: number;
  startOn: IsoDate;
  deadlineOn: IsoDate;
  /** Interim targets from the plan's milestones: by dueOn, percent of the target. */
  milestones: { dueOn: IsoDate; percent: number }[];
}

export function goalKindOf(metric: string | null, targetKind: string | null): GoalKind {
  if (/annuali[sz]ed|run[- ]rate|\bpace\b/i.test(metric ?? '')) return 'pace';
  return targetKind === 'percent' ? 'rate' : 'total';
}

/** Actual-to-date scaled to a year: 100,000 booked in the first 73 days is a pace of 500,000. */
export function annualizedPace(actualToDate: number, startOn: IsoDate, on: IsoDate): number | null {
  const elapsed = daysBetween(startOn, on);
  return elapsed > 0 ? (actualToDate * 365) / elapsed : null;
}

/**
 * What the plan expects by a date: the path from zero at the start through each milestone's interim target to the
 * whole target at the deadline, read by straight lines between those points; the whole target from the deadline on.
 * A rate is judged against its target at any time. This is the same path the goal's chart draws.
 */
export function expectedBy(goal: GoalPlan, on: IsoDate): number {
  if (goal.kind === 'rate' || on >= goal.deadlineOn) return goal.target;
  const path = targetPath(goal);
  const after = path.findIndex((point) => point.on > on);
  if (after <= 0) return 0;
  const [from, to] = [path[after - 1], path[after]];
  const span = daysBetween(from.on, to.on);
  return span > 0 ? from.value + ((to.value - from.value) * daysBetween(from.on, on)) / span : to.value;
}

/** The points the plan expects to pass: the start at zero, milestones before the deadline, the deadline at the target. */
export function targetPath(goal: GoalPlan): { on: IsoDate; value: number }[] {
  if (goal.kind === 'rate')
    return [
      { on: goal.startOn, value: goal.target },
      { on: goal.deadlineOn, value: goal.target },
    ];
  const milestones = goal.milestones
    .filter((milestone) => milestone.dueOn > goal.startOn && milestone.dueOn < goal.deadlineOn)
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))
    .map((milestone) => ({ on: milestone.dueOn, value: (goal.target * milestone.percent) / 100 }));
  return [{ on: goal.startOn, value: 0 }, ...milestones, { on: goal.deadlineOn, value: goal.target }];
}

export interface GoalReading {
  /** The value compared: the annualized pace for a pace goal, the actual otherwise. */
  value: number | null;
  expected: number;
  status: GoalStatus;
}

/** Compares an actual (to date) with what the plan expects by that date. */
export function readGoal(goal: GoalPlan, actualToDate: number, on: IsoDate): GoalReading {
  const value = goal.kind === 'pace' ? annualizedPace(actualToDate, goal.startOn, on) : actualToDate;
  const expected = expectedBy(goal, on);
  if (value === null || expected <= 0) return { value, expected, status: 'on-pace' };
  const share = value / expected;
  return { value, expected, status: share >= 1 ? 'on-pace' : share >= AT_RISK_FLOOR ? 'at-risk' : 'off-pace' };
}
