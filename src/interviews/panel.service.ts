import { AuditService } from '../audit/audit.service.js';
import { Injectable } from '@nestjs/common';
import { stages } from '../candidates/stages.js';
import type { User } from '../accounts/entities/user.entity.js';
import type { RejectionReason } from '../candidates/entities/rejection-reason.entity.js';
import { PipelineService } from '../candidates/pipeline.service.js';
import { DomainError, FormInvalidError, notFound, type FieldErrors } from '../common/errors.js';
import { AppConfig } from '../config/app-config.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { FilesRepository } from '../files/files.repository.js';
import { MailService, type MailMessage } from '../mail/mail.service.js';
import { PresentationService } from '../vetting/presentation.service.js';
import { debriefMatrix, outcomeMeans, scorecardChanges, type MatrixRow, type ScoreSheet } from './debrief.js';
import type { DecisionDto, ScorecardDto } from './dto/panel.dto.js';
import {
  DECISION_LABELS,
  type Interview,
  type Panelist,
  type Rating,
  type ScorecardEdit,
} from './entities/interview.entity.js';
import { interviewTimeText } from './interview-time.js';
import { InterviewsAccess } from './interviews.access.js';
import { InterviewsRepository } from './interviews.repository.js';

/** An interview as one user may see it. */
export interface OpenInterview {
  interview: Interview;
  /** The viewer's seat on the panel, if they have one. */
  seat: Panelist | null;
  /** Whether the viewer may still reschedule, change the panel or cancel. */
  canChange: boolean;
}

export interface Debrief {
  interview: Interview;
  sheets: ScoreSheet[];
  matrix: MatrixRow[];
  outcomeMeans: { label: string; mean: number | null; ratings: number }[];
  edits: (ScorecardEdit & { by: string })[];
  canDecide: boolean;
  /** The active rejection reasons, when the viewer may decide. */
  reasons: RejectionReason[];
}

export interface SavedScorecard {
  seat: Panelist;
  submitted: boolean;
  changes: number;
}

/** Stages in which a debrief may decide. */

/**
 * The panel's side of an interview: preparation, independent scorecards, the debrief and the decision.
 * Independence: nobody sees a panelist's ratings or notes anywhere until every scorecard is in (the debrief).
 */
