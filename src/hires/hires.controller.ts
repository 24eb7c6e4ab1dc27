import { Body, Controller, Get, Param, Post, Query, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { PipelineService } from '../candidates/pipeline.service.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { notFound } from '../common/errors.js';
import { flash } from '../common/flash.js';
import { pageRequest, pageView } from '../common/pagination.js';
import { idParam, ParseIdPipe } from '../common/params.js';
import { seeOther } from '../common/redirect.js';
import {
  AcceptOfferDto,
  CheckInDto,
  ConnectionDto,
  ConnectionStatusDto,
  LearningDto,
  NewHireViewDto,
  OfferDto,
  ReviewDto,
  StartDateDto,
  TaskDto,
} from './dto/hires.dto.js';
import { REVIEW_RESULT_LABELS, REVIEW_RESULTS } from './entities/development.entity.js';
import {
  CONNECTION_STATUS_LABELS,
  CONNECTION_STATUSES,
  TASK_CATEGORIES,
  TASK_CATEGORY_LABELS,
  type Hire,
} from './entities/hire.entity.js';
import { DevelopmentService } from './development.service.js';
import { compact } from './goal-chart.js';
import { HiresRepository } from './hires.repository.js';
import { canManageHire, HiresService } from './hires.service.js';
import { onboardingWeek, OnboardingService } from './onboarding.service.js';
import { dueThisWeek, taskView, toMeetNow } from './onboarding.view.js';
import { STATUS_LABELS } from './pace.js';
import { today } from './plan-dates.js';

const number = (value: number | null) =>
  value === null ? '—' : new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(value);

/** Offers on an application in Offer: record one, then the candidate's answer. */
@Controller()
@Roles('manager', 'admin')
export class OffersController {
  constructor(
    private readonly hires: HiresService,
    private readonly pipeline: PipelineService,
    private readonly onboarding: OnboardingService,
  ) {}

  @Get('applications/:id/offer')
  @Render('hires/offer')
  show(@Req() req: Request) {
    return this.offerModel(req);
  }

  @Post('applications/:id/offers')
  @FormView('hires/offer', 'offerModel')
  @Redirect()
  async record(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: OfferDto,
    @Req() req: Request,
  ) {
    await this.hires.recordOffer(user, id, dto);
    flash(req, 'success', 'Offer recorded. Record the candidate’s answer here when it comes.');
    return seeOther(`/applications/${id}/offer`);
  }

  @Post('applications/:id/offers/:offerId/accept')
  @FormView('hires/offer', 'offerModel')
  @Redirect()
  async accept(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Param('offerId', ParseIdPipe) offerId: number,
    @Body() dto: AcceptOfferDto,
    @Req() req: Request,
  ) {
    const hire = await this.hires.acceptOffer(user, id, offerId, dto);
    flash(
      req,
      'success',
      `${hire.user.name} is hired. Their invitation is on its way; their onboarding plan and development plan are ready.`,
    );
    return seeOther(`/hires/${hire.id}`);
  }

  @Post('applications/:id/offers/:offerId/decline')
  @Redirect()
  async decline(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Param('offerId', ParseIdPipe) offerId: number,
    @Req() req: Request,
  ) {
    await this.hires.declineOffer(user, id, offerId);
    flash(req, 'success', 'The candidate declined; the application is withdrawn.');
    return seeOther(`/applications/${id}`);
  }

  async offerModel(req: Request) {
    const application = await this.pipeline.findOrFail(idParam(req));
    this.pipeline.assertCanManage(req.user as User, application);
    const [offers, colleagues] = await Promise.all([
      this.hires.offersFor(application.id),
      this.onboarding.colleagues(),
    ]);
    const open = offers.find((offer) => offer.status === 'extended') ?? null;
    return {
      title: `Offer · ${application.candidate.name}`,
      application: { id: application.id, stage: application.stage },
      candidate: { name: application.candidate.name, email: application.candidate.email },
      position: { title: application.position.title },
      offers: offers.map((offer) => ({
        ...offer,
        statusLabel: { extended: 'Open', accepted: 'Accepted', declined: 'Declined', withdrawn: 'Withdrawn' }[
          offer.status
        ],
      })),
      open,
      canOffer: application.stage === 'offer' && !open,
      buddies: colleagues
        .filter((person) => !person.hasRole('new-hire'))
        .map((person) => ({ value: String(person.id), label: person.name })),
      values: { offeredOn: today(), terms: '', startDate: '', buddyId: '' },
    };
  }
}

/** New hires: the onboarding plan and the first-year development plan, for the new hire, their manager and admins. */
@Controller()
export class HiresController {
  constructor(
    private readonly hires: HiresService,
    private readonly repository: HiresRepository,
    private readonly onboarding: OnboardingService,
    private readonly development: DevelopmentService,
  ) {}

  @Get('hires')
  @Roles('manager', 'admin')
  @Render('hires/index')
  async index(@CurrentUser() user: User, @Query('page') page?: string) {
    const request = pageRequest(page);
    const [hires, total] = await this.repository.hiresManagedBy(user.hasRole('admin') ? null : user.id, request);
    const on = today();
    return {
      title: 'New hires',
      hires: hires.map((hire) => ({
        id: hire.id,
        name: hire.user.name,
        position: hire.position.title,
        startDate: hire.startDate,
        started: hire.startDate <= on,
        week: onboardingWeek(hire.startDate, on),
        keeper: hire.keeper,
      })),
      pagination: pageView(request, total, '/hires'),
    };
  }

  @Get('my/onboarding')
  @Redirect()
  async myOnboarding(@CurrentUser() user: User) {
    return seeOther(`/hires/${(await this.mine(user)).id}`);
  }

  @Get('my/plan')
  @Redirect()
  async myPlan(@CurrentUser() user: User) {
    return seeOther(`/hires/${(await this.mine(user)).id}/plan`);
  }

  @Get('hires/:id')
  @Render('hires/onboarding')
  onboardingPage(@Req() req: Request) {
    return this.onboardingModel(req);
  }

  @Post('hires/:id/start-date')
  @FormView('hires/onboarding', 'onboardingModel')
  @Redirect()
  async moveStart(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: StartDateDto,
    @Req() req: Request,
  ) {
    await this.hires.moveStart(user, id, dto.startDate);
    flash(req, 'success', `Start date moved to ${dto.startDate}. Open tasks, milestones and deadlines moved with it.`);
    return seeOther(`/hires/${id}`);
  }

  @Post('hires/:id/tasks')
  @FormView('hires/onboarding', 'onboardingModel')
  @Redirect()
  async addTask(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: TaskDto,
    @Req() req: Request,
  ) {
    const task = await this.onboarding.addTask(user, id, dto);
    flash(req, 'success', `Task added for ${task.owner?.name ?? task.ownerLabel}, due ${task.dueOn}.`);
    return seeOther(`/hires/${id}#tasks`);
  }

  @Post('onboarding/tasks/:taskId')
  @Redirect()
  async tick(
    @CurrentUser() user: User,
    @Param('taskId', ParseIdPipe) taskId: number,
    @Body('done') done: string,
    @Body('returnTo') returnTo: string,
    @Req() req: Request,
  ) {
    const task = await this.onboarding.setDone(user, taskId, done === '1');
    flash(req, 'success', task.doneAt ? `Done: ${task.title}.` : `Reopened: ${task.title}.`);
    return seeOther(returnTo === 'home' ? '/' : `/hires/${task.hireId}#task-${task.id}`);
  }

  @Post('hires/:id/connections')
  @FormView('hires/onboarding', 'onboardingModel')
  @Redirect()
  async addConnection(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: ConnectionDto,
    @Req() req: Request,
  ) {
    await this.onboarding.addConnection(user, id, dto);
    flash(req, 'success', 'Added to the connections map.');
    return seeOther(`/hires/${id}#connections`);
  }

  @Post('hires/:id/connections/:connectionId')
  @FormView('hires/onboarding', 'onboardingModel')
  @Redirect()
  async updateConnection(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Param('connectionId', ParseIdPipe) connectionId: number,
    @Body() dto: ConnectionStatusDto,
    @Req() req: Request,
  ) {
    const connection = await this.onboarding.updateConnection(user, id, connectionId, dto);
    flash(
      req,
      'success',
      connection.status === 'met' ? 'Marked as met, with what you learned.' : 'Connection updated.',
    );
    return seeOther(`/hires/${id}#connection-${connectionId}`);
  }

  @Get('hires/:id/plan')
  @Render('hires/plan')
  planPage(@Req() req: Request) {
    return this.planModel(req);
  }

  @Post('hires/:id/check-ins')
  @FormView('hires/plan', 'planModel')
  @Redirect()
  async checkIn(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: CheckInDto,
    @Req() req: Request,
  ) {
    await this.development.recordCheckIn(user, id, dto);
    flash(req, 'success', 'Check-in recorded. The pace and status of each outcome are updated.');
    return seeOther(`/hires/${id}/plan#outcomes`);
  }

  @Post('hires/:id/check-ins/:checkInId/view')
  @FormView('hires/plan', 'planModel')
  @Redirect()
  async newHireView(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Param('checkInId', ParseIdPipe) checkInId: number,
    @Body() dto: NewHireViewDto,
    @Req() req: Request,
  ) {
    await this.development.addNewHireView(user, checkInId, dto);
    flash(req, 'success', 'Your view is added to the check-in.');
    return seeOther(`/hires/${id}/plan#check-in-${checkInId}`);
  }

  @Post('hires/:id/learning')
  @FormView('hires/plan', 'planModel')
  @Redirect()
  async learning(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: LearningDto,
    @Req() req: Request,
  ) {
    await this.development.logLearning(user, id, dto);
    flash(req, 'success', 'Learning logged.');
    return seeOther(`/hires/${id}/plan#learning`);
  }

  @Post('hires/:id/review')
  @FormView('hires/plan', 'planModel')
  @Redirect()
  async review(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: ReviewDto,
    @Req() req: Request,
  ) {
    const hire = await this.development.review(user, id, dto);
    flash(req, 'success', `Review recorded: ${hire.keeper ? 'a keeper' : 'not a keeper'}.`);
    return seeOther(`/hires/${id}/plan#review`);
  }

  async onboardingModel(req: Request) {
    const user = req.user as User;
    const hire = await this.hires.findVisible(user, idParam(req));
    const { tasks, connections, progress } = await this.onboarding.plan(hire);
    const on = today();
    const week = onboardingWeek(hire.startDate, on);
    const views = tasks.map((task) => taskView(task, hire, user, on));
    const manages = canManageHire(user, hire);
    const isNewHire = hire.userId === user.id;
    const colleagues = manages || isNewHire ? await this.onboarding.colleagues() : [];
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
      manages,
      progress,
      thisWeek: views.filter((task) => dueThisWeek(task, hire.startDate, on)),
      tasks: views,
      connections: connections.map((connection) => ({
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
      })),
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

  async planModel(req: Request) {
    const user = req.user as User;
    const hire = await this.hires.findVisible(user, idParam(req));
    const plan = await this.development.plan(hire);
    const manages = canManageHire(user, hire);
    const isNewHire = hire.userId === user.id;
    const on = today();
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
      manages,
      isNewHire,
      coaching: plan.coaching,
      goals: plan.goals.map(({ goal, latest, rows, chart }) => ({
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
      })),
      milestones: plan.milestones.map((milestone) => ({ ...milestone, passed: milestone.dueOn < on })),
      checkIns: [...plan.checkIns].reverse().map((checkIn) => ({
        ...checkIn,
        lines: plan.goals
          .filter(({ goal }) => checkIn.actuals[String(goal.id)] !== undefined)
          .map(({ goal }) => ({ label: goal.label, actual: number(checkIn.actuals[String(goal.id)]) })),
      })),
      learning: plan.learning.slice(0, 30),
      streaks: plan.streaks,
      areas: plan.streaks.map((area) => ({ value: area.name, label: area.name })),
      reviewResults: REVIEW_RESULTS.map((value) => ({ value, label: REVIEW_RESULT_LABELS[value] })),
      values: { heldOn: on, weekOf: on, minutes: '', area: plan.streaks[0]?.name ?? '' },
    };
  }

  private async mine(user: User): Promise<Hire> {
    const [hire] = await this.repository.hiresOf(user.id);
    if (!hire) throw notFound('Your onboarding plan');
    return hire;
  }
}
