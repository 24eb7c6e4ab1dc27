import { Body, Controller, Get, Param, Post, Query, Redirect, Render, Req } from '@nestjs/common';
import { ParseIdPipe } from '../common/params.js';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { formatDay } from '../common/dates.js';
import { flash } from '../common/flash.js';
import { PageQueryDto, pageRequest } from '../common/pagination.js';
import { seeOther } from '../common/redirect.js';
import { DevelopmentService } from './development.service.js';
import {
  AcceptOfferDto,
  ConnectionDto,
  ConnectionStatusDto,
  LearningDto,
  NewHireViewDto,
  OfferDto,
  ReviewDto,
  StartDateDto,
  TaskDto,
} from './dto/hires.dto.js';
import { HiresService } from './hires.service.js';
import { newHiresView } from './hires.view.js';
import { OfferPage } from './offer.page.js';
import { HireHistoryPage, OnboardingPage } from './onboarding.page.js';
import { OnboardingService } from './onboarding.service.js';
import { PlanPage } from './plan.page.js';

/** Offers on an application in Offer: record one, then the candidate's answer. */
@Controller('applications/:id')
@Roles('manager', 'admin')
export class OffersController {
  constructor(
    private readonly hires: HiresService,
    private readonly page: OfferPage,
  ) {}

  @Get('offer')
  @Render('hires/offer')
  show(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.page.build({ user, id, params: {}, body: null });
  }

  @Post('offers')
  @FormView(OfferPage)
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

  @Post('offers/:offerId/accept')
  @FormView(OfferPage)
  @Redirect()
  async accept(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Param('offerId', ParseIdPipe) offerId: number,
    @Body() dto: AcceptOfferDto,
    @Req() req: Request,
  ) {
    const hire = await this.hires.acceptOffer(user, id, offerId, dto);
    const done = `${hire.user.name} is hired. Their invitation is on its way; their onboarding plan and development plan are ready.`;
    flash(req, 'success', done);
    return seeOther(`/hires/${hire.id}`);
  }

  @Post('offers/:offerId/decline')
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
}

/** New hires: the onboarding plan and the first-year development plan, for the new hire, their manager and admins. */
@Controller()
export class HiresController {
  constructor(
    private readonly hires: HiresService,
    private readonly onboarding: OnboardingService,
    private readonly development: DevelopmentService,
    private readonly onboardingPage: OnboardingPage,
    private readonly planPage: PlanPage,
    private readonly historyPage: HireHistoryPage,
  ) {}

  @Get('hires')
  @Roles('manager', 'admin')
  @Render('hires/index')
  async index(@CurrentUser() user: User, @Query() query: PageQueryDto) {
    const request = pageRequest(query.page);
    return newHiresView(await this.hires.list(user, request), request);
  }

  @Get('my/onboarding')
  @Redirect()
  async myOnboarding(@CurrentUser() user: User) {
    return seeOther(`/hires/${(await this.hires.ownHire(user)).id}`);
  }

  @Get('my/plan')
  @Redirect()
  async myPlan(@CurrentUser() user: User) {
    return seeOther(`/hires/${(await this.hires.ownHire(user)).id}/plan`);
  }

  @Get('hires/:id')
  @Render('hires/onboarding')
  showOnboarding(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.onboardingPage.build({ user, id, params: {}, body: null });
  }

  @Get('hires/:id/history')
  @Render('audit/history')
  history(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number, @Query() query: PageQueryDto) {
    return this.historyPage.build(user, id, query.page);
  }

  @Post('hires/:id/start-date')
  @FormView(OnboardingPage)
  @Redirect()
  async moveStart(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: StartDateDto,
    @Req() req: Request,
  ) {
    await this.hires.moveStart(user, id, dto);
    flash(req, 'success', `Start date moved to ${dto.startDate}. Open tasks, milestones and deadlines moved with it.`);
    return seeOther(`/hires/${id}`);
  }

  @Post('hires/:id/tasks')
  @FormView(OnboardingPage)
  @Redirect()
  async addTask(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: TaskDto,
    @Req() req: Request,
  ) {
    const task = await this.onboarding.addTask(user, id, dto);
    flash(req, 'success', `Task added for ${task.owner?.name ?? task.ownerLabel}, due ${formatDay(task.dueOn)}.`);
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
  @FormView(OnboardingPage)
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
  @FormView(OnboardingPage)
  @Redirect()
  async updateConnection(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Param('connectionId', ParseIdPipe) connectionId: number,
    @Body() dto: ConnectionStatusDto,
    @Req() req: Request,
  ) {
    const connection = await this.onboarding.updateConnection(user, id, connectionId, dto);
    const done = connection.status === 'met' ? 'Marked as met, with what you learned.' : 'Connection updated.';
    flash(req, 'success', done);
    return seeOther(`/hires/${id}#connection-${connectionId}`);
  }

  @Get('hires/:id/plan')
  @Render('hires/plan')
  showPlan(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.planPage.build({ user, id, params: {}, body: null });
  }

  @Post('hires/:id/check-ins/:checkInId/view')
  @FormView(PlanPage)
  @Redirect()
  async newHireView(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Param('checkInId', ParseIdPipe) checkInId: number,
    @Body() dto: NewHireViewDto,
    @Req() req: Request,
  ) {
    await this.development.addNewHireView(user, id, checkInId, dto);
    flash(req, 'success', 'Your view is added to the check-in.');
    return seeOther(`/hires/${id}/plan#check-in-${checkInId}`);
  }

  @Post('hires/:id/learning')
  @FormView(PlanPage)
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
  @FormView(PlanPage)
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
}