@Injectable()
export class PanelService {
  constructor(
    private readonly interviews: InterviewsRepository,
    private readonly access: InterviewsAccess,
    private readonly pipeline: PipelineService,
    private readonly presentations: PresentationService,
    private readonly files: FilesRepository,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  /** Only the panel and whoever manages the position may open an interview (or the candidate's files through it). */
  async open(user: User, interviewId: number): Promise<OpenInterview> {
    const interview = await this.readable(user, interviewId, 'interview.read');
    const seat = interview.panelists.find((panelist) => panelist.userId === user.id) ?? null;
    const canChange =
      this.access.can(user, 'interview.manage', interview) &&
      !interview.cancelledAt &&
      !interview.decidedAt &&
      !interview.panelists.some((panelist) => panelist.submittedAt);
    return { interview, seat, canChange };
  }

  /** The candidate's resume, for the panel and the hiring manager. */
  async resume(user: User, interviewId: number): Promise<{ fileName: string; contentType: string; data: Buffer }> {
    const interview = await this.readable(user, interviewId, 'interview.read');
    const file = interview.application.candidate.resumeFile;
    const data = file ? await this.files.readData(file.id) : null;
    if (!file || !data) throw new DomainError('not-found', 'This candidate has no resume.');
    await this.audit.accessed('downloaded', 'resume', file.id, { applicationId: interview.applicationId });
    return { fileName: file.fileName, contentType: file.contentType, data };
  }

  /** The candidate's presentation deck, for the panel and the hiring manager. */
  async deck(user: User, interviewId: number): Promise<{ fileName: string; contentType: string; data: Buffer }> {
    const interview = await this.readable(user, interviewId, 'interview.read');
    const file = await this.presentations.deckOf(interview.applicationId);
    if (!file) throw new DomainError('not-found', 'No presentation was uploaded.');
    await this.audit.accessed('downloaded', 'presentation deck', null, { applicationId: interview.applicationId });
    return file;
  }

  /** The viewer's own seat and scorecard on an interview that still takes place. */
  async scorecard(
    user: User,
    interviewId: number,
  ): Promise<{ interview: Interview; seat: Panelist; sheet: ScoreSheet }> {
    const { interview, seat } = await this.seatOn(user, interviewId);
    const [sheet] = await this.sheetsOf([seat]);
    return { interview, seat, sheet };
  }

  /** Records that the panelist has read the kit, the resume and the vetting results; the scorecard opens after this. */
  async prepare(user: User, interviewId: number): Promise<Panelist> {
    const { seat } = await this.seatOn(user, interviewId);
    if (seat.preparedAt) return seat;
    seat.preparedAt = new Date();
    return this.interviews.savePanelist(seat);
  }

  /**
   * Saves a draft or submits. Submitting needs a rating and evidence for every question, the plan reaction and a
   * recommendation. After submission every change is kept in the history, until the debrief closes with a decision.
   */
  async saveScorecard(user: User, interviewId: number, dto: ScorecardDto): Promise<SavedScorecard> {
    const { interview, seat, sheet: before } = await this.scorecard(user, interviewId);
    if (!seat.preparedAt) throw new DomainError('conflict', 'Mark “I have prepared” before you fill in the scorecard.');
    if (!hasStarted(interview))
      throw new DomainError(
        'conflict',
        `The scorecard opens when the interview starts (${interviewTimeText(interview.startsAt, interview.durationMinutes, interview.timeZone)}): it records what the candidate said.`,
      );
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
    const after: ScoreSheet = {
      ratings,
      planReaction: dto.planReaction,
      planNotes: dto.planNotes,
      recommendation: dto.recommendation,
    };
    const changes = seat.submittedAt ? scorecardChanges(interview.questions, before, after) : [];
    Object.assign(seat, {
      planReaction: after.planReaction,
      planNotes: after.planNotes,
      recommendation: after.recommendation,
    });
    const firstSubmission = submit && !seat.submittedAt;
    if (firstSubmission) seat.submittedAt = new Date();
    const seen = seat.lockVersion;
    await this.uow.run(async () => {
      // Another save of this scorecard since it was read would make this one's history wrong: refuse it.
      if (!(await this.interviews.claimSeat(seat.id, seen)))
        throw new DomainError(
          'conflict',
          'This scorecard was saved from another window a moment ago. Reload the page to see it, then make your change again.',
        );
      seat.lockVersion = seen + 1;
      await this.interviews.savePanelist(seat);
      await this.interviews.replaceRatings(seat.id, ratings, before.ratings);
      if (changes.length) await this.interviews.addEdit(seat.id, changes);
    });
    return { seat, submitted: firstSubmission, changes: changes.length };
  }

  /** The debrief opens for the panel and the hiring manager once every scorecard is in. */
  async debrief(user: User, interviewId: number): Promise<Debrief> {
    const interview = await this.debriefed(user, interviewId);
    const canDecide =
      this.access.can(user, 'debrief.decide', interview) &&
      !interview.decidedAt &&
      stages.isSchedulable(interview.application.stage);
    const [sheets, edits, reasons] = await Promise.all([
      this.sheetsOf(interview.panelists),
      this.interviews.editsFor(interview.panelists.map((panelist) => panelist.id)),
      canDecide ? this.pipeline.reasons() : Promise.resolve([]),
    ]);
    return {
      interview,
      sheets,
      matrix: debriefMatrix(interview.questions, sheets),
      outcomeMeans: outcomeMeans(interview.questions, interview.outcomes, sheets),
      edits: edits.map((edit) =>
        Object.assign(edit, {
          by: interview.panelists.find((panelist) => panelist.id === edit.panelistId)!.user.name,
        }),
      ),
      canDecide,
      reasons,
    };
  }

  /**
   * The hiring manager's decision with its rationale; the application moves to Offer or Rejected, or waits on hold.
   * The move and the decision are one unit of work: both are saved or neither is.
   */
  async decide(user: User, interviewId: number, dto: DecisionDto): Promise<Interview> {
    const interview = await this.debriefed(user, interviewId);
    this.access.require(user, 'debrief.decide', interview);
    if (interview.decidedAt)
      throw new DomainError('conflict', 'A decision has already been recorded for this interview.');
    const summary = `Debrief of round ${interview.round}: ${DECISION_LABELS[dto.decision]}. “${dto.rationale}”`;
    const decided = { decision: dto.decision, rationale: dto.rationale, decidedAt: new Date(), decidedById: user.id };
    return this.uow.run(async () => {
      // Recorded first and only while undecided: of two decisions at once, one wins and the other changes nothing.
      if (!(await this.interviews.recordDecision(interview.id, decided)))
        throw new DomainError(
          'conflict',
          'Someone else recorded a decision for this interview a moment ago. Reload the page to see it.',
        );
      await this.pipeline.recordDecision(user, interview.application, dto.decision, summary, dto.reasonId);
      return this.interviews.saveInterview(Object.assign(interview, decided, { decidedBy: user }));
    });
  }

  /** Scorecards past due (24 hours after the interview ended) and not submitted, on open interviews. */
  overdueSeats(interviews: Interview[], now = new Date()): { interview: Interview; seat: Panelist }[] {
    return interviews.flatMap((interview) =>
      interview.scorecardsDueAt < now
        ? interview.panelists.filter((seat) => !seat.submittedAt).map((seat) => ({ interview, seat }))
        : [],
    );
  }

  /**
   * Mails each panelist whose scorecard is overdue, once: the seat is claimed by a conditional update in
   * the mail's transaction, so concurrent sweeps cannot both mail it. Returns how many were reminded.
   */
  async remindOverdue(now = new Date()): Promise<number> {
    const started = await this.interviews.openStartedBefore(new Date(now.getTime() - 24 * 3_600_000));
    let reminded = 0;
    for (const { interview, seat } of this.overdueSeats(started, now)) {
      if (seat.remindedAt) continue;
      // The claim and the reminder's outbox row commit together, so each seat is reminded once.
      const sent = await this.uow.run(async () => {
        if (!(await this.interviews.claimReminder(seat.id, now))) return false;
        await this.mail.send(this.reminder(interview, seat));
        return true;
      });
      if (sent) reminded += 1;
    }
    return reminded;
  }

  private reminder(interview: Interview, seat: Panelist): MailMessage {
    return {
      to: seat.user.email,
      subject: `Your scorecard for ${interview.application.candidate.name} is overdue`,
      template: 'scorecard-overdue',
      data: {
        name: seat.user.name,
        candidateName: interview.application.candidate.name,
        positionTitle: interview.application.position.title,
        when: interviewTimeText(
          interview.startsAt,
          interview.durationMinutes,
          seat.user.timeZone ?? interview.timeZone,
        ),
        url: this.config.link(`/interviews/${interview.id}/scorecard`),
      },
    };
  }

  private async readable(
    user: User,
    interviewId: number,
    permission: 'interview.read' | 'interview.sit' | 'debrief.read',
  ): Promise<Interview> {
    const interview = await this.interviews.findById(interviewId);
    if (!interview) throw notFound('That interview');
    this.access.require(user, permission, interview);
    return interview;
  }

  /** The user's seat on an interview that was not cancelled; only panelists have one. */
  private async seatOn(user: User, interviewId: number): Promise<{ interview: Interview; seat: Panelist }> {
    const interview = await this.readable(user, interviewId, 'interview.sit');
    if (interview.cancelledAt) throw new DomainError('conflict', 'This interview was cancelled.');
    return { interview, seat: interview.panelists.find((panelist) => panelist.userId === user.id)! };
  }

  /** An interview whose debrief the user may read and which is open: not cancelled, every scorecard in. */
  private async debriefed(user: User, interviewId: number): Promise<Interview> {
    const interview = await this.readable(user, interviewId, 'debrief.read');
    if (interview.cancelledAt) throw new DomainError('conflict', 'This interview was cancelled.');
    const submitted = interview.panelists.filter((panelist) => panelist.submittedAt).length;
    if (submitted < interview.panelists.length) {
      throw new DomainError(
        'conflict',
        `The debrief opens when every scorecard is in: ${submitted} of ${interview.panelists.length} so far. Until then nobody sees anyone else’s scores.`,
      );
    }
    return interview;
  }

  /** Each seat's scorecard as written so far, from its rating rows, in the seats' order. */
  private async sheetsOf(seats: Panelist[]): Promise<ScoreSheet[]> {
    const rows = await this.interviews.findRatings(seats.map((seat) => seat.id));
    return seats.map((seat) => ({
      ratings: Object.fromEntries(
        rows
          .filter((row) => row.panelistId === seat.id)
          .map((row): [string, Rating] => [String(row.questionId), { rating: row.rating, evidence: row.evidence }]),
      ),
      planReaction: seat.planReaction,
      planNotes: seat.planNotes,
      recommendation: seat.recommendation,
    }));
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

/** Rolls back a reminder's claim when its mail was refused, so the next sweep tries again. */

/** Scorecards record what was said: they open when the interview starts (preparing comes before). */
export function hasStarted(interview: Pick<Interview, 'startsAt'>, now = new Date()): boolean {
  return now.getTime() >= interview.startsAt.getTime();
}
