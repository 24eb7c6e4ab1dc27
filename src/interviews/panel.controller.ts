import { Body, Controller, Get, Param, Post, Redirect, Render, Req, Res, StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ROLE_LABELS } from '../accounts/role.js';
import type { User } from '../accounts/entities/user.entity.js';
import { PipelineService } from '../candidates/pipeline.service.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { DomainError } from '../common/errors.js';
import { flash } from '../common/flash.js';
import { idParam, ParseIdPipe } from '../common/params.js';
import { seeOther } from '../common/redirect.js';
import { FilesRepository } from '../files/files.repository.js';
import { PresentationService } from '../vetting/presentation.service.js';
import { VettingService } from '../vetting/vetting.service.js';
import { DecisionDto, ScheduleDto, ScorecardDto } from './dto/panel.dto.js';
import {
  DECISION_LABELS,
  DECISIONS,
  PLAN_REACTION_LABELS,
  PLAN_REACTIONS,
  RECOMMENDATION_LABELS,
  RECOMMENDATIONS,
  type Interview,
  type Panelist,
} from './entities/interview.entity.js';
import { interviewTimeText, TIME_ZONES, wallClock } from './interview-time.js';
import { PanelService } from './panel.service.js';
import { SchedulingService } from './scheduling.service.js';

const RUBRIC_LEVELS = ['Poor', 'Mixed', 'Good', 'Excellent'];
const DECISION_EFFECTS = {
  hire: 'The application moves to Offer.',
  'no-hire': 'The application is rejected with the reason below.',
  hold: 'The application stays in Interview; you can add another round.',
} as const;

function interviewSummary(interview: Interview) {
  const { candidate, position } = interview.application;
  return {
    id: interview.id,
    round: interview.round,
    when: interviewTimeText(interview.startsAt, interview.durationMinutes, interview.timeZone),
    startsAt: interview.startsAt,
    dueAt: interview.scorecardsDueAt,
    location: interview.location,
    isLink: /^https?:\/\//.test(interview.location),
    cancelled: Boolean(interview.cancelledAt),
    candidate: { id: candidate.id, name: candidate.name },
    position: { id: position.id, title: position.title },
    applicationId: interview.applicationId,
  };
}

/** Who sits on the panel and how far each has got: never their scores. */
function panelStatus(panelists: Panelist[]) {
  return panelists.map((seat) => ({
    name: seat.user.name,
    lead: seat.lead,
    preparedAt: seat.preparedAt,
    submittedAt: seat.submittedAt,
  }));
}

/** Scheduling, moving and cancelling a round of interviews: the position's hiring manager or an admin. */
@Controller()
@Roles('manager', 'admin')
export class SchedulingController {
  constructor(
    private readonly scheduling: SchedulingService,
    private readonly pipeline: PipelineService,
  ) {}

  @Get('applications/:id/interviews/new')
  @Render('interviews/schedule')
  showNew(@Req() req: Request) {
    return this.newModel(req);
  }

  @Post('applications/:id/interviews')
  @FormView('interviews/schedule', 'newModel')
  @Redirect()
  async create(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: ScheduleDto,
    @Req() req: Request,
  ) {
    const interview = await this.scheduling.schedule(user, id, dto);
    flash(
      req,
      'success',
      `Interview scheduled. Invitations with a calendar file went to the ${interview.panelists.length} panelists and the candidate.`,
    );
    return seeOther(`/applications/${id}#interviews`);
  }

  @Get('interviews/:id/edit')
  @Render('interviews/schedule')
  edit(@Req() req: Request) {
    return this.editModel(req);
  }

  @Post('interviews/:id')
  @FormView('interviews/schedule', 'editModel')
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
  @Render('interviews/cancel')
  async confirmCancel(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    const interview = await this.scheduling.editable(user, id);
    return {
      title: 'Cancel the interview',
      interview: interviewSummary(interview),
      panel: panelStatus(interview.panelists),
    };
  }

