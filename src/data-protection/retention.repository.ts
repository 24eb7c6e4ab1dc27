import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import { Candidate } from '../candidates/entities/candidate.entity.js';
import type { PageRequest } from '../common/pagination.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { RetentionRule, RetentionRun, type RetentionOutcome } from './entities/retention-rule.entity.js';

/** For each outcome with a rule: applications decided before this moment are past it. */
export type Cutoffs = Partial<Record<RetentionOutcome, Date>>;

/** One decided application of a candidate the next run would anonymise, for the preview. */
export interface ExpiredApplicationRow {
  applicationId: number;
  candidateId: number;
  code: string;
  positionTitle: string;
  stage: string;
  decidedAt: Date;
  offered: boolean;
}

const OFFERED = 'EXISTS (SELECT 1 FROM offers o WHERE o."applicationId" = a.id)';

/** Per outcome, the SQL that says "this application `a` ended with that outcome". */
const OUTCOME_SQL: Record<RetentionOutcome, string> = {
  rejected: `a.stage = 'rejected' AND NOT ${OFFERED}`,
  withdrawn: `a.stage = 'withdrawn' AND NOT ${OFFERED}`,
  'offer-not-taken': `a.stage IN ('rejected', 'withdrawn') AND ${OFFERED}`,
  hired: `a.stage = 'hired'`,
};

/**
 * The only place retention meets TypeORM: its rules, its runs, and the one query that says which candidates are past
 * retention. That query is a single statement on both databases, whatever the number of applications: correlated
 * NOT EXISTS subqueries on indexed columns (applications by candidate, holds by candidate and by position).
 */
@Injectable()
export class RetentionRepository {
  constructor(private readonly uow: UnitOfWork) {}

  rules(): Promise<RetentionRule[]> {
    return this.uow.repository(RetentionRule).find({ order: { id: 'ASC' } });
  }

  /** Sets or removes (months null) each outcome's rule; saved through entity events, so the audit trail sees each. */
  async saveRules(months: Record<RetentionOutcome, number | null>, updatedById: number): Promise<void> {
    const repository = this.uow.repository(RetentionRule);
    const current = new Map((await this.rules()).map((rule) => [rule.outcome, rule]));
    for (const [outcome, value] of Object.entries(months) as [RetentionOutcome, number | null][]) {
      const rule = current.get(outcome);
      if (value === null) {
        if (rule) await repository.remove(rule);
      } else if (!rule) await repository.save(repository.create({ outcome, months: value, updatedById }));
      else if (rule.months !== value) await repository.save(Object.assign(rule, { months: value, updatedById }));
    }
  }

  /** Ids of every candidate past retention, oldest first (the job anonymises them one by one). */
  async expiredIds(cutoffs: Cutoffs): Promise<number[]> {
    const query = this.expired(cutoffs);
    if (!query) return [];
    const rows = await query.select('c.id', 'id').orderBy('c.id', 'ASC').getRawMany<{ id: number | string }>();
    return rows.map((row) => Number(row.id));
  }

  async expiredCount(cutoffs: Cutoffs): Promise<number> {
    return (await this.expired(cutoffs)?.getCount()) ?? 0;
  }

  /** One page of the candidates past retention (with how many there are), for the preview. */
  async expiredPage(cutoffs: Cutoffs, page: PageRequest): Promise<[Candidate[], number]> {
    const query = this.expired(cutoffs);
    if (!query) return [[], 0];
    return query
      .orderBy('c.id', 'ASC')
      .skip((page.page - 1) * page.perPage)
      .take(page.perPage)
      .getManyAndCount();
  }

  /** The decided applications of these candidates, with their positions' titles and whether an offer was made. */
  async applicationsOf(candidateIds: number[]): Promise<ExpiredApplicationRow[]> {
    if (!candidateIds.length) return [];
    const rows = await this.uow.manager
      .createQueryBuilder()
      .select('a.id', 'applicationId')
      .addSelect('a."candidateId"', 'candidateId')
      .addSelect('a.code', 'code')
      .addSelect('p.title', 'positionTitle')
      .addSelect('a.stage', 'stage')
      .addSelect('a."stageChangedAt"', 'decidedAt')
      .addSelect(`CASE WHEN ${OFFERED} THEN 1 ELSE 0 END`, 'offered')
      .from('applications', 'a')
      .innerJoin('positions', 'p', 'p.id = a."positionId"')
      .where('a."candidateId" IN (:...candidateIds)', { candidateIds })
      .orderBy('a.id', 'ASC')
      .getRawMany<Record<string, unknown>>();
    return rows.map((row) => ({
      applicationId: Number(row.applicationId),
      candidateId: Number(row.candidateId),
      code: String(row.code),
      positionTitle: String(row.positionTitle),
      stage: String(row.stage),
      decidedAt: toDate(row.decidedAt),
      offered: Number(row.offered) === 1,
    }));
  }

  startRun(run: Pick<RetentionRun, 'trigger' | 'triggeredById'>): RetentionRun {
    return this.uow
      .repository(RetentionRun)
      .create({ ...run, startedAt: new Date(), expired: 0, anonymised: 0, failed: 0 });
  }

  /** A run is written once, when it ends, so its audit entry carries the counts. */
  saveRun(run: RetentionRun): Promise<RetentionRun> {
    return this.uow.repository(RetentionRun).save({ ...run, finishedAt: new Date() });
  }

  lastRun(trigger?: RetentionRun['trigger']): Promise<RetentionRun | null> {
    return this.uow
      .repository(RetentionRun)
      .findOne({ where: trigger ? { trigger } : {}, order: { startedAt: 'DESC', id: 'DESC' } });
  }

  /**
   * Candidates not yet anonymised with at least one application, every application decided and past its
   * outcome's cutoff, and no hold that is not lifted, on them or on any position they applied to. Null when no
   * outcome has a rule: nothing expires.
   */
  private expired(cutoffs: Cutoffs): SelectQueryBuilder<Candidate> | null {
    const outcomes = Object.entries(cutoffs) as [RetentionOutcome, Date][];
    if (!outcomes.length) return null;
    const parameters: Record<string, Date> = {};
    const past = outcomes.map(([outcome, cutoff], index) => {
      parameters[`cutoff${index}`] = cutoff;
      return `(${OUTCOME_SQL[outcome]} AND a."stageChangedAt" < :cutoff${index})`;
    });
    return this.uow
      .repository(Candidate)
      .createQueryBuilder('c')
      .where('c."anonymisedAt" IS NULL')
      .andWhere('EXISTS (SELECT 1 FROM applications a WHERE a."candidateId" = c.id)')
      .andWhere(`NOT EXISTS (SELECT 1 FROM applications a WHERE a."candidateId" = c.id AND NOT (${past.join(' OR ')}))`)
      .andWhere('NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h."candidateId" = c.id AND h."liftedAt" IS NULL)')
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM applications a JOIN legal_holds h ON h."positionId" = a."positionId" ' +
          'AND h."liftedAt" IS NULL WHERE a."candidateId" = c.id)',
      )
      .setParameters(parameters);
  }
}

/** SQLite returns raw datetimes as UTC text without a zone; PostgreSQL as Date. */
function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}
