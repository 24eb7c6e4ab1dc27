import { Injectable } from '@nestjs/common';
import type { PageRequest } from '../common/pagination.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { PositionVersion } from '../positions/entities/position-version.entity.js';
import { Position } from '../positions/entities/position.entity.js';

/** A place to filter the list by: a location as positions name it, or remote work. */
export type PlaceFilter = { remote: true } | { location: string };

/** The positions the careers site shows, and their published versions. */
@Injectable()
export class CareersRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Published and switched on for the careers site: the only positions a visitor ever sees listed. */
  private listed() {
    return this.uow
      .repository(Position)
      .createQueryBuilder('position')
      .where('position.status = :status', { status: 'published' })
      .andWhere('position.onCareersSite = :listed', { listed: true })
      .andWhere('position.publishedVersion IS NOT NULL');
  }

  /** One page of listed positions, the most recently listed first, optionally in one place: one query plus a count. */
  findListedPage(place: PlaceFilter | null, page: PageRequest): Promise<[Position[], number]> {
    const query = this.listed()
      .orderBy('position.careersListedAt', 'DESC')
      .addOrderBy('position.id', 'DESC')
      .skip((page.page - 1) * page.perPage)
      .take(page.perPage);
    if (place && 'remote' in place) query.andWhere('position.workplace = :remote', { remote: 'remote' });
    else if (place) query.andWhere('LOWER(TRIM(position.location)) = :place', { place: place.location.toLowerCase() });
    return query.getManyAndCount();
  }

  /** Where the listed positions are, once each. */
  listedPlaces(): Promise<{ location: string | null; workplace: string | null }[]> {
    return this.listed()
      .select('position.location', 'location')
      .addSelect('position.workplace', 'workplace')
      .distinct(true)
      .getRawMany();
  }

  /** The published versions the positions show now, in one query. */
  findPublishedVersions(positions: Position[]): Promise<PositionVersion[]> {
    const wanted = positions.filter((position) => position.publishedVersion !== null);
    if (!wanted.length) return Promise.resolve([]);
    return this.uow
      .repository(PositionVersion)
      .find({ where: wanted.map((position) => ({ positionId: position.id, number: position.publishedVersion! })) });
  }

  findVersion(positionId: number, number: number): Promise<PositionVersion | null> {
    return this.uow.repository(PositionVersion).findOneBy({ positionId, number });
  }

  /** A position with its outcomes in order (the questions of its form are some of them). */
  findWithOutcomes(id: number): Promise<Position | null> {
    return this.uow.repository(Position).findOne({
      where: { id },
      relations: { outcomes: true },
      order: { outcomes: { sortOrder: 'ASC' } },
    });
  }
}