  @Post('interviews/:id/cancel')
  @Redirect()
  async cancel(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number, @Req() req: Request) {
    const interview = await this.scheduling.cancel(user, id);
    flash(req, 'success', 'Interview cancelled. Everyone on it received a cancellation for their calendar.');
    return seeOther(`/applications/${interview.applicationId}#interviews`);
  }

  async newModel(req: Request) {
    const application = await this.pipeline.findOrFail(idParam(req));
    this.pipeline.assertCanManage(req.user as User, application);
    const timeZone = await this.scheduling.defaultTimeZone(req.user as User);
    const tomorrow = wallClock(new Date(Date.now() + 86_400_000), timeZone);
    return this.formModel(req, {
      title: `Schedule an interview · ${application.candidate.name}`,
      action: `/applications/${application.id}/interviews`,
      candidate: { name: application.candidate.name },
      position: { title: application.position.title },
      applicationId: application.id,
      blockers: await this.scheduling.blockers(application),
      values: {
        date: tomorrow.date,
        time: '10:00',
        timeZone,
        durationMinutes: '60',
        location: '',
        panelistIds: [],
        leadId: '',
      },
    });
  }

  async editModel(req: Request) {
    const interview = await this.scheduling.editable(req.user as User, idParam(req));
    const local = wallClock(interview.startsAt, interview.timeZone);
    return this.formModel(req, {
      title: `Change the interview · ${interview.application.candidate.name}`,
      action: `/interviews/${interview.id}`,
      editing: { id: interview.id, sequence: interview.sequence, round: interview.round },
      candidate: { name: interview.application.candidate.name },
      position: { title: interview.application.position.title },
      applicationId: interview.applicationId,
      blockers: [],
      values: {
        ...local,
        timeZone: interview.timeZone,
        durationMinutes: String(interview.durationMinutes),
        location: interview.location,
        panelistIds: interview.panelists.map((seat) => seat.userId),
        leadId: String(interview.panelists.find((seat) => seat.lead)?.userId ?? ''),
      },
    });
  }

  /** The form with the people who may sit on a panel; a re-rendered form keeps what was posted. */
  private async formModel(
    req: Request,
    model: { values: { panelistIds: number[]; leadId: string } & Record<string, unknown> } & Record<string, unknown>,
  ) {
    const posted = req.method === 'POST' ? (req.body as Record<string, unknown>) : null;
    const chosen = posted ? [posted.panelistIds ?? []].flat().map(Number) : model.values.panelistIds;
    const lead = posted ? String(posted.leadId ?? '') : model.values.leadId;
    const people = await this.scheduling.eligiblePanelists();
    return {
      ...model,
      timeZones: TIME_ZONES.map((zone) => ({ value: zone, label: zone })),
      people: people.map((person) => ({
        id: person.id,
        name: person.name,
        roles: person.roles.map((role) => ROLE_LABELS[role]).join(', '),
        chosen: chosen.includes(person.id),
        lead: lead === String(person.id),
      })),
    };
  }
}

/** The panel's pages: preparation, the scorecard, the candidate's files, the debrief and the decision. */
@Controller('interviews/:id')
@Roles('interviewer', 'manager', 'admin')
export class PanelController {
  constructor(
    private readonly panel: PanelService,
    private readonly pipeline: PipelineService,
    private readonly vetting: VettingService,
    private readonly presentations: PresentationService,
    private readonly files: FilesRepository,
  ) {}

