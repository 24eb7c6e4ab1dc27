import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { In, Not } from 'typeorm';
import type { PageRequest } from '../common/pagination.js';
import { whereCandidateMatches } from './candidate-search.js';
import { ApplicationEvent } from './entities/application-event.entity.js';
import { Application, type Stage } from './entities/application.entity.js';
import { Candidate, type Source } from './entities/candidate.entity.js';
import { RejectionReason } from './entities/rejection-reason.entity.js';
import { readOnce } from '../common/read-memo.js';
import { findUnique } from '../database/find-unique.js';

export interface ApplicationsFilter {
  search?: string;
  stage?: Stage;
  source?: Source;
}

/** The only place candidates, applications, their history and rejection reasons meet TypeORM. */
/** What a rejection records on the application (all null again after an undo or a reopening). */
export type RejectionFields = Pick<Application, 'rejectionReasonId' | 'rejectedFromStage' | 'rejectionMessageId'>;

@Injectable()
export class CandidatesRepository {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  findCandidatePage(search: string | undefined, page: PageRequest): Promise<[Candidate[], number]> {
    const query = this.uow.manager
      .getRepository(Candidate)
      .createQueryBuilder('candidate')
      // Anonymised candidates leave every list and search; their applications still count in the insights.
      .where('candidate.anonymisedAt IS NULL')
      .orderBy('candidate.createdAt', 'DESC')
      .addOrderBy('candidate.id', 'DESC');
    if (search) whereCandidateMatches(query, 'candidate', search);
    return query
      .skip((page.page - 1) * page.perPage)
      .take(page.perPage)
      .getManyAndCount();
  }

  findCandidate(id: number): Promise<Candidate | null> {
    return this.uow.manager.getRepository(Candidate).findOne({ where: { id }, relations: { resumeFile: true } });
  }

  findCandidateByEmail(email: string): Promise<Candidate | null> {
    return this.uow.manager.getRepository(Candidate).findOneBy({ email: email.toLowerCase() });
  }

  saveCandidate(candidate: Partial<Candidate>): Promise<Candidate> {
    return this.uow.manager.getRepository(Candidate).save(this.uow.manager.getRepository(Candidate).create(candidate));
  }

  findApplicationsOfCandidate(candidateId: number): Promise<Application[]> {
    return this.uow.manager
      .getRepository(Application)
      .find({ where: { candidateId }, relations: { position: true }, order: { createdAt: 'DESC' } });
  }

  applicationExists(candidateId: number, positionId: number): Promise<boolean> {
    return this.uow.manager.getRepository(Application).existsBy({ candidateId, positionId });
  }

  codeExists(code: string): Promise<boolean> {
    return this.uow.manager.getRepository(Application).existsBy({ code });
  }

  findApplication(id: number): Promise<Application | null> {
    return readOnce(`application:${id}`, () =>
      findUnique(this.uow.manager.getRepository(Application), {
        where: { id },
        relations: { candidate: { resumeFile: true }, position: { hiringManager: true }, rejectionReason: true },
      }),
    );
  }

  /** Applications by id with their candidates and positions (for later steps' lists), in one query. */
  findApplicationsWithPeople(ids: number[]): Promise<Application[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.uow.manager
      .getRepository(Application)
      .find({ where: { id: In(ids) }, relations: { candidate: true, position: true } });
  }

  /** The position's applications still in the pipeline (not rejected, withdrawn or hired). */
  findOpenApplications(positionId: number): Promise<Application[]> {
    return this.uow.manager.getRepository(Application).find({
      where: { positionId, stage: Not(In(['rejected', 'withdrawn', 'hired'])) },
      order: { id: 'ASC' },
    });
  }

  findApplicationsByIds(positionId: number, ids: number[]): Promise<Application[]> {
    return this.uow.manager.getRepository(Application).find({ where: { positionId, id: In(ids) } });
  }

  saveApplication(application: Partial<Application>): Promise<Application> {
    return this.uow.manager
      .getRepository(Application)
      .save(this.uow.manager.getRepository(Application).create(application));
  }

  /** Moves an application only if it is still in `from`; false when someone else moved it first. */
  async changeStage(id: number, from: Stage, to: Stage, rejection: RejectionFields): Promise<boolean> {
    const result = await this.uow.manager
      .getRepository(Application)
      .update({ id, stage: from }, { stage: to, stageChangedAt: new Date(), ...rejection });
    if (result.affected !== 1) return false;
    // A conditional update: no entity event sees it, so it records itself (in the same transaction).
    const set = Object.fromEntries(Object.entries(rejection).filter(([, value]) => value !== null));
    await this.audit.changed('applications', 'application', { id }, { stage: from }, { stage: to, ...set });
    return true;
  }

  addEvent(event: Partial<ApplicationEvent>): Promise<ApplicationEvent> {
    return this.uow.manager
      .getRepository(ApplicationEvent)
      .save(this.uow.manager.getRepository(ApplicationEvent).create(event));
  }

