import { Injectable, Logger } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { PipelineService } from '../candidates/pipeline.service.js';
import { DomainError, FormInvalidError, notFound, type FieldErrors } from '../common/errors.js';
import { AppConfig } from '../config/app-config.js';
import { MailService } from '../mail/mail.service.js';
import { canEditPosition } from '../positions/position-access.js';
import { debriefMatrix, outcomeMeans, scorecardChanges, type ScoreSheet } from './debrief.js';
import type { DecisionDto, ScorecardDto } from './dto/panel.dto.js';
import { DECISION_LABELS, type Interview, type Panelist, type Rating } from './entities/interview.entity.js';
import { interviewTimeText } from './interview-time.js';
import { InterviewsRepository } from './interviews.repository.js';

export interface InterviewAccess {
  interview: Interview;
  /** The viewer's seat on the panel, if they have one. */
  seat: Panelist | null;
  /** The position's hiring manager, its creator or an admin. */
  manages: boolean;
}

const sheetOf = (seat: Panelist): ScoreSheet => ({
  ratings: seat.ratings,
  planReaction: seat.planReaction,
  planNotes: seat.planNotes,
  recommendation: seat.recommendation,
});

/**
 * The panel's side of an interview: preparation, independent scorecards, the debrief and the decision.
 * Independence: nobody sees a panelist's ratings or notes anywhere until every scorecard is in (the debrief).
 */
@Injectable()
export class PanelService {
  private readonly logger = new Logger(PanelService.name);

