import {
  Body,
  Controller,
  Get,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Redirect,
  Render,
  Req,
  StreamableFile,
} from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { pageRequest, pageView } from '../common/pagination.js';
import { seeOther } from '../common/redirect.js';
import { DomainError, FormInvalidError } from '../common/errors.js';
import { idParam, isRealDate } from '../common/params.js';
import { UploadedFileOf, type Upload } from '../files/upload.js';
import { PositionsService } from '../positions/positions.service.js';
import { AssessmentDto } from '../vetting/dto/vetting.dto.js';
import { PortalService } from '../vetting/portal.service.js';
import { VettingService, type VettingMarks } from '../vetting/vetting.service.js';
import { WritingTestService } from '../vetting/writing-test.service.js';
import { GradingService } from '../vetting/grading.service.js';
import { PresentationService } from '../vetting/presentation.service.js';
import { positionSummary } from '../positions/positions.view.js';
import { mapApplicationRow, mapCandidate, SOURCE_CHOICES } from './candidates.view.js';
import { ApplicationsQueryDto, BulkRejectDto, MoveDto, RejectDto, SessionDto } from './dto/candidate.dto.js';
import { STAGE_LABELS, STAGES, type Stage } from './entities/application.entity.js';
import { BOARD_COLUMN_SIZE, PipelineService } from './pipeline.service.js';
import { InterviewsRepository } from '../interviews/interviews.repository.js';
import { HiresRepository } from '../hires/hires.repository.js';
import { DECISION_LABELS } from '../interviews/entities/interview.entity.js';
import { interviewTimeText } from '../interviews/interview-time.js';

const STAGE_CHOICES = STAGES.map((value) => ({ value, label: STAGE_LABELS[value] }));
const MARK_TEXT = { pass: 'pass', fail: 'fail', pending: 'pending' } as const;

/** Small vetting marks for a board card: the step's initial, always with its state in words. */
function markView(marks: VettingMarks | undefined) {
  if (!marks) return [];
  return [
    { short: 'A', label: 'Assessment', status: marks.assessment, text: MARK_TEXT[marks.assessment] },
    { short: 'W', label: 'Writing test', status: marks.writing, text: MARK_TEXT[marks.writing] },
    { short: 'P', label: 'Presentation', status: marks.presentation, text: MARK_TEXT[marks.presentation] },
  ];
}

/** One application: its stage, history and the moves it can make. */
@Controller('applications')
@Roles('manager', 'admin')
export class ApplicationsController {
  constructor(
    private readonly pipeline: PipelineService,
    private readonly vetting: VettingService,
    private readonly portal: PortalService,
    private readonly writing: WritingTestService,
    private readonly presentations: PresentationService,
    private readonly grading: GradingService,
    private readonly interviews: InterviewsRepository,
    private readonly hires: HiresRepository,
  ) {}

  @Post(':id/portal')
  @Redirect()
  async sendPortalLink(@CurrentUser() user: User, @Param('id', ParseIntPipe) id: number, @Req() req: Request) {
    const application = await this.pipeline.findOrFail(id);
    this.pipeline.assertCanManage(user, application);
    const { mailed } = await this.portal.issue(user, application);
    await this.pipeline.note(user, application, 'Sent a new candidate portal link');
    if (mailed)
      flash(req, 'success', `Portal link sent to ${application.candidate.email}. Any earlier link no longer works.`);
    else
      flash(
        req,
        'warning',
        'A new portal link was made, but the mail could not be sent. Copy the link below and send it yourself.',
      );
    return seeOther(`/applications/${id}#portal`);
  }

  @Post(':id/plan/share')
  @Redirect()
  async sharePlan(@CurrentUser() user: User, @Param('id', ParseIntPipe) id: number, @Req() req: Request) {
    await this.pipeline.sharePlan(user, id);
    flash(req, 'success', 'The candidate now sees the first-year development plan in their portal.');
    return seeOther(`/applications/${id}#plan`);
  }

