import { Injectable } from '@nestjs/common';
import { And, In, IsNull, LessThan, LessThanOrEqual, MoreThan } from 'typeorm';
import type { PageRequest } from '../common/pagination.js';
import { AuditService } from '../audit/audit.service.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { InterviewKit } from './entities/interview-kit.entity.js';
import { Interview, Panelist, ScorecardEdit, ScorecardRating, type Rating } from './entities/interview.entity.js';
import { Question } from './entities/question.entity.js';
import { findUnique } from '../database/find-unique.js';

/**
 * The only place the question bank, interview kits, interviews, their panels and scorecards meet TypeORM.
 * Interviews are read by the application page, the candidate portal and home too.
 */
@Injectable()
export class InterviewsRepository {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  /** One page of the question bank, newest first; `search` matches the question or what it probes. */
  findQuestionPage(search: string | undefined, page: PageRequest): Promise<[Question[], number]> {
    const query = this.uow
      .repository(Question)
      .createQueryBuilder('question')
      .orderBy('question.updatedAt', 'DESC')
      .addOrderBy('question.id', 'DESC');
    if (search)
      query.where('LOWER(question.text) LIKE :term OR LOWER(question.probes) LIKE :term', {
        term: `%${search.toLowerCase()}%`,
      });
    return query
      .skip((page.page - 1) * page.perPage)
      .take(page.perPage)
      .getManyAndCount();
  }

  findAllQuestions(): Promise<Question[]> {
    return this.uow.repository(Question).find({ order: { id: 'ASC' } });
  }

  findQuestion(id: number): Promise<Question | null> {
    return this.uow.repository(Question).findOneBy({ id });
  }

  saveQuestion(question: Partial<Question>): Promise<Question> {
    const questions = this.uow.repository(Question);
    return questions.save(questions.create(question));
  }

  /** A position's kit with its items (in order) and their questions. */
  findKit(positionId: number): Promise<InterviewKit | null> {
    return this.uow.repository(InterviewKit).findOne({
      where: { positionId },
      relations: { items: { question: true } },
      order: { items: { sortOrder: 'ASC' } },
    });
  }

  /** Starts a position's kit: no questions, nothing covered, unpublished. */
  createEmptyKit(positionId: number): Promise<InterviewKit> {
    const kits = this.uow.repository(InterviewKit);
    return kits.save(
      kits.create({ positionId, instructions: null, vettingCoverage: {}, publishedAt: null, items: [] }),
    );
  }

  saveKit(kit: InterviewKit): Promise<InterviewKit> {
    return this.uow.repository(InterviewKit).save(kit);
  }

  /** One interview with its panel, the candidate and the position (with its hiring manager). */
  findById(id: number): Promise<Interview | null> {
    return findUnique(this.uow.repository(Interview), {
      where: { id },
      relations: {
        panelists: { user: true },
        application: { candidate: { resumeFile: true }, position: { hiringManager: true } },
        decidedBy: true,
      },
      order: { panelists: { id: 'ASC' } },
    });
  }

  /** Every round for an application, oldest first, with panels. */
  findForApplication(applicationId: number): Promise<Interview[]> {
    return this.uow.repository(Interview).find({
      where: { applicationId },
      relations: { panelists: { user: true }, decidedBy: true },
      order: { startsAt: 'ASC', panelists: { id: 'ASC' } },
    });
  }

  /** The time zone of the last interview someone scheduled: the scheduling form's default. */
  async lastTimeZoneOf(userId: number): Promise<string | null> {
    const last = await this.uow
      .repository(Interview)
      .findOne({ where: { scheduledById: userId }, select: { id: true, timeZone: true }, order: { id: 'DESC' } });
    return last?.timeZone ?? null;
  }

  countRounds(applicationId: number): Promise<number> {
    return this.uow.repository(Interview).countBy({ applicationId, cancelledAt: IsNull() });
  }

  /** Saves an interview with its panel; a seat taken off the panel is deleted with its scorecard. */
  saveInterview(interview: Interview): Promise<Interview> {
    return this.uow.repository(Interview).save(interview);
  }

  /** Claims the seat for one scorecard save at the version it read; false when another save came first. */
  claimSeat(id: number, seen: number): Promise<boolean> {
    return this.uow.claimVersion(Panelist, id, seen);
  }

  /** Records the decision only while none is recorded: true for the one call that did. */
  async recordDecision(
    id: number,
    fields: Pick<Interview, 'decision' | 'rationale' | 'decidedAt' | 'decidedById'>,
  ): Promise<boolean> {
    const result = await this.uow
      .repository(Interview)
      .createQueryBuilder()
      .update()
      .set(fields)
      .where('id = :id AND "decidedAt" IS NULL', { id })
      .execute();
    if (result.affected !== 1) return false;
    await this.audit.changed('interviews', 'interview', { id }, {}, fields);
    return true;
  }

