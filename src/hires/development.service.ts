import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { PipelineService } from '../candidates/pipeline.service.js';
import { FormInvalidError, notFound, type FieldErrors } from '../common/errors.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { PlanTemplate } from '../development/entities/plan-template.entity.js';
import { PlanTemplatesService } from '../development/plan-templates.service.js';
import type { Position } from '../positions/entities/position.entity.js';
import { composeOutcomeSentence } from '../positions/outcome-sentence.js';
import type { LearningDto, NewHireViewDto, ReviewDto } from './dto/hires.dto.js';
import {
  REVIEW_RESULTS,
  type CheckIn,
  type HireGoal,
  type HireMilestone,
  type LearningEntry,
  type ReviewResult,
} from './entities/development.entity.js';
import type { Hire } from './entities/hire.entity.js';
import { goalChart, type ChartPoint } from './goal-chart.js';
import { HiresAccess } from './hires.access.js';
import { HiresRepository } from './hires.repository.js';
import { goalKindOf, readGoal, targetPath, type GoalPlan, type GoalReading } from './pace.js';
import { addDays, closeOfFullMonth, deadlineOn, isIsoDate, today, weekOf } from './plan-dates.js';

/** The plan the pace is read against: the goal with its milestones' interim targets. */
export function goalPlan(hire: Pick<Hire, 'startDate'>, goal: HireGoal, milestones: HireMilestone[]): GoalPlan {
  return {
    kind: goal.kind,
    target: goal.target,
    startOn: hire.startDate,
    deadlineOn: goal.deadlineOn,
    milestones: milestones
      .filter((milestone) => milestone.goalId === goal.id && milestone.interimTargetPercent !== null)
      .map((milestone) => ({ dueOn: milestone.dueOn, percent: milestone.interimTargetPercent! })),
  };
}

/** Consecutive weeks with learning logged in an area, up to this week (or last week, if this one is not logged yet). */
export function weeklyStreak(weeks: string[], on: string): number {
  const logged = new Set(weeks);
  let week = weekOf(on);
  if (!logged.has(week)) week = addDays(week, -7);
  let streak = 0;
  while (logged.has(week)) {
    streak += 1;
    week = addDays(week, -7);
  }
  return streak;
}

/** The hires whose latest check-in finds at least one outcome off pace. */
export function offPaceHires(data: {
  hires: Hire[];
  goals: HireGoal[];
  milestones: HireMilestone[];
  checkIns: CheckIn[];
}): Hire[] {
  return data.hires.filter((hire) => {
    const latest = data.checkIns.filter((checkIn) => checkIn.hireId === hire.id).at(-1);
    if (!latest) return false;
    const milestones = data.milestones.filter((milestone) => milestone.hireId === hire.id);
    return data.goals
      .filter((goal) => goal.hireId === hire.id && latest.actuals[String(goal.id)] !== undefined)
      .some(
        (goal) =>
          readGoal(goalPlan(hire, goal, milestones), latest.actuals[String(goal.id)], latest.heldOn).status ===
          'off-pace',
      );
  });
}

export interface GoalView {
  goal: HireGoal;
  latest: GoalReading | null;
  rows: { on: string; actual: number; value: number | null; expected: number; status: GoalReading['status'] }[];
  chart: ReturnType<typeof goalChart>;
}

/** The first-year development plan in use: goals with dates, monthly check-ins and pace, the learning log, the review. */
@Injectable()
export class DevelopmentService {
  constructor(
    private readonly hires: HiresRepository,
    private readonly access: HiresAccess,
    private readonly plans: PlanTemplatesService,
    private readonly pipeline: PipelineService,
    private readonly uow: UnitOfWork,
  ) {}

  /** Everything the development plan page shows the user, with what they may do there. */
  async page(user: User, hireId: number) {
    const hire = await this.access.hire(user, 'plan.read', hireId);
    return {
      hire,
      plan: await this.plan(hire),
      canManage: this.access.can(user, 'plan.manage', hire),
      canRespond: this.access.can(user, 'check-in.respond', hire),
      canLogLearning: this.access.can(user, 'learning.write', hire),
    };
  }

  /** The new hire's goals from the position's outcomes and milestones from its plan, dated from the start date. */
  async layOut(hire: Hire, position: Position, template: PlanTemplate | null): Promise<void> {
    const goals = await this.hires.saveGoals(
      position.outcomes.map((outcome, index) => ({
        hireId: hire.id,
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
          deadlineOn(hire.startDate, outcome.deadlineKind, outcome.deadlineN) ?? closeOfFullMonth(hire.startDate, 12),
        weight: outcome.weight,
        result: null,
      })),
    );
    await this.hires.saveMilestones(
      (template?.phases ?? []).flatMap((phase) =>
        phase.milestones.map((milestone, index) => ({
          hireId: hire.id,
          sortOrder: phase.sortOrder * 100 + index,
          phase: phase.name,
          description: milestone.description,
          monthOffset: milestone.monthOffset,
          dueOn: closeOfFullMonth(hire.startDate, milestone.monthOffset),
          goalId: goals.find((goal) => goal.outcomeId === milestone.outcomeId)?.id ?? null,
          interimTargetPercent: milestone.interimTargetPercent,
        })),
      ),
    );
  }

