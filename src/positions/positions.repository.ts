import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';
import { In, IsNull } from 'typeorm';
import type { PageRequest } from '../common/pagination.js';
import { CheckPhrase, type CheckPhraseList } from './entities/check-phrase.entity.js';
import { PositionEvent } from './entities/position-event.entity.js';
import { PositionVersion } from './entities/position-version.entity.js';
import { Position, type PositionStatus } from './entities/position.entity.js';
import { ShareLink } from './entities/share-link.entity.js';
import type { PositionScope } from './positions.access.js';
import { readOnce } from '../common/read-memo.js';
import { findUnique } from '../database/find-unique.js';

export interface PositionsFilter {
  search?: string;
  status?: PositionStatus;
  hiringManagerId?: number;
}

/** The only place positions, their versions, history, share links and check phrases meet TypeORM. */

/** The vetting steps as readiness sees them. */
export interface VettingSetup {
  assessmentRequired: boolean;
  writingRequired: boolean;
  presentationRequired: boolean;
  prompts: number;
  graders: number;
}

@Injectable()
export class PositionsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Runs the work in one transaction; every call on this repository inside it joins. */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.uow.run(() => work());
  }

  /** One page of positions with their hiring managers: one query plus a count. */
  findPage(filter: PositionsFilter, page: PageRequest): Promise<[Position[], number]> {
    const query = this.uow
      .repository(Position)
      .createQueryBuilder('position')
      .innerJoinAndSelect('position.hiringManager', 'manager')
      .orderBy('position.updatedAt', 'DESC')
      .addOrderBy('position.id', 'DESC')
      .skip((page.page - 1) * page.perPage)
      .take(page.perPage);
    if (filter.search) query.andWhere('LOWER(position.title) LIKE :term', { term: `%${filter.search.toLowerCase()}%` });
    if (filter.status) query.andWhere('position.status = :status', { status: filter.status });
    if (filter.hiringManagerId)
      query.andWhere('position.hiringManagerId = :managerId', { managerId: filter.hiringManagerId });
    return query.getManyAndCount();
  }

  /** The positions in scope that are being written or recruited for (on hold and closed ones are paused by choice). */
  async findOpen(scope: PositionScope, limit: number): Promise<Position[]> {
    if (scope === 'none') return [];
    // The ids first: a row limit over the outcomes join counted outcomes, not positions (TypeORM pages the joined
    // rows when the order names a joined column), so a manager with a few new drafts saw only some of them.
    const latest = await this.uow.repository(Position).find({
      select: { id: true },
      where: [
        { hiringManagerId: scope.hiringManagerId, status: 'draft' },
        { hiringManagerId: scope.hiringManagerId, status: 'published' },
      ],
      order: { updatedAt: 'DESC', id: 'DESC' },
      take: limit,
    });
    if (latest.length === 0) return [];
    return this.uow.repository(Position).find({
      where: { id: In(latest.map((position) => position.id)) },
      relations: { outcomes: true, hiringManager: true },
      order: { updatedAt: 'DESC', id: 'DESC', outcomes: { sortOrder: 'ASC' } },
    });
  }

  findWithOutcomes(id: number): Promise<Position | null> {
    return findUnique(this.uow.repository(Position), {
      where: { id },
      relations: { outcomes: true, hiringManager: true },
      order: { outcomes: { sortOrder: 'ASC' } },
    });
  }

  savePosition(position: Position): Promise<Position> {
    return this.uow.repository(Position).save(position);
  }

  /**
   * Claims the position for one save, only at the version the form saw; false when someone else saved since.
   * The conditional update is atomic on both databases and holds the row until the unit of work ends.
   */
  claimVersion(id: number, seen: number): Promise<boolean> {
    return this.uow.claimVersion(Position, id, seen);
  }

  createPosition(fields: Partial<Position>): Position {
    return this.uow.repository(Position).create(fields);
  }

  addEvent(event: Partial<PositionEvent>): Promise<PositionEvent> {
    const events = this.uow.repository(PositionEvent);
    return events.save(events.create(event));
  }

  findEvents(positionId: number): Promise<PositionEvent[]> {
    return this.uow
      .repository(PositionEvent)
      .find({ where: { positionId }, relations: { by: true }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  saveVersion(version: Partial<PositionVersion>): Promise<PositionVersion> {
    const versions = this.uow.repository(PositionVersion);
    return versions.save(versions.create(version));
  }

  findVersion(positionId: number, number: number): Promise<PositionVersion | null> {
    return this.uow.repository(PositionVersion).findOneBy({ positionId, number });
  }

  findVersions(positionId: number): Promise<PositionVersion[]> {
    return this.uow.repository(PositionVersion).find({ where: { positionId }, order: { number: 'DESC' } });
  }

  findActiveShareLinks(positionId: number): Promise<ShareLink[]> {
    return this.uow
      .repository(ShareLink)
      .find({ where: { positionId, revokedAt: IsNull() }, order: { createdAt: 'DESC' } });
  }

  findActiveShareLink(token: string): Promise<ShareLink | null> {
    return this.uow.repository(ShareLink).findOneBy({ token, revokedAt: IsNull() });
  }

  saveShareLink(link: Partial<ShareLink>): Promise<ShareLink> {
    const links = this.uow.repository(ShareLink);
    return links.save(links.create(link));
  }

  async revokeShareLink(positionId: number, id: number): Promise<boolean> {
    const result = await this.uow
      .repository(ShareLink)
      .update({ id, positionId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return result.affected === 1;
  }

  findCheckPhrases(): Promise<CheckPhrase[]> {
    return readOnce('check-phrases', () =>
      this.uow.repository(CheckPhrase).find({ order: { list: 'ASC', phrase: 'ASC' } }),
    );
  }

  async addCheckPhrase(
    list: CheckPhraseList,
    phrase: string,
    createdById: number,
    note: string | null = null,
  ): Promise<void> {
    await this.uow.repository(CheckPhrase).save({ list, phrase, createdById, note });
  }

  /** Which of these positions have their interview kit published (read here so readiness needs no interviews module). */
  async kitsPublished(positionIds: number[]): Promise<Set<number>> {
    const ids = positionIds.map(Number).join(', ');
    const rows = (await this.uow.manager.query(
      `SELECT "positionId" AS "positionId" FROM interview_kits WHERE "positionId" IN (${ids}) AND "publishedAt" IS NOT NULL`,
    )) as { positionId: number | string }[];
    return new Set(rows.map((row) => Number(row.positionId)));
  }

  /**
   * What each position's vetting steps need before it can recruit (read here so readiness needs no vetting module):
   * the saved steps, the writing prompts, and the blind graders who can grade now (active, invitation accepted,
   * interviewers who are neither managers nor admins). Positions whose steps were never saved are not in the map.
   */
  async vettingSetups(positionIds: number[]): Promise<Map<number, VettingSetup>> {
    const ids = positionIds.map(Number).join(', ');
    const rows = (await this.uow.manager.query(
      `SELECT c."positionId" AS "positionId", c."assessmentRequired", c."writingRequired", c."presentationRequired",
        (SELECT COUNT(*) FROM writing_prompts p WHERE p."positionId" = c."positionId") AS "prompts",
        (SELECT COUNT(*) FROM position_graders g JOIN users u ON u.id = g."userId"
          WHERE g."positionId" = c."positionId" AND u.active = TRUE AND u."passwordHash" IS NOT NULL
          AND EXISTS (SELECT 1 FROM user_roles r WHERE r."userId" = u.id AND r.role = 'interviewer')
          AND NOT EXISTS (SELECT 1 FROM user_roles r WHERE r."userId" = u.id AND r.role IN ('manager', 'admin'))
        ) AS "graders"
      FROM vetting_configs c WHERE c."positionId" IN (${ids})`,
    )) as Record<string, unknown>[];
    return new Map(
      rows.map((row) => [
        Number(row.positionId),
        {
          assessmentRequired: Boolean(row.assessmentRequired),
          writingRequired: Boolean(row.writingRequired),
          presentationRequired: Boolean(row.presentationRequired),
          prompts: Number(row.prompts),
          graders: Number(row.graders),
        },
      ]),
    );
  }

  async checkPhraseExists(list: CheckPhraseList, phrase: string): Promise<boolean> {
    return this.uow.repository(CheckPhrase).existsBy({ list, phrase });
  }

  async removeCheckPhrase(id: number): Promise<void> {
    await this.uow.repository(CheckPhrase).delete({ id });
  }
}
