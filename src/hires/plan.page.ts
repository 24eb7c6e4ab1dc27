import { Injectable } from '@nestjs/common';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { DevelopmentService, type GoalView } from './development.service.js';
import { REVIEW_RESULT_LABELS, REVIEW_RESULTS } from './entities/development.entity.js';
import { compact } from './goal-chart.js';
import { mayChangeCheckIn } from './hires.access.js';
import { STATUS_LABELS } from './pace.js';
import { today } from './plan-dates.js';
import { numberFormat } from '../common/intl.js';

const number = (value: number | null) =>
  value === null ? '—' : numberFormat('en', { maximumFractionDigits: 1 }).format(value);

function goalView({ goal, latest, rows, chart }: GoalView) {
  return {
    id: goal.id,
    label: goal.label,
    sentence: goal.sentence,
    deadlineOn: goal.deadlineOn,
    kind: goal.kind,
    valueLabel: goal.kind === 'pace' ? 'Annualized pace' : 'Actual',
    target: number(goal.target),
    unit: goal.unit,
    result: goal.result ? REVIEW_RESULT_LABELS[goal.result] : null,
    latest: latest
      ? {
          value: number(latest.value),
          expected: number(latest.expected),
          status: latest.status,
          statusLabel: STATUS_LABELS[latest.status],
        }
      : null,
    rows: rows.map((row) => ({
      on: row.on,
      actual: number(row.actual),
      value: number(row.value),
      expected: number(row.expected),
      statusLabel: STATUS_LABELS[row.status],
    })),
    chart: { ...chart, targetLabel: compact(goal.target) },
    hasData: rows.length > 0,
  };
}

/** The first-year development plan of one hire: outcomes and pace, milestones, check-ins, learning, the review. */
@Injectable()
export class PlanPage implements FormPage {
  readonly view = 'hires/plan';

  constructor(private readonly development: DevelopmentService) {}

  async build({ user, id }: PageRequest) {
    const { hire, plan, canManage, canRespond, canLogLearning } = await this.development.page(user, id);
    const isNewHire = hire.userId === user.id;
    const on = today();
    const linesOf = (actuals: Record<string, number>) =>
      plan.goals
        .filter(({ goal }) => actuals[String(goal.id)] !== undefined)
        .map(({ goal }) => ({ label: goal.label, actual: number(actuals[String(goal.id)]) }));
    return {
      title: isNewHire ? 'My first-year plan' : `First-year plan · ${hire.user.name}`,
      hire: {
        id: hire.id,
        name: hire.user.name,
        position: hire.position.title,
        startDate: hire.startDate,
        manager: hire.manager.name,
        keeper: hire.keeper,
        reviewedAt: hire.reviewedAt,
        reviewNotes: hire.reviewNotes,
      },
      isNewHire,
      canManage,
      canRespond,
      canLogLearning,
      coaching: plan.coaching,
      goals: plan.goals.map(goalView),
      milestones: plan.milestones.map((milestone) => ({ ...milestone, passed: milestone.dueOn < on })),
      checkIns: [...plan.checkIns].reverse().map((checkIn) => ({
        ...checkIn,
        canChange: mayChangeCheckIn(user, checkIn, hire),
        lines: linesOf(checkIn.actuals),
        earlier: (checkIn.earlierVersions ?? []).map((version) => ({
          ...version,
          lines: linesOf(version.actuals),
          correctedAt: new Date(version.correctedAt),
        })),
      })),
      learning: plan.learning.slice(0, 30),
      streaks: plan.streaks,
      areas: plan.streaks.map((area) => ({ value: area.name, label: area.name })),
      reviewResults: REVIEW_RESULTS.map((value) => ({ value, label: REVIEW_RESULT_LABELS[value] })),
      values: { heldOn: on, weekOf: on, minutes: '', area: plan.streaks[0]?.name ?? '' },
    };
  }
}