  /**
   * Claims the interview for one change of its schedule, at the version (sequence) the manager saw, while it is
   * still open: not cancelled, not decided, no scorecard in. False when someone changed it first.
   */
  async claimSchedule(id: number, seen: number): Promise<boolean> {
    const result = await this.uow
      .repository(Interview)
      .createQueryBuilder()
      .update()
      .set({ sequence: () => 'sequence + 1' })
      .where(
        'id = :id AND sequence = :seen AND "cancelledAt" IS NULL AND "decidedAt" IS NULL AND NOT EXISTS ' +
          '(SELECT 1 FROM panelists p WHERE p."interviewId" = :id AND p."submittedAt" IS NOT NULL)',
        { id, seen },
      )
      .execute();
    return result.affected === 1;
  }

  savePanelist(panelist: Panelist): Promise<Panelist> {
    return this.uow.repository(Panelist).save(panelist);
  }

  /** Marks a seat reminded unless it already was; false when another sweep got there first. */
  async claimReminder(panelistId: number, now: Date): Promise<boolean> {
    const result = await this.uow
      .repository(Panelist)
      .update({ id: panelistId, remindedAt: IsNull() }, { remindedAt: now });
    return result.affected === 1;
  }

  /** Interviews still on (not cancelled, not decided) starting in (from, until] whose candidate was not reminded. */
  findCandidateRemindersDue(from: Date, until: Date): Promise<Interview[]> {
    return this.uow.repository(Interview).find({
      where: {
        startsAt: And(MoreThan(from), LessThanOrEqual(until)),
        cancelledAt: IsNull(),
        decidedAt: IsNull(),
        candidateRemindedAt: IsNull(),
      },
      relations: { panelists: { user: true }, application: { candidate: true, position: true } },
      order: { startsAt: 'ASC', panelists: { id: 'ASC' } },
    });
  }

  /** Marks the candidate reminded unless they already were; false when another sweep got there first. */
  async claimCandidateReminder(interviewId: number, now: Date): Promise<boolean> {
    const result = await this.uow
      .repository(Interview)
      .update({ id: interviewId, candidateRemindedAt: IsNull() }, { candidateRemindedAt: now });
    return result.affected === 1;
  }

  /** The rating rows of these seats' scorecards, drafts included. */
  findRatings(panelistIds: number[]): Promise<ScorecardRating[]> {
    if (!panelistIds.length) return Promise.resolve([]);
    return this.uow.repository(ScorecardRating).find({
      where: { panelistId: In(panelistIds) },
      order: { panelistId: 'ASC', questionId: 'ASC' },
    });
  }

  /**
   * Replaces a scorecard's rating rows with these (question id → rating and evidence); empty answers get no row.
   * The rows are rewritten wholesale, so the audit trail gets one entry for the scorecard with what changed per
   * question against `before` (the ratings the caller read), not a delete and an insert per row.
   */
  async replaceRatings(
    panelistId: number,
    ratings: Record<string, Rating>,
    before: Record<string, Rating>,
  ): Promise<void> {
    const rows = this.uow.repository(ScorecardRating);
    await rows.createQueryBuilder().delete().where({ panelistId }).callListeners(false).execute();
    const answered = Object.entries(ratings).filter(([, entry]) => entry.rating !== null || entry.evidence !== '');
    if (answered.length)
      await rows
        .createQueryBuilder()
        .insert()
        .values(
          answered.map(([questionId, entry]) => ({
            panelistId,
            questionId: Number(questionId),
            rating: entry.rating,
            evidence: entry.evidence,
          })),
        )
        .callListeners(false)
        .execute();
    const [from, to] = [{} as Record<string, unknown>, {} as Record<string, unknown>];
    for (const question of new Set([...Object.keys(before), ...Object.keys(ratings)])) {
      const [old, now] = [before[question], ratings[question]];
      if ((old?.rating ?? null) !== (now?.rating ?? null)) {
        from[`question ${question} rating`] = old?.rating ?? null;
        to[`question ${question} rating`] = now?.rating ?? null;
      }
      if ((old?.evidence ?? '') !== (now?.evidence ?? '')) {
        from[`question ${question} evidence`] = old?.evidence ?? null;
        to[`question ${question} evidence`] = now?.evidence ?? null;
      }
    }
    if (Object.keys(to).length) await this.audit.changed('panelists', 'scorecard', { id: panelistId }, from, to);
  }