  @Post(':id/portal/revoke')
  @Redirect()
  async revokePortalLink(@CurrentUser() user: User, @Param('id', ParseIntPipe) id: number, @Req() req: Request) {
    const application = await this.pipeline.findOrFail(id);
    this.pipeline.assertCanManage(user, application);
    await this.portal.revokeAll(application.id);
    await this.pipeline.note(user, application, 'Revoked the candidate portal link');
    flash(req, 'success', 'The portal link no longer works.');
    return seeOther(`/applications/${id}#portal`);
  }

  @Get(':id')
  @Render('applications/show')
  show(@Req() req: Request) {
    return this.showModel(req);
  }

  @Post(':id/move')
  @FormView('applications/show', 'showModel')
  @Redirect()
  async move(
    @CurrentUser() user: User,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: MoveDto,
    @Req() req: Request,
  ) {
    const application = await this.pipeline.move(user, id, dto.to, dto.overrideReason);
    flash(req, 'success', `Moved to ${STAGE_LABELS[application.stage]}.`);
    return seeOther(`/applications/${id}`);
  }

  @Post(':id/reject')
  @FormView('applications/show', 'showModel')
  @Redirect()
  async reject(
    @CurrentUser() user: User,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: RejectDto,
    @Req() req: Request,
  ) {
    await this.pipeline.reject(user, id, dto.reasonId);
    flash(req, 'success', 'The application is rejected.');
    return seeOther(`/applications/${id}`);
  }

  @Post(':id/assessment')
  @FormView('applications/show', 'showModel')
  @Redirect()
  async recordAssessment(
    @CurrentUser() user: User,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: AssessmentDto,
    @UploadedFileOf('report') report: Upload | null,
    @Req() req: Request,
  ) {
    const application = await this.pipeline.findOrFail(id);
    this.pipeline.assertCanManage(user, application);
    await this.vetting.recordAssessment(user, application.id, dto, report);
    await this.pipeline.note(
      user,
      application,
      `Recorded the external assessment (${dto.provider}): eligibility ${dto.eligibility}, suitability ${dto.suitability}`,
    );
    flash(req, 'success', 'Assessment recorded.');
    return seeOther(`/applications/${id}#vetting`);
  }

  @Get(':id/presentation/deck')
  async deck(@Param('id', ParseIntPipe) id: number) {
    const application = await this.pipeline.findOrFail(id);
    const file = await this.presentations.deckOf(application.id);
    if (!file) throw new DomainError('not-found', 'No deck was uploaded.');
    return new StreamableFile(file.data, {
      type: file.contentType,
      disposition: `attachment; filename="${file.fileName}"`,
      length: file.data.length,
    });
  }

  @Post(':id/presentation/session')
  @FormView('applications/show', 'showModel')
  @Redirect()
  async schedulePresentation(
    @CurrentUser() user: User,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SessionDto,
    @Req() req: Request,
  ) {
    const application = await this.pipeline.findOrFail(id);
    this.pipeline.assertCanManage(user, application);
    if (!isRealDate(dto.sessionAt.slice(0, 10)))
      throw FormInvalidError.single('sessionAt', 'Enter a real date and time');
    await this.presentations.schedule(application, new Date(`${dto.sessionAt}:00Z`), dto.evaluatorIds);
    await this.pipeline.note(
      user,
      application,
      `Scheduled the research presentation for ${dto.sessionAt.replace('T', ' ')} UTC`,
    );
    flash(req, 'success', 'Presentation session scheduled. The evaluators find it under Grading.');
    return seeOther(`/applications/${id}#presentation`);
  }

  @Get(':id/assessment/report')
  async report(@Param('id', ParseIntPipe) id: number) {
    const application = await this.pipeline.findOrFail(id);
    const file = await this.vetting.reportOf(application.id);
    if (!file) throw new DomainError('not-found', 'No assessment report was uploaded.');
    return new StreamableFile(file.data, {
      type: file.contentType,
      disposition: `attachment; filename="${file.fileName}"`,
      length: file.data.length,
    });
  }