  constructor(
    private readonly interviews: InterviewsRepository,
    private readonly pipeline: PipelineService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  /** Only the panel and whoever manages the position may open an interview (or the candidate's files through it). */
  async access(user: User, interviewId: number): Promise<InterviewAccess> {
    const interview = await this.interviews.findById(interviewId);
    if (!interview) throw notFound('That interview');
    const seat = interview.panelists.find((panelist) => panelist.userId === user.id) ?? null;
    const manages = canEditPosition(user, interview.application.position);
    if (!seat && !manages)
      throw new DomainError('forbidden', 'Only the interview panel and the hiring manager can open this interview.');
    return { interview, seat, manages };
  }

  async seatOf(user: User, interviewId: number): Promise<{ interview: Interview; seat: Panelist }> {
    const { interview, seat } = await this.access(user, interviewId);
    if (!seat) throw new DomainError('forbidden', 'Only the panelists fill in scorecards for this interview.');
    if (interview.cancelledAt) throw new DomainError('conflict', 'This interview was cancelled.');
    return { interview, seat };
  }

  /** Records that the panelist has read the kit, the resume and the vetting results; the scorecard opens after this. */
  async prepare(user: User, interviewId: number): Promise<Panelist> {
    const { seat } = await this.seatOf(user, interviewId);
    if (seat.preparedAt) return seat;
    seat.preparedAt = new Date();
    return this.interviews.savePanelist(seat);
  }

  /**
   * Saves a draft or submits. Submitting needs a rating and evidence for every question, the plan reaction and a
   * recommendation. After submission every change is kept in the history, until the debrief closes with a decision.
   */
  async saveScorecard(
    user: User,
    interviewId: number,
    dto: ScorecardDto,
  ): Promise<{ seat: Panelist; submitted: boolean; changes: number }> {
    const { interview, seat } = await this.seatOf(user, interviewId);
    if (!seat.preparedAt) throw new DomainError('conflict', 'Mark “I have prepared” before you fill in the scorecard.');
    if (interview.decidedAt)
      throw new DomainError('conflict', 'The debrief is closed with a decision; scorecards can no longer change.');
    const { ratings, errors } = this.readRatings(interview, dto.ratings);
    const submit = dto.action === 'submit' || Boolean(seat.submittedAt);
    if (submit) {
      for (const question of interview.questions) {
        const key = String(question.questionId);
        if (!ratings[key]?.rating) errors[`rating-${key}`] ??= ['Rate this answer from 1 to 4'];
        if (!ratings[key]?.evidence)
          errors[`evidence-${key}`] ??= ['Write the evidence: what the candidate said that earns this rating'];
      }
      if (!dto.planReaction) errors.planReaction = ['Choose how the candidate reacted to the development plan'];
      if (!dto.recommendation) errors.recommendation = ['Choose a recommendation: strong no, no, yes or strong yes'];
    }
    if (Object.keys(errors).length) throw new FormInvalidError(errors);
    const before = sheetOf(seat);
    const after: ScoreSheet = {
      ratings,
      planReaction: dto.planReaction,
      planNotes: dto.planNotes,
      recommendation: dto.recommendation,
    };
    const changes = seat.submittedAt ? scorecardChanges(interview.questions, before, after) : [];
    Object.assign(seat, after);
    const firstSubmission = submit && !seat.submittedAt;
    if (firstSubmission) seat.submittedAt = new Date();
    await this.interviews.transaction(async (manager) => {
      await this.interviews.savePanelist(seat, manager);
      if (seat.submittedAt) await this.interviews.replaceRatings(seat, manager);
      if (changes.length) await this.interviews.addEdit(seat.id, changes, manager);
    });
    return { seat, submitted: firstSubmission, changes: changes.length };
  }

  /** The debrief opens for the panel and the hiring manager once every scorecard is in. */
  async debrief(user: User, interviewId: number) {
    const { interview, seat, manages } = await this.access(user, interviewId);
    if (interview.cancelledAt) throw new DomainError('conflict', 'This interview was cancelled.');
    const submitted = interview.panelists.filter((panelist) => panelist.submittedAt).length;
    if (submitted < interview.panelists.length) {
      throw new DomainError(
        'conflict',
        `The debrief opens when every scorecard is in: ${submitted} of ${interview.panelists.length} so far. Until then nobody sees anyone else’s scores.`,
      );
    }
    const sheets = interview.panelists.map(sheetOf);
    const edits = await this.interviews.editsFor(interview.panelists.map((panelist) => panelist.id));
    return {
      interview,
      seat,
      manages,
      matrix: debriefMatrix(interview.questions, sheets),
      outcomeMeans: outcomeMeans(interview.questions, interview.outcomes, sheets),
      edits: edits.map((edit) => ({
        ...edit,
        by: interview.panelists.find((panelist) => panelist.id === edit.panelistId)!.user.name,
      })),
    };
  }

  /** The hiring manager's decision with its rationale; the application moves to Offer or Rejected, or waits on hold. */
  async decide(user: User, interviewId: number, dto: DecisionDto): Promise<Interview> {
    const { interview } = await this.debrief(user, interviewId);
    this.pipeline.assertCanManage(user, interview.application);
    if (interview.decidedAt)
      throw new DomainError('conflict', 'A decision has already been recorded for this interview.');
    const summary = `Debrief of round ${interview.round}: ${DECISION_LABELS[dto.decision]}. “${dto.rationale}”`;
    const application = interview.application;
    await this.pipeline.recordDecision(user, application, dto.decision, summary, dto.reasonId);
    Object.assign(interview, {
      decision: dto.decision,
      rationale: dto.rationale,
      decidedAt: new Date(),
      decidedById: user.id,
      decidedBy: user,
    });
    return this.interviews.save(interview);
  }

  /** Scorecards past due (24 hours after the interview ended) and not submitted, on open interviews. */
  overdueSeats(interviews: Interview[], now = new Date()): { interview: Interview; seat: Panelist }[] {
    return interviews.flatMap((interview) =>
      interview.scorecardsDueAt < now
        ? interview.panelists.filter((seat) => !seat.submittedAt).map((seat) => ({ interview, seat }))
        : [],
    );
  }

  /** Mails each panelist whose scorecard is overdue, once. Returns how many were reminded. */
  async remindOverdue(now = new Date()): Promise<number> {
    const started = await this.interviews.openStartedBefore(new Date(now.getTime() - 24 * 3_600_000));
    let reminded = 0;
    for (const { interview, seat } of this.overdueSeats(started, now)) {
      if (seat.remindedAt) continue;
      const sent = await this.mail.send({
        to: seat.user.email,
        subject: `Your scorecard for ${interview.application.candidate.name} is overdue`,
        template: 'scorecard-overdue',
        data: {
          name: seat.user.name,
          candidateName: interview.application.candidate.name,
          positionTitle: interview.application.position.title,
          when: interviewTimeText(interview.startsAt, interview.durationMinutes, interview.timeZone),
          url: this.config.link(`/interviews/${interview.id}/scorecard`),
        },
      });
      if (!sent) {
        this.logger.warn({ message: 'Scorecard reminder not delivered', interviewId: interview.id });
        continue;
      }
      seat.remindedAt = now;
      await this.interviews.savePanelist(seat);
      reminded += 1;
    }
    return reminded;
  }

  /** Turns the posted ratings into stored ones, keeping only this interview's questions. */
  private readRatings(
    interview: Interview,
    posted: ScorecardDto['ratings'],
  ): { ratings: Record<string, Rating>; errors: FieldErrors } {
    const ratings: Record<string, Rating> = {};
    const errors: FieldErrors = {};
    for (const question of interview.questions) {
      const key = String(question.questionId);
      // Posted as ratings[q<id>]: a bare number would make the body parser build a (compacted) array.
      const entry = posted?.[`q${key}`] ?? {};
      const text = typeof entry.rating === 'string' ? entry.rating.trim() : '';
      const rating = /^[1-4]$/.test(text) ? Number(text) : null;
      if (text && rating === null) errors[`rating-${key}`] = ['Rate this answer from 1 to 4'];
      const evidence = typeof entry.evidence === 'string' ? entry.evidence.trim() : '';
      if (evidence.length > 4000) errors[`evidence-${key}`] = ['Keep the evidence under 4,000 characters'];
      ratings[key] = { rating, evidence };
    }
    return { ratings, errors };
  }
}