  addEdit(panelistId: number, changes: ScorecardEdit['changes']): Promise<ScorecardEdit> {
    const edits = this.uow.repository(ScorecardEdit);
    return edits.save(edits.create({ panelistId, changes }));
  }

  editsFor(panelistIds: number[]): Promise<ScorecardEdit[]> {
    if (!panelistIds.length) return Promise.resolve([]);
    return this.uow
      .repository(ScorecardEdit)
      .createQueryBuilder('edit')
      .where('edit.panelistId IN (:...panelistIds)', { panelistIds })
      .orderBy('edit.createdAt', 'ASC')
      .addOrderBy('edit.id', 'ASC')
      .getMany();
  }

  /** A user's panel seats on open interviews (not cancelled, not decided) whose scorecard is not yet submitted. */
  openSeatsOf(userId: number): Promise<Panelist[]> {
    // Many-to-one joins only, so LIMIT counts seats: one query, started from the few open interviews.
    return this.openSeats(userId, true)
      .andWhere('seat.submittedAt IS NULL')
      .innerJoinAndSelect('interview.application', 'application')
      .innerJoinAndSelect('application.candidate', 'candidate')
      .innerJoinAndSelect('application.position', 'position')
      .orderBy('interview.startsAt', 'ASC')
      .addOrderBy('seat.id', 'ASC')
      .limit(20)
      .getMany();
  }

  /**
   * A user's seats on open interviews (no decision, not cancelled). An inner join, so the database may start from the
   * partial index of open interviews (a handful) rather than from every seat the user ever held.
   */
  private openSeats(userId: number, withInterview = false) {
    const query = this.uow.repository(Panelist).createQueryBuilder('seat');
    // One join of interviews either way (a second one cost PostgreSQL more planning than running at 100k).
    if (withInterview) query.innerJoinAndSelect('seat.interview', 'interview');
    else query.innerJoin('seat.interview', 'interview');
    return query
      .where('seat.userId = :userId', { userId })
      .andWhere('interview.cancelledAt IS NULL AND interview.decidedAt IS NULL');
  }

  /** Open interviews (no decision yet) on whose panel the user sits, with every panelist: where debriefs wait. */
  async openPanelsOf(userId: number): Promise<Interview[]> {
    const seats = await this.openSeats(userId).orderBy('seat.id', 'ASC').limit(50).getMany();
    if (!seats.length) return [];
    return this.uow.repository(Interview).find({
      where: { id: In(seats.map((seat) => seat.interviewId)) },
      relations: { panelists: true, application: { candidate: true, position: true } },
      order: { startsAt: 'ASC' },
    });
  }

  /** Open interviews that started before a moment, with panels: where overdue scorecards and ready debriefs are found. */
  openStartedBefore(moment: Date): Promise<Interview[]> {
    return this.uow.repository(Interview).find({
      where: { startsAt: LessThan(moment), cancelledAt: IsNull(), decidedAt: IsNull() },
      relations: { panelists: { user: true }, application: { candidate: true, position: true } },
      order: { startsAt: 'ASC', panelists: { id: 'ASC' } },
    });
  }

  /** Open interviews for positions a manager hires for, with panels: debriefs waiting for a decision, late scorecards. */
  openForManager(managerId: number): Promise<Interview[]> {
    return this.uow.repository(Interview).find({
      where: { cancelledAt: IsNull(), decidedAt: IsNull(), application: { position: { hiringManagerId: managerId } } },
      relations: { panelists: { user: true }, application: { candidate: true, position: true } },
      order: { startsAt: 'ASC', panelists: { id: 'ASC' } },
      take: 50,
    });
  }

  /** Open interviews a user leads, with panels. */
  async openLedBy(userId: number): Promise<Interview[]> {
    const led = await this.openSeats(userId)
      .andWhere('seat.lead = :lead', { lead: true })
      .orderBy('seat.id', 'ASC')
      .limit(50)
      .getMany();
    if (!led.length) return [];
    return this.uow.repository(Interview).find({
      where: { id: In(led.map((seat) => seat.interviewId)) },
      relations: { panelists: { user: true }, application: { candidate: true, position: true } },
      order: { startsAt: 'ASC', panelists: { id: 'ASC' } },
    });
  }

  /** The candidate's interviews still ahead, for the portal. */
  upcomingFor(applicationId: number, now: Date): Promise<Interview[]> {
    return this.uow.repository(Interview).find({
      where: { applicationId, cancelledAt: IsNull(), startsAt: MoreThan(new Date(now.getTime() - 3_600_000 * 12)) },
      relations: { panelists: { user: true } },
      order: { startsAt: 'ASC', panelists: { id: 'ASC' } },
    });
  }
}