  @Get()
  @Render('interviews/show')
  async show(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    const { interview, seat, manages } = await this.panel.access(user, id);
    const application = interview.application;
    const [gate, presentation] = await Promise.all([
      this.vetting.gate(application.positionId, application.id),
      this.presentations.forApplication(application.id),
    ]);
    const scores = presentation ? await this.presentations.scoresOf(presentation.id) : [];
    const allScored = scores.length > 0 && scores.every((score) => score.submittedAt);
    const allIn = interview.panelists.every((panelist) => panelist.submittedAt);
    return {
      title: `Interview · ${application.candidate.name}`,
      interview: interviewSummary(interview),
      instructions: interview.instructions,
      questions: interview.questions.map((question, index) => ({
        ...question,
        number: index + 1,
        levels: question.rubric.map((text, level) => ({ level: level + 1, name: RUBRIC_LEVELS[level], text })),
      })),
      outcomes: interview.outcomes,
      panel: panelStatus(interview.panelists),
      seat: seat ? { preparedAt: seat.preparedAt, submittedAt: seat.submittedAt, lead: seat.lead } : null,
      canChange:
        manages &&
        !interview.cancelledAt &&
        !interview.decidedAt &&
        !interview.panelists.some((panelist) => panelist.submittedAt),
      debriefOpen: allIn && !interview.cancelledAt,
      decided: interview.decision ? DECISION_LABELS[interview.decision] : null,
      resume: application.candidate.resumeFile ? { fileName: application.candidate.resumeFile.fileName } : null,
      vetting: gate.steps,
      presentation: {
        fileName: presentation?.deckFile?.fileName ?? null,
        scores: allScored ? scores.map((score) => ({ evaluator: score.evaluator.name, overall: score.overall })) : [],
      },
      candidateEmail: application.candidate.email,
    };
  }

  @Post('prepared')
  @Redirect()
  async prepared(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number, @Req() req: Request) {
    await this.panel.prepare(user, id);
    flash(
      req,
      'success',
      'Marked as prepared. Your scorecard is open: fill it in during or right after the interview.',
    );
    return seeOther(`/interviews/${id}/scorecard`);
  }

  @Get('scorecard')
  async scorecard(@Req() req: Request, @Res() res: Response, @Param('id', ParseIdPipe) id: number) {
    const model = await this.scorecardModel(req);
    if (model) return res.render('interviews/scorecard', model);
    flash(
      req,
      'warning',
      'Mark “I have prepared” first: read the kit, the resume and the vetting results, then your scorecard opens.',
    );
    return res.redirect(303, `/interviews/${id}#prepare`);
  }

  @Post('scorecard')
  @FormView('interviews/scorecard', 'scorecardModel')
  @Redirect()
  async saveScorecard(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: ScorecardDto,
    @Req() req: Request,
  ) {
    const { submitted, changes, seat } = await this.panel.saveScorecard(user, id, dto);
    if (submitted) {
      flash(req, 'success', 'Scorecard submitted. The debrief opens when every panelist has submitted theirs.');
      return seeOther(`/interviews/${id}`);
    }
    if (seat.submittedAt) {
      flash(
        req,
        'success',
        changes
          ? `Scorecard changed (${changes} ${changes === 1 ? 'change' : 'changes'}, kept in the history the debrief shows).`
          : 'Nothing changed.',
      );
      return seeOther(`/interviews/${id}`);
    }
    flash(req, 'success', 'Draft saved. Only you can see it.');
    return seeOther(`/interviews/${id}/scorecard`);
  }

  @Get('resume')
  async resume(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    const { interview } = await this.panel.access(user, id);
    const file = interview.application.candidate.resumeFile;
    const data = file ? await this.files.readData(file.id) : null;
    if (!file || !data) throw new DomainError('not-found', 'This candidate has no resume.');
    return new StreamableFile(data, {
      type: file.contentType,
      disposition: `attachment; filename="${file.fileName}"`,
      length: data.length,
    });
  }

  @Get('deck')
  async deck(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    const { interview } = await this.panel.access(user, id);
    const file = await this.presentations.deckOf(interview.applicationId);
    if (!file) throw new DomainError('not-found', 'No presentation was uploaded.');
    return new StreamableFile(file.data, {
      type: file.contentType,
      disposition: `attachment; filename="${file.fileName}"`,
      length: file.data.length,
    });
  }

  @Get('debrief')
  @Render('interviews/debrief')
  debrief(@Req() req: Request) {
    return this.debriefModel(req);
  }

  @Post('decision')
  @FormView('interviews/debrief', 'debriefModel')
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