  /** Every goal deadline and milestone moves with a new start date. */
  async moveDates(hire: Hire, startDate: string): Promise<void> {
    const [goals, milestones] = await Promise.all([this.hires.goalsOf(hire.id), this.hires.milestonesOf(hire.id)]);
    await this.hires.saveGoals(
      goals.map((goal) => ({
        id: goal.id,
        deadlineOn:
          deadlineOn(startDate, goal.deadlineKind as 'month-close' | 'days' | null, goal.deadlineN) ??
          closeOfFullMonth(startDate, 12),
      })),
    );
    await this.hires.saveMilestones(
      milestones.map((milestone) => ({ id: milestone.id, dueOn: closeOfFullMonth(startDate, milestone.monthOffset) })),
    );
  }

  async plan(hire: Hire) {
    const [goals, milestones, checkIns, learning, template] = await Promise.all([
      this.hires.goalsOf(hire.id),
      this.hires.milestonesOf(hire.id),
      this.hires.checkInsOf(hire.id),
      this.hires.learningOf(hire.id),
      this.plans.findByPosition(hire.positionId),
    ]);
    const goalViews = goals.map((goal) => this.goalView(hire, goal, milestones, checkIns));
    const areas = template?.learningAreas.map((area) => ({ name: area.name, weeklyHabit: area.weeklyHabit })) ?? [];
    for (const entry of learning)
      if (!areas.some((area) => area.name === entry.area)) areas.push({ name: entry.area, weeklyHabit: '' });
    return {
      goals: goalViews,
      milestones,
      checkIns,
      learning,
      coaching: template ? { cadence: template.coachingCadence, coach: template.coach } : null,
      streaks: areas.map((area) => ({
        ...area,
        streak: weeklyStreak(
          learning.filter((entry) => entry.area === area.name).map((entry) => entry.weekOf),
          today(),
        ),
      })),
    };
  }

  goalView(hire: Hire, goal: HireGoal, milestones: HireMilestone[], checkIns: CheckIn[]): GoalView {
    const plan = goalPlan(hire, goal, milestones);
    const rows = checkIns
      .filter((checkIn) => checkIn.actuals[String(goal.id)] !== undefined)
      .map((checkIn) => {
        const actual = checkIn.actuals[String(goal.id)];
        const reading = readGoal(plan, actual, checkIn.heldOn);
        return { on: checkIn.heldOn, actual, value: reading.value, expected: reading.expected, status: reading.status };
      });
    const target: ChartPoint[] = targetPath(plan);
    const actuals = rows.filter((row) => row.value !== null).map((row) => ({ on: row.on, value: row.value! }));
    const last = rows.at(-1);
    return {
      goal,
      latest: last ? { value: last.value, expected: last.expected, status: last.status } : null,
      rows,
      chart: goalChart(target, actuals),
    };
  }

  /** The new hire adds their own view of the month to a check-in. */
  async addNewHireView(user: User, hireId: number, checkInId: number, dto: NewHireViewDto): Promise<CheckIn> {
    const checkIn = await this.hires.findCheckIn(checkInId);
    if (!checkIn || checkIn.hireId !== hireId) throw notFound('That check-in');
    await this.access.hire(user, 'check-in.respond', checkIn.hireId);
    return this.hires.saveCheckIn({ ...checkIn, newHireView: dto.newHireView });
  }

  async logLearning(user: User, hireId: number, dto: LearningDto): Promise<LearningEntry> {
    const hire = await this.access.hire(user, 'learning.write', hireId);
    if (!isIsoDate(dto.weekOf)) throw FormInvalidError.single('weekOf', 'Enter a real date');
    if (dto.weekOf > today()) throw FormInvalidError.single('weekOf', 'Log a week that has started');
    return this.hires.saveLearning({
      hireId: hire.id,
      weekOf: weekOf(dto.weekOf),
      area: dto.area,
      what: dto.what,
      minutes: dto.minutes,
    });
  }

  /** The month-10 review: met / partly / not met per goal, and whether the hire is a keeper. */
  async review(user: User, hireId: number, dto: ReviewDto): Promise<Hire> {
    const hire = await this.access.hire(user, 'plan.manage', hireId);
    const goals = await this.hires.goalsOf(hire.id);
    const errors: FieldErrors = {};
    const results = goals.map((goal) => {
      const result = dto.results?.[`g${goal.id}`] as ReviewResult | undefined;
      if (!result || !REVIEW_RESULTS.includes(result))
        errors[`result-${goal.id}`] = ['Choose met, partly met or not met'];
      return { id: goal.id, result: result ?? null };
    });
    if (Object.keys(errors).length) throw new FormInvalidError(errors);
    const application = await this.pipeline.findOrFail(hire.applicationId);
    await this.uow.run(async () => {
      await this.hires.saveGoals(results);
      await this.hires.saveHire({
        id: hire.id,
        keeper: dto.keeper === 'yes',
        reviewedAt: new Date(),
        reviewNotes: dto.reviewNotes,
      });
      await this.pipeline.note(
        user,
        application,
        `First-year review: ${dto.keeper === 'yes' ? 'a keeper' : 'not a keeper'}`,
      );
    });
    return this.access.hire(user, 'plan.read', hire.id);
  }
}
