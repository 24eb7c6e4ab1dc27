import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { PipelineService } from '../candidates/pipeline.service.js';
import { DomainError, FormInvalidError, notFound, type FieldErrors } from '../common/errors.js';
import { PlanTemplatesService } from '../development/plan-templates.service.js';
import type { CheckInDto, LearningDto, NewHireViewDto, ReviewDto } from './dto/hires.dto.js';
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
import { HiresRepository } from './hires.repository.js';
import { canManageHire, HiresService } from './hires.service.js';
import { readGoal, targetPath, type GoalPlan, type GoalReading } from './pace.js';
import { addDays, isIsoDate, today, weekOf } from './plan-dates.js';

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
    private readonly hiresService: HiresService,
    private readonly plans: PlanTemplatesService,
    private readonly pipeline: PipelineService,
  ) {}

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

  /** The manager records a month: the actual per goal to date, coaching notes, next steps. */
  async recordCheckIn(user: User, hireId: number, dto: CheckInDto): Promise<CheckIn> {
    const hire = await this.hiresService.findManaged(user, hireId);
    if (!isIsoDate(dto.heldOn)) throw FormInvalidError.single('heldOn', 'Enter a real date');
    if (dto.heldOn < hire.startDate)
      throw FormInvalidError.single('heldOn', `A check-in falls on or after the start date (${hire.startDate})`);
    const goals = await this.hires.goalsOf(hire.id);
    const actuals: Record<string, number> = {};
    const errors: FieldErrors = {};
    for (const goal of goals) {
      const typed = String(dto.actuals?.[`g${goal.id}`] ?? '')
        .trim()
        .replace(/[,\s]/g, '');
      if (!typed) continue;
      const value = Number(typed);
      if (!Number.isFinite(value) || value < 0) errors[`actual-${goal.id}`] = ['Enter a number, 0 or more'];
      else actuals[String(goal.id)] = value;
    }
    if (Object.keys(errors).length) throw new FormInvalidError(errors);
    if (!Object.keys(actuals).length)
      throw FormInvalidError.single(`actual-${goals[0]?.id ?? 0}`, 'Enter the actual to date for at least one outcome');
    const checkIn = await this.hires.saveCheckIn({
      hireId: hire.id,
      heldOn: dto.heldOn,
      actuals,
      coachingNotes: dto.coachingNotes,
      nextSteps: dto.nextSteps,
      newHireView: null,
      createdById: user.id,
    });
    return checkIn;
  }

  /** The new hire adds their own view of the month to a check-in. */
  async addNewHireView(user: User, checkInId: number, dto: NewHireViewDto): Promise<CheckIn> {
    const checkIn = await this.hires.findCheckIn(checkInId);
    if (!checkIn) throw notFound('That check-in');
    const hire = await this.hiresService.findVisible(user, checkIn.hireId);
    if (hire.userId !== user.id) throw new DomainError('forbidden', 'Only the new hire writes their own view.');
    return this.hires.saveCheckIn({ ...checkIn, newHireView: dto.newHireView });
  }

  async logLearning(user: User, hireId: number, dto: LearningDto): Promise<LearningEntry> {
    const hire = await this.hiresService.findVisible(user, hireId);
    if (hire.userId !== user.id) throw new DomainError('forbidden', 'The learning log is the new hire’s own.');
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
    const hire = await this.hiresService.findManaged(user, hireId);
    const goals = await this.hires.goalsOf(hire.id);
    const errors: FieldErrors = {};
    const results = goals.map((goal) => {
      const result = dto.results?.[`g${goal.id}`] as ReviewResult | undefined;
      if (!result || !REVIEW_RESULTS.includes(result))
        errors[`result-${goal.id}`] = ['Choose met, partly met or not met'];
      return { id: goal.id, result: result ?? null };
    });
    if (Object.keys(errors).length) throw new FormInvalidError(errors);
    await this.hires.transaction(async (manager) => {
      await this.hires.saveGoals(results, manager);
      await this.hires.saveHire(
        { id: hire.id, keeper: dto.keeper === 'yes', reviewedAt: new Date(), reviewNotes: dto.reviewNotes },
        manager,
      );
    });
    await this.pipeline.note(
      user,
      await this.pipeline.findOrFail(hire.applicationId),
      `First-year review: ${dto.keeper === 'yes' ? 'a keeper' : 'not a keeper'}`,
    );
    return await this.hiresService.findVisible(user, hire.id);
  }

  canManage(user: User, hire: Hire): boolean {
    return canManageHire(user, hire);
  }
}