  /** Null when the panelist has not marked themselves prepared: the scorecard stays closed until then. */
  async scorecardModel(req: Request) {
    const { interview, seat } = await this.panel.seatOf(req.user as User, idParam(req));
    if (!seat.preparedAt) return null;
    const posted =
      req.method === 'POST'
        ? (req.body as { ratings?: Record<string, { rating?: string; evidence?: string }>; [field: string]: unknown })
        : null;
    const source = posted ?? {
      planReaction: seat.planReaction,
      planNotes: seat.planNotes,
      recommendation: seat.recommendation,
    };
    return {
      title: `Scorecard · ${interview.application.candidate.name}`,
      interview: interviewSummary(interview),
      submittedAt: seat.submittedAt,
      closed: Boolean(interview.decidedAt),
      questions: interview.questions.map((question, index) => {
        const key = String(question.questionId);
        const entry = (posted ? posted.ratings?.[`q${key}`] : seat.ratings[key]) ?? {};
        return {
          key,
          number: index + 1,
          text: question.text,
          followUps: question.followUps,
          evidence: entry.evidence ?? '',
          levels: question.rubric.map((text, level) => ({
            value: level + 1,
            name: RUBRIC_LEVELS[level],
            text,
            checked: String(entry.rating ?? '') === String(level + 1),
          })),
        };
      }),
      reactions: PLAN_REACTIONS.map((value) => ({
        value,
        label: PLAN_REACTION_LABELS[value],
        checked: source.planReaction === value,
      })),
      planNotes: source.planNotes ?? '',
      recommendations: RECOMMENDATIONS.map((value) => ({
        value,
        label: RECOMMENDATION_LABELS[value],
        checked: source.recommendation === value,
      })),
    };
  }

  async debriefModel(req: Request) {
    const user = req.user as User;
    const { interview, manages, matrix, outcomeMeans, edits } = await this.panel.debrief(user, idParam(req));
    const application = interview.application;
    const gate = await this.vetting.gate(application.positionId, application.id);
    const posted = req.method === 'POST' ? (req.body as Record<string, unknown>) : {};
    const reasons = manages && !interview.decidedAt ? await this.pipeline.reasons() : [];
    return {
      title: `Debrief · ${application.candidate.name}`,
      interview: interviewSummary(interview),
      panelists: interview.panelists.map((seat) => ({
        name: seat.user.name,
        lead: seat.lead,
        recommendation: seat.recommendation ? RECOMMENDATION_LABELS[seat.recommendation] : '—',
        recommendationKey: seat.recommendation,
        reaction: seat.planReaction ? PLAN_REACTION_LABELS[seat.planReaction] : '—',
        reactionKey: seat.planReaction,
        planNotes: seat.planNotes,
      })),
      matrix: matrix.map((row) => ({
        text: row.question.text,
        spread: row.spread,
        mean: row.mean === null ? '—' : row.mean.toFixed(1),
        cells: row.cells,
      })),
      outcomeMeans: outcomeMeans.map((outcome) => ({
        label: outcome.label,
        mean: outcome.mean === null ? 'not probed in the interview' : outcome.mean.toFixed(1),
        ratings: outcome.ratings,
      })),
      vetting: gate.steps,
      edits: edits.map((edit) => ({ by: edit.by, at: edit.createdAt, changes: edit.changes })),
      decision: interview.decision
        ? {
            label: DECISION_LABELS[interview.decision],
            rationale: interview.rationale,
            by: interview.decidedBy?.name ?? '',
            at: interview.decidedAt,
          }
        : null,
      canDecide: manages && !interview.decidedAt && ['interview', 'decision'].includes(application.stage),
      decisions: DECISIONS.map((value) => ({
        value,
        label: DECISION_LABELS[value],
        effect: DECISION_EFFECTS[value],
        checked: posted.decision === value,
      })),
      reasons: reasons.map((reason) => ({ value: String(reason.id), label: reason.label })),
      values: { rationale: posted.rationale ?? '', reasonId: posted.reasonId ?? '' },
    };
  }
}
