import { Injectable } from '@nestjs/common';
import { Brackets, type SelectQueryBuilder } from 'typeorm';
import type { PageRequest } from '../common/pagination.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { AuditEvent } from './audit-event.entity.js';
import { writeAuditEntry, type AuditEntry } from './audit-writer.js';

export interface AuditFilter {
  actorId?: number;
  objectType?: string;
  objectId?: number;
  candidateId?: number;
  /** Inclusive bounds. */
  from?: Date;
  until?: Date;
}

/** Whose history: an application's (with its candidate's record), or a hire's. */
export type HistoryScope = { applicationId: number; candidateId: number } | { hireId: number };

/** An audit row with the names of whoever acted and the candidate, read from their current records. */
export interface AuditRow {
  event: AuditEvent;
  actorName: string | null;
  candidateName: string | null;
}

/**
 * The only place the audit trail meets TypeORM. It inserts and reads; there is deliberately no method that updates
 * or deletes an audit row (and the database refuses both). Names come from joins by table name, never from the row.
 */
@Injectable()
export class AuditRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Writes in the active unit of work, so the entry commits or rolls back with the change it records. */
  add(entry: AuditEntry): Promise<void> {
    return writeAuditEntry(this.uow.manager, entry);
  }

  findPage(filter: AuditFilter, page: PageRequest): Promise<[AuditRow[], number]> {
    return this.page((query) => {
      if (filter.actorId !== undefined) query.andWhere('event.actorId = :actorId', { actorId: filter.actorId });
      if (filter.objectType) query.andWhere('event.objectType = :objectType', { objectType: filter.objectType });
      if (filter.objectId !== undefined) query.andWhere('event.objectId = :objectId', { objectId: filter.objectId });
      if (filter.candidateId !== undefined)
        query.andWhere('event.candidateId = :candidateId', { candidateId: filter.candidateId });
      if (filter.from) query.andWhere('event.createdAt >= :from', { from: filter.from });
      if (filter.until) query.andWhere('event.createdAt <= :until', { until: filter.until });
    }, page);
  }

  findHistory(scope: HistoryScope, page: PageRequest): Promise<[AuditRow[], number]> {
    return this.page((query) => {
      if ('hireId' in scope) query.andWhere('event.hireId = :hireId', { hireId: scope.hireId });
      else
        query.andWhere(
          new Brackets((where) =>
            where
              .where('event.applicationId = :applicationId', { applicationId: scope.applicationId })
              // The candidate's own record (name, email, resume) belongs to every application of theirs.
              .orWhere('(event.candidateId = :candidateId AND event.applicationId IS NULL)', {
                candidateId: scope.candidateId,
              }),
          ),
        );
    }, page);
  }

  /** Everyone who ever acted, for the page's filter (staff only: a few hundred at most). */
  async actors(): Promise<{ id: number; name: string }[]> {
    const rows = (await this.uow.manager.query(
      'SELECT id, name FROM users WHERE id IN (SELECT DISTINCT "actorId" FROM audit_events WHERE "actorId" IS NOT NULL) ORDER BY name',
    )) as { id: number | string; name: string }[];
    return rows.map((row) => ({ id: Number(row.id), name: row.name }));
  }

  /**
   * One page of the events `filter` keeps, newest first, with the names joined; and their number, counted on the
   * audit table alone (TypeORM's count of a joined query is a COUNT(DISTINCT) over the joins).
   */
  private async page(
    filter: (query: SelectQueryBuilder<AuditEvent>) => void,
    page: PageRequest,
  ): Promise<[AuditRow[], number]> {
    const events = () => this.uow.repository(AuditEvent).createQueryBuilder('event');
    const rows = events()
      .leftJoin('users', 'actor', 'actor.id = event.actorId')
      .leftJoin('candidates', 'candidate', 'candidate.id = event.candidateId')
      .addSelect('actor.name', 'actorName')
      .addSelect('candidate.name', 'candidateName')
      .orderBy('event.createdAt', 'DESC')
      .addOrderBy('event.id', 'DESC');
    const count = events().select('COUNT(*)', 'total');
    filter(rows);
    filter(count);
    const [{ entities, raw }, counted] = await Promise.all([
      rows
        .offset((page.page - 1) * page.perPage)
        .limit(page.perPage)
        .getRawAndEntities<{ actorName: string | null; candidateName: string | null }>(),
      count.getRawOne<{ total: number | string }>(),
    ]);
    return [
      entities.map((event, index) => ({
        event,
        actorName: raw[index]?.actorName ?? null,
        candidateName: raw[index]?.candidateName ?? null,
      })),
      Number(counted?.total ?? 0),
    ];
  }
}
