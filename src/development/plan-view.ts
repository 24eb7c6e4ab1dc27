import type { Outcome } from '../positions/entities/outcome.entity.js';
import type { PlanSnapshot } from '../positions/position-snapshot.js';
import type { PlanTemplate } from './entities/plan-template.entity.js';

export interface PlanIssue {
  message: string;
}

function outcomeLabel(outcomes: Outcome[], outcomeId: number | null): string | null {
  const index = outcomes.findIndex((outcome) => outcome.id === outcomeId);
  return index < 0 ? null : `Outcome ${index + 1}`;
}

/** The plan is complete when every outcome has a milestone, coaching has a cadence and at least one learning area exists. */
export function planCompleteness(plan: PlanTemplate | null, outcomes: Outcome[]): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const milestones = (plan?.phases ?? []).flatMap((phase) => phase.milestones ?? []);
  if (!plan || (plan.phases ?? []).length === 0) issues.push({ message: 'The route has no phases yet.' });
  outcomes.forEach((outcome, index) => {
    if (!milestones.some((milestone) => milestone.outcomeId === outcome.id)) {
      issues.push({
        message: `Outcome ${index + 1} (${outcome.metric ?? 'no metric yet'}) has no milestone on the route.`,
      });
    }
  });
  if (!plan?.coachingCadence)
    issues.push({ message: 'Coaching has no cadence (for example “weekly one-to-one tied to live opportunities”).' });
  if ((plan?.learningAreas ?? []).length === 0) issues.push({ message: 'The learning plan has no learning area.' });
  return issues;
}

export function monthsLabel(start: number, end: number): string {
  return start === end ? `month ${start}` : `months ${start}–${end}`;
}

/** "By the close of month 4: 30% of the annualized billings pace (Outcome 1, 30% of target)" */
export function milestoneText(
  milestone: {
    monthOffset: number;
    description: string;
    outcomeId: number | null;
    interimTargetPercent: number | null;
  },
  outcomes: Outcome[],
): string {
  const outcome = outcomeLabel(outcomes, milestone.outcomeId);
  const tie = outcome
    ? ` (${outcome}${milestone.interimTargetPercent ? `, ${milestone.interimTargetPercent}% of target` : ''})`
    : '';
  return `${milestone.description}${tie}`;
}

export function planSnapshot(plan: PlanTemplate | null, outcomes: Outcome[]): PlanSnapshot {
  return {
    phases: (plan?.phases ?? []).map((phase) => ({
      name: phase.name,
      months: monthsLabel(phase.startMonth, phase.endMonth),
      milestones: (phase.milestones ?? []).map((milestone) => ({
        month: milestone.monthOffset,
        text: milestoneText(milestone, outcomes),
      })),
    })),
    learningAreas: (plan?.learningAreas ?? []).map((area) => ({
      name: area.name,
      weeklyHabit: area.weeklyHabit,
      resources: area.resources,
    })),
    coachingCadence: plan?.coachingCadence ?? null,
    coach: plan?.coach ?? null,
  };
}