  async showModel(req: Request) {
    const user = req.user as User;
    const application = await this.pipeline.findOrFail(idParam(req));
    const events = await this.pipeline.events(application.id);
    const next = this.pipeline.nextStages(application).filter((stage) => stage !== 'rejected');
    const [gate, assessment, link, submission, presentation, evaluators, rounds, offers, hire] = await Promise.all([
      this.pipeline.gate(application),
      this.vetting.assessmentFor(application.id),
      this.portal.activeLink(application.id),
      this.writing.submissionFor(application),
      this.presentations.forApplication(application.id),
      this.grading.eligibleEvaluators(),
      this.interviews.findForApplication(application.id),
      this.hires.offersFor(application.id),
      this.hires.hireOfApplication(application.id),
    ]);
    const scores = presentation ? await this.presentations.scoresOf(presentation.id) : [];
    const reasons = await this.pipeline.reasons();
    const vettingReason = reasons.find((reason) => reason.label === 'Did not pass vetting');
    const allScored = scores.length > 0 && scores.every((score) => score.submittedAt);
    return {
      title: `${application.candidate.name} · ${application.position.title}`,
      canManage: this.pipeline.canManage(user, application),
      application: mapApplicationRow(application),
      candidate: mapCandidate(application.candidate),
      position: positionSummary(application.position),
      positionVersion: application.positionVersion,
      moves: next.map((stage) => ({ value: stage, label: STAGE_LABELS[stage] })),
      canReject: this.pipeline.nextStages(application).includes('rejected'),
      reasons: reasons.map((reason) => ({ value: String(reason.id), label: reason.label })),
      gate: {
        ...gate,
        beforeInterview: next.includes('interview'),
        canOverride: user.hasRole('admin') && next.includes('interview') && !gate.passed,
        anyFailed: gate.steps.some((step) => step.required && step.status === 'fail'),
      },
      vettingReasonId: vettingReason ? String(vettingReason.id) : null,
      assessment: assessment ? { ...assessment, hasReport: Boolean(assessment.reportFileId) } : null,
      plan: { sharedAt: application.planSharedAt, openedAt: application.planOpenedAt },
      portal: {
        link:
          link && link.expiresAt > new Date()
            ? { url: this.portal.url(link), expiresAt: link.expiresAt, firstOpenedAt: link.firstOpenedAt }
            : null,
        canSend: !['rejected', 'withdrawn', 'hired'].includes(application.stage),
      },
      presentation: {
        uploadedAt: presentation?.uploadedAt ?? null,
        fileName: presentation?.deckFile?.fileName ?? null,
        sessionAt: presentation?.sessionAt ?? null,
        // Independent scoring: individual scores appear only once every evaluator has submitted.
        scores: allScored ? scores.map((score) => ({ evaluator: score.evaluator.name, overall: score.overall })) : [],
        scoresIn: scores.filter((score) => score.submittedAt).length,
        scoresNeeded: scores.length,
        evaluators: evaluators.map((user) => ({
          value: String(user.id),
          label: user.name,
          checked: scores.some((score) => score.evaluatorId === user.id),
        })),
      },
      writing: submission
        ? {
            prompt: submission.prompt,
            startedAt: submission.startedAt,
            submittedAt: submission.submittedAt,
            text: submission.text,
            signals: submission.signals,
          }
        : null,
      assessmentValues: assessment
        ? {
            provider: assessment.provider,
            takenOn: assessment.takenOn,
            eligibility: String(assessment.eligibility),
            suitability: String(assessment.suitability),
            traits: assessment.traits ?? '',
          }
        : { provider: 'Harrison Assessments', takenOn: '', eligibility: '', suitability: '', traits: '' },
      // Panel progress only: scores stay in the debrief, which opens once every scorecard is in.
      interviews: rounds.map((interview) => ({
        id: interview.id,
        round: interview.round,
        when: interviewTimeText(interview.startsAt, interview.durationMinutes, interview.timeZone),
        location: interview.location,
        cancelled: Boolean(interview.cancelledAt),
        panel: interview.panelists.map((seat) => ({
          name: seat.user.name,
          lead: seat.lead,
          state: seat.submittedAt ? 'scorecard in' : seat.preparedAt ? 'prepared' : 'not prepared yet',
        })),
        allIn: interview.panelists.every((seat) => seat.submittedAt),
        decision: interview.decision ? DECISION_LABELS[interview.decision] : null,
      })),
      canSchedule: ['interview', 'decision'].includes(application.stage),
      offer:
        ['offer', 'hired', 'withdrawn'].includes(application.stage) || offers.length
          ? {
              open: offers.some((offer) => offer.status === 'extended'),
              count: offers.length,
              inOffer: application.stage === 'offer',
              hireId: hire?.id ?? null,
              startDate: hire?.startDate ?? null,
            }
          : null,
      events: events.map((event) => ({ summary: event.summary, by: event.by.name, at: event.createdAt })),
    };
  }
}

