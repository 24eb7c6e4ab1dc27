import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work.js';
import { LegalHold } from './entities/legal-hold.entity.js';
import { readOnce } from '../common/read-memo.js';

/** The only place legal holds meet TypeORM. A hold is active while it is not lifted. */
@Injectable()
export class LegalHoldRepository {
  constructor(private readonly uow: UnitOfWork) {}

  activeOnCandidate(candidateId: number): Promise<LegalHold | null> {
    return readOnce(`hold-on-candidate:${candidateId}`, () =>
      this.uow.repository(LegalHold).findOneBy({ candidateId, liftedAt: IsNull() }),
    );
  }

  activeOnPosition(positionId: number): Promise<LegalHold | null> {
    return readOnce(`hold-on-position:${positionId}`, () =>
      this.uow.repository(LegalHold).findOneBy({ positionId, liftedAt: IsNull() }),
    );
  }

  /** Active holds on any of these positions (a candidate page lists the positions holding them). */
  activeOnPositions(positionIds: number[]): Promise<LegalHold[]> {
    if (!positionIds.length) return Promise.resolve([]);
    return this.uow.repository(LegalHold).findBy({ positionId: In(positionIds), liftedAt: IsNull() });
  }

  /** Whether a hold on the candidate, or on any position they applied to, is active: one statement. */
  async isOnHold(candidateId: number): Promise<boolean> {
    const held = await this.uow
      .repository(LegalHold)
      .createQueryBuilder('h')
      .where('h."liftedAt" IS NULL')
      .andWhere(
        '(h."candidateId" = :candidateId OR h."positionId" IN ' +
          '(SELECT a."positionId" FROM applications a WHERE a."candidateId" = :candidateId))',
        { candidateId },
      )
      .getExists();
    return held;
  }

  /** Positions of the candidate's applications (to find holds on them). */
  async positionIdsOf(candidateId: number): Promise<number[]> {
    const rows = await this.uow.manager
      .createQueryBuilder()
      .select('a."positionId"', 'positionId')
      .from('applications', 'a')
      .where('a."candidateId" = :candidateId', { candidateId })
      .getRawMany<{ positionId: number | string }>();
    return rows.map((row) => Number(row.positionId));
  }

  async candidateExists(id: number): Promise<boolean> {
    return this.uow.manager
      .createQueryBuilder()
      .select('1')
      .from('candidates', 'c')
      .where('c.id = :id', { id })
      .getExists();
  }

  async positionTitle(id: number): Promise<string | null> {
    const row = await this.uow.manager
      .createQueryBuilder()
      .select('p.title', 'title')
      .from('positions', 'p')
      .where('p.id = :id', { id })
      .getRawOne<{ title: string }>();
    return row?.title ?? null;
  }

  /** Saved through entity events, so placing and lifting are each in the audit trail. */
  save(hold: LegalHold): Promise<LegalHold> {
    return this.uow.repository(LegalHold).save(hold);
  }

  create(values: Partial<LegalHold>): LegalHold {
    return this.uow.repository(LegalHold).create(values);
  }
}