  findEvents(applicationId: number): Promise<ApplicationEvent[]> {
    return this.uow.manager
      .getRepository(ApplicationEvent)
      .find({ where: { applicationId }, relations: { by: true }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Listed applications per stage for one position: a few rows the database keeps counted (see ApplicationCounts). */
  async countByStage(positionId: number): Promise<Map<Stage, number>> {
    const rows = (await this.uow.manager
      .createQueryBuilder()
      .select('counts.stage', 'stage')
      .addSelect('counts.total', 'total')
      .from('application_counts', 'counts')
      .where('counts."positionId" = :positionId', { positionId })
      .getRawMany()) as { stage: Stage; total: string | number }[];
    return new Map(rows.filter((row) => Number(row.total) > 0).map((row) => [row.stage, Number(row.total)]));
  }

  /** The first cards of one board column, longest in stage first. */
  findColumn(positionId: number, stage: Stage, limit: number): Promise<Application[]> {
    // Every join is many-to-one, so LIMIT applies to applications: one query, whatever the column holds.
    return this.uow.manager
      .getRepository(Application)
      .createQueryBuilder('application')
      .innerJoinAndSelect('application.candidate', 'candidate')
      .where('application.positionId = :positionId AND application.stage = :stage', { positionId, stage })
      .andWhere('application.anonymisedAt IS NULL')
      .orderBy('application.stageChangedAt', 'ASC')
      .addOrderBy('application.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /**
   * One page of a position's applications, newest first, with their candidates and reasons: the total (from the
   * kept counts unless a source or search filter asks for a count), the page's ids from the index alone, then those
   * rows. Past the middle the ids are read from the other end, so the last page costs what the first does.
   */
  async findApplicationPage(
    positionId: number,
    filter: ApplicationsFilter,
    page: PageRequest,
  ): Promise<[Application[], number]> {
    const total = await this.countListed(positionId, filter);
    const offset = (page.page - 1) * page.perPage;
    if (offset >= total) return [[], total];
    const fromEnd = offset > total / 2;
    const order = fromEnd ? 'ASC' : 'DESC';
    const rows = (await this.listed(positionId, filter)
      .select('application.id', 'id')
      .orderBy('application.createdAt', order)
      .addOrderBy('application.id', order)
      .offset(fromEnd ? Math.max(0, total - offset - page.perPage) : offset)
      .limit(fromEnd ? Math.min(page.perPage, total - offset) : page.perPage)
      .getRawMany()) as { id: number | string }[];
    const applications = await this.uow.manager
      .getRepository(Application)
      .createQueryBuilder('application')
      .innerJoinAndSelect('application.candidate', 'candidate')
      .leftJoinAndSelect('application.rejectionReason', 'reason')
      .where('application.id IN (:...ids)', { ids: rows.map((row) => Number(row.id)) })
      .orderBy('application.createdAt', 'DESC')
      .addOrderBy('application.id', 'DESC')
      .getMany();
    return [applications, total];
  }

  private async countListed(positionId: number, filter: ApplicationsFilter): Promise<number> {
    if (!filter.search && !filter.source) {
      const counts = await this.countByStage(positionId);
      if (filter.stage) return counts.get(filter.stage) ?? 0;
      return [...counts.values()].reduce((sum, count) => sum + count, 0);
    }
    const row = (await this.listed(positionId, filter).select('COUNT(*)', 'total').getRawOne()) as {
      total: number | string;
    };
    return Number(row.total);
  }

  /** A position's listed applications matching the filter, joined to candidates only to search them. */
  private listed(positionId: number, filter: ApplicationsFilter) {
    const query = this.uow.manager
      .getRepository(Application)
      .createQueryBuilder('application')
      .where('application.positionId = :positionId', { positionId })
      .andWhere('application.anonymisedAt IS NULL');
    if (filter.stage) query.andWhere('application.stage = :stage', { stage: filter.stage });
    if (filter.source) query.andWhere('application.source = :source', { source: filter.source });
    if (filter.search) {
      query.innerJoin('application.candidate', 'candidate');
      whereCandidateMatches(query, 'candidate', filter.search);
    }
    return query;
  }

  /** True when the candidate applied to a position this user manages or created. */
  isInPipelineOf(candidateId: number, userId: number): Promise<boolean> {
    return this.uow.manager
      .getRepository(Application)
      .createQueryBuilder('application')
      .innerJoin('application.position', 'position')
      .where('application.candidateId = :candidateId', { candidateId })
      .andWhere('(position.hiringManagerId = :userId OR position.createdById = :userId)', { userId })
      .getExists();
  }

  findActiveReasons(): Promise<RejectionReason[]> {
    return this.uow.manager
      .getRepository(RejectionReason)
      .find({ where: { active: true }, order: { sortOrder: 'ASC', id: 'ASC' } });
  }

  findAllReasons(): Promise<RejectionReason[]> {
    return this.uow.manager
      .getRepository(RejectionReason)
      .find({ order: { active: 'DESC', sortOrder: 'ASC', id: 'ASC' } });
  }

  findReason(id: number): Promise<RejectionReason | null> {
    return this.uow.manager.getRepository(RejectionReason).findOneBy({ id });
  }

  async reasonLabelExists(label: string): Promise<boolean> {
    return this.uow.manager.getRepository(RejectionReason).existsBy({ label });
  }

  saveReason(reason: Partial<RejectionReason>): Promise<RejectionReason> {
    return this.uow.manager
      .getRepository(RejectionReason)
      .save(this.uow.manager.getRepository(RejectionReason).create(reason));
  }
}