/** A position's applications: the board by stage and the filtered list, with bulk rejection. */
@Controller('positions/:id')
@Roles('manager', 'admin')
export class PositionApplicationsController {
  constructor(
    private readonly pipeline: PipelineService,
    private readonly positions: PositionsService,
  ) {}

  @Get('board')
  @Render('applications/board')
  async board(@Param('id', ParseIntPipe) id: number) {
    const position = await this.positions.findOrFail(id);
    const board = await this.pipeline.board(id);
    return {
      title: `Board · ${position.title}`,
      position: positionSummary(position),
      columns: board.columns.map((column) => ({
        stage: column.stage,
        label: STAGE_LABELS[column.stage],
        count: column.count,
        cards: column.applications.map((application) => ({
          ...mapApplicationRow(application),
          marks: markView(board.marks.get(application.id)),
        })),
        more: column.count > BOARD_COLUMN_SIZE ? column.count - BOARD_COLUMN_SIZE : 0,
      })),
      closed: board.closed,
      empty: board.columns.every((column) => column.count === 0) && board.closed === 0,
    };
  }

  @Get('applications')
  @Render('applications/index')
  list(@Query() query: ApplicationsQueryDto, @Req() req: Request) {
    void query; // validated here; listModel reads the same parameters
    return this.listModel(req);
  }

  @Post('applications/reject')
  @FormView('applications/index', 'listModel')
  @Redirect()
  async bulkReject(
    @CurrentUser() user: User,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: BulkRejectDto,
    @Req() req: Request,
  ) {
    const count = await this.pipeline.bulkReject(user, id, dto.ids, dto.reasonId);
    flash(req, 'success', `${count} ${count === 1 ? 'application' : 'applications'} rejected.`);
    return seeOther(`/positions/${id}/applications`);
  }

  async listModel(req: Request) {
    const id = idParam(req);
    const query = req.query as ApplicationsQueryDto;
    const position = await this.positions.findOrFail(id);
    const filter = {
      search: query.q || undefined,
      stage: (query.stage || undefined) as Stage | undefined,
      source: query.source || undefined,
    };
    const request = pageRequest(query.page);
    const [applications, total] = await this.pipeline.list(id, filter, request);
    return {
      title: `Applications · ${position.title}`,
      position: positionSummary(position),
      applications: applications.map(mapApplicationRow),
      filter: { q: query.q ?? '', stage: query.stage ?? '', source: query.source ?? '' },
      stages: STAGE_CHOICES,
      sources: SOURCE_CHOICES,
      reasons: (await this.pipeline.reasons()).map((reason) => ({ value: String(reason.id), label: reason.label })),
      filtered: Boolean(filter.search || filter.stage || filter.source),
      pagination: pageView(request, total, `/positions/${id}/applications`, {
        q: filter.search,
        stage: filter.stage,
        source: filter.source,
      }),
    };
  }
}
