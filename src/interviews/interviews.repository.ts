import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';
import { In, IsNull, LessThan, MoreThan, type EntityManager } from 'typeorm';
import { Interview, Panelist, ScorecardEdit, ScorecardRating } from './entities/interview.entity.js';

/** Interviews, their panels and scorecard history. Read by the application page and the candidate portal too. */
@Injectable()
export class InterviewsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.uow.run(work);
  }

  /** One interview with its panel, the candidate and the position (with its hiring manager). */
  findById(id: number): Promise<Interview | null> {
    return this.uow.manager.getRepository(Interview).findOne({
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
    return this.uow.manager.getRepository(Interview).find({
      where: { applicationId },
      relations: { panelists: { user: true }, decidedBy: true },
      order: { startsAt: 'ASC', panelists: { id: 'ASC' } },
    });
  }

  /** The time zone of the last interview someone scheduled: the scheduling form's default. */
  async lastTimeZoneOf(userId: number): Promise<string | null> {
    const last = await this.uow.manager
      .getRepository(Interview)
      .findOne({ where: { scheduledById: userId }, select: { id: true, timeZone: true }, order: { id: 'DESC' } });
    return last?.timeZone ?? null;
  }

  countRounds(applicationId: number): Promise<number> {
    return this.uow.manager.getRepository(Interview).countBy({ applicationId, cancelledAt: IsNull() });
  }

  save(interview: Interview, manager: EntityManager = this.uow.manager): Promise<Interview> {
    return manager.getRepository(Interview).save(interview);
  }

  savePanelist(panelist: Panelist, manager: EntityManager = this.uow.manager): Promise<Panelist> {
    return manager.getRepository(Panelist).save(panelist);
  }

  /** Replaces a submitted scorecard's rating rows (what the insights aggregate). */
  async replaceRatings(panelist: Panelist, manager: EntityManager): Promise<void> {
    const rows = manager.getRepository(ScorecardRating);
    await rows.delete({ panelistId: panelist.id });
    const ratings = Object.entries(panelist.ratings).filter(([, entry]) => typeof entry.rating === 'number');
    if (ratings.length)
      await rows.insert(
        ratings.map(([questionId, entry]) => ({
          panelistId: panelist.id,
          questionId: Number(questionId),
          rating: entry.rating!,
        })),
      );
  }

  addEdit(panelistId: number, changes: ScorecardEdit['changes'], manager: EntityManager): Promise<ScorecardEdit> {
    const edits = manager.getRepository(ScorecardEdit);
    return edits.save(edits.create({ panelistId, changes }));
  }

  editsFor(panelistIds: number[]): Promise<ScorecardEdit[]> {
    if (!panelistIds.length) return Promise.resolve([]);
    return this.uow.manager
      .getRepository(ScorecardEdit)
      .createQueryBuilder('edit')
      .where('edit.panelistId IN (:...panelistIds)', { panelistIds })
      .orderBy('edit.createdAt', 'ASC')
      .addOrderBy('edit.id', 'ASC')
      .getMany();
  }

  /** A user's panel seats on open interviews (not cancelled, not decided) whose scorecard is not yet submitted. */
  openSeatsOf(userId: number): Promise<Panelist[]> {
    return this.uow.manager.getRepository(Panelist).find({
      where: { userId, submittedAt: IsNull(), interview: { cancelledAt: IsNull(), decidedAt: IsNull() } },
      relations: { interview: { application: { candidate: true, position: true } } },
      order: { interview: { startsAt: 'ASC' } },
      take: 20,
    });
  }

  /** Open interviews (no decision yet) on whose panel the user sits, with every panelist: where debriefs wait. */
  async openPanelsOf(userId: number): Promise<Interview[]> {
    const seats = await this.uow.manager.getRepository(Panelist).find({
      where: { userId, interview: { cancelledAt: IsNull(), decidedAt: IsNull() } },
      select: { id: true, interviewId: true },
      take: 50,
    });
    if (!seats.length) return [];
    return this.uow.manager.getRepository(Interview).find({
      where: { id: In(seats.map((seat) => seat.interviewId)) },
      relations: { panelists: true, application: { candidate: true, position: true } },
      order: { startsAt: 'ASC' },
    });
  }

  /** Open interviews that started before a moment, with panels: where overdue scorecards and ready debriefs are found. */
  openStartedBefore(moment: Date): Promise<Interview[]> {
    return this.uow.manager.getRepository(Interview).find({
      where: { startsAt: LessThan(moment), cancelledAt: IsNull(), decidedAt: IsNull() },
      relations: { panelists: { user: true }, application: { candidate: true, position: true } },
      order: { startsAt: 'ASC', panelists: { id: 'ASC' } },
    });
  }

  /** Open interviews for positions a manager hires for, with panels: debriefs waiting for a decision, late scorecards. */
  openForManager(managerId: number): Promise<Interview[]> {
    return this.uow.manager.getRepository(Interview).find({
      where: { cancelledAt: IsNull(), decidedAt: IsNull(), application: { position: { hiringManagerId: managerId } } },
      relations: { panelists: { user: true }, application: { candidate: true, position: true } },
      order: { startsAt: 'ASC', panelists: { id: 'ASC' } },
      take: 50,
    });
  }

  /** Open interviews a user leads, with panels. */
  async openLedBy(userId: number): Promise<Interview[]> {
    const led = await this.uow.manager.getRepository(Panelist).find({
      where: { userId, lead: true, interview: { cancelledAt: IsNull(), decidedAt: IsNull() } },
      select: { id: true, interviewId: true },
      take: 50,
    });
    if (!led.length) return [];
    return this.uow.manager.getRepository(Interview).find({
      where: { id: In(led.map((seat) => seat.interviewId)) },
      relations: { panelists: { user: true }, application: { candidate: true, position: true } },
      order: { startsAt: 'ASC', panelists: { id: 'ASC' } },
    });
  }

  /** The candidate's interviews still ahead, for the portal. */
  upcomingFor(applicationId: number, now: Date): Promise<Interview[]> {
    return this.uow.manager.getRepository(Interview).find({
      where: { applicationId, cancelledAt: IsNull(), startsAt: MoreThan(new Date(now.getTime() - 3_600_000 * 12)) },
      relations: { panelists: { user: true } },
      order: { startsAt: 'ASC', panelists: { id: 'ASC' } },
    });
  }
}
