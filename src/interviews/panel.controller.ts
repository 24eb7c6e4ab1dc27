import { Body, Controller, Get, Param, Post, Redirect, Render, Req, Res } from '@nestjs/common';
import { ParseIdPipe } from '../common/params.js';
import type { Request, Response } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { ConfirmDto, CONFIRM_VIEW } from '../common/confirmation.js';
import { flash } from '../common/flash.js';
import { attachment as download } from '../files/download.js';
import { seeOther } from '../common/redirect.js';
import { DecisionDto, ScheduleDto, ScorecardDto } from './dto/panel.dto.js';
import { DECISION_LABELS } from './entities/interview.entity.js';
import { DECISION_EFFECTS, scorecardSaved } from './interviews.view.js';
import { DebriefPage, InterviewPage, ScorecardPage } from './pages/panel.pages.js';
import { CancelInterviewPage, ChangeInterviewPage, NewInterviewPage } from './pages/scheduling.pages.js';
import { PanelService } from './panel.service.js';
import { SchedulingService } from './scheduling.service.js';

const PREPARE_FIRST =
  'Mark “I have prepared” first: read the kit, the resume and the vetting results, then your scorecard opens.';

/** Scheduling, moving and cancelling a round of interviews: the position's hiring manager or an admin. */
@Controller()
@Roles('manager', 'admin')
export class SchedulingController {
  constructor(
    private readonly scheduling: SchedulingService,
    private readonly newPage: NewInterviewPage,
    private readonly changePage: ChangeInterviewPage,
    private readonly cancelPage: CancelInterviewPage,
  ) {}

  @Get('applications/:id/interviews/new')
  @Render('interviews/schedule')
  showNew(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.newPage.build({ user, id, params: {}, body: null });
  }

  @Post('applications/:id/interviews')
  @FormView(NewInterviewPage)
  @Redirect()
  async create(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: ScheduleDto,
    @Req() req: Request,
  ) {
    const interview = await this.scheduling.schedule(user, id, dto);
    const invited = `${interview.panelists.length} panelists and the candidate`;
    flash(req, 'success', `Interview scheduled. Invitations with a calendar file went to the ${invited}.`);
    return seeOther(`/applications/${id}#interviews`);
  }

  @Get('interviews/:id/edit')
  @Render('interviews/schedule')
  edit(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.changePage.build({ user, id, params: {}, body: null });
  }

  @Post('interviews/:id')
  @FormView(ChangeInterviewPage)
  @Redirect()
  async update(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: ScheduleDto,
    @Req() req: Request,
  ) {
    const interview = await this.scheduling.reschedule(user, id, dto);
    flash(req, 'success', 'Interview changed. Everyone on it received an updated calendar invitation.');
    return seeOther(`/applications/${interview.applicationId}#interviews`);
  }

  @Get('interviews/:id/cancel')
  @Render(CONFIRM_VIEW)
  confirmCancel(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.cancelPage.build({ user, id, params: {}, body: null });
  }

  @Post('interviews/:id/cancel')
  @FormView(CancelInterviewPage)
  @Redirect()
  async cancel(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() _confirmed: ConfirmDto,
    @Req() req: Request,
  ) {
    const interview = await this.scheduling.cancel(user, id);
    flash(req, 'success', 'Interview cancelled. Everyone on it received a cancellation for their calendar.');
    return seeOther(`/applications/${interview.applicationId}#interviews`);
  }
}

/** The panel's pages: preparation, the scorecard, the candidate's files, the debrief and the decision. */
@Controller('interviews/:id')
@Roles('interviewer', 'manager', 'admin')
export class PanelController {
  constructor(
    private readonly panel: PanelService,
    private readonly interviewPage: InterviewPage,
    private readonly scorecardPage: ScorecardPage,
    private readonly debriefPage: DebriefPage,
  ) {}

  @Get()
  @Render('interviews/show')
  show(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.interviewPage.build({ user, id, params: {}, body: null });
  }

  @Post('prepared')
  @Redirect()
  async prepared(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number, @Req() req: Request) {
    await this.panel.prepare(user, id);
    flash(
      req,
      'success',
      'Marked as prepared. Your scorecard opens when the interview starts: fill it in during or right after it.',
    );
    return seeOther(`/interviews/${id}/scorecard`);
  }

  @Get('scorecard')
  async scorecard(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const model = await this.scorecardPage.build({ user, id, params: {}, body: null });
    if (model.prepared) return res.render(this.scorecardPage.view, model);
    flash(req, 'warning', PREPARE_FIRST);
    return res.redirect(303, `/interviews/${id}#prepare`);
  }

  @Post('scorecard')
  @FormView(ScorecardPage)
  @Redirect()
  async saveScorecard(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: ScorecardDto,
    @Req() req: Request,
  ) {
    const { message, location } = scorecardSaved(id, await this.panel.saveScorecard(user, id, dto));
    flash(req, 'success', message);
    return seeOther(location);
  }

  @Get('resume')
  async resume(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return download(await this.panel.resume(user, id));
  }

  @Get('deck')
  async deck(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return download(await this.panel.deck(user, id));
  }

  @Get('debrief')
  @Render('interviews/debrief')
  debrief(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.debriefPage.build({ user, id, params: {}, body: null });
  }

  @Post('decision')
  @FormView(DebriefPage)
  @Redirect()
  async decide(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: DecisionDto,
    @Req() req: Request,
  ) {
    const interview = await this.panel.decide(user, id, dto);
    flash(req, 'success', `Decision recorded: ${DECISION_LABELS[dto.decision]}. ${DECISION_EFFECTS[dto.decision]}`);
    return seeOther(`/applications/${interview.applicationId}#interviews`);
  }
}
