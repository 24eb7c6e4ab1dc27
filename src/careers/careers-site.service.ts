import { Injectable } from '@nestjs/common';
import { DomainError, notFound } from '../common/errors.js';
import { pageRequest, pageView } from '../common/pagination.js';
import type { Position, PositionStatus } from '../positions/entities/position.entity.js';
import type { PositionSnapshot } from '../positions/position-snapshot.js';
import { CareersRepository, type PlaceFilter } from './careers.repository.js';
import { careersPath, mapListing, parseRef, placeChoices, REMOTE_PLACE } from './careers.view.js';
import type { CareersQueryDto } from './dto/careers.dto.js';

export const CAREERS_PAGE_SIZE = 20;

/** Statuses after which a once-listed position's page says it is no longer open (410) rather than "not found". */
const GONE_STATUSES: PositionStatus[] = ['on-hold', 'filled', 'closed'];

/** A position that was on the careers site and is not any more: its page answers 410 Gone. */
export class PositionGoneError extends DomainError {
  constructor(readonly positionTitle: string) {
    super('gone', `The ${positionTitle} position is no longer open.`);
  }
}

/** A position open on the careers site, as its public page shows it. */
export interface OpenPosition {
  position: Position;
  snapshot: PositionSnapshot;
  canonicalPath: string;
}

/**
 * What the public careers site reads: the listed positions and the one behind an address. A visitor only ever sees
 * the published version of a position that is published and switched on for the site.
 */
@Injectable()
export class CareersSiteService {
  constructor(private readonly careers: CareersRepository) {}

  async list(query: CareersQueryDto) {
    const places = placeChoices(await this.careers.listedPlaces());
    const place = query.place?.trim() || null;
    const filter: PlaceFilter | null = !place ? null : place === REMOTE_PLACE ? { remote: true } : { location: place };
    const request = pageRequest(query.page, CAREERS_PAGE_SIZE);
    const [positions, total] = await this.careers.findListedPage(filter, request);
    const versions = await this.careers.findPublishedVersions(positions);
    const snapshotOf = (position: Position) =>
      versions.find((version) => version.positionId === position.id && version.number === position.publishedVersion);
    return {
      positions: positions.flatMap((position) => {
        const version = snapshotOf(position);
        return version ? [mapListing(position, version.snapshot)] : [];
      }),
      total,
      place,
      places: places.length > 1 || (place && !places.includes(place)) ? places : [],
      pagination: pageView(request, total, '/careers', { place: place ?? undefined }),
    };
  }

  /**
   * The open position behind a careers address (the id decides; the slug may be anything). A position that was listed
   * and is now on hold, filled or closed is gone (410); a draft, an unknown id, or one never or no longer switched on
   * for the site while published is not found (404).
   */
  async open(ref: string): Promise<OpenPosition> {
    const { position, snapshot } = await this.find(ref);
    if (position.status !== 'published' || !position.onCareersSite) {
      if (position.careersListedAt && GONE_STATUSES.includes(position.status))
        throw new PositionGoneError(snapshot.title);
      throw notFound('That position');
    }
    return { position, snapshot, canonicalPath: careersPath(position.id, snapshot.title) };
  }

  /** A position that has been on the careers site, open or not (the pages shown after applying). */
  async listedOnce(ref: string): Promise<{ title: string; canonicalPath: string }> {
    const { position, snapshot } = await this.find(ref);
    if (!position.careersListedAt) throw notFound('That position');
    return { title: snapshot.title, canonicalPath: careersPath(position.id, snapshot.title) };
  }

  private async find(ref: string): Promise<{ position: Position; snapshot: PositionSnapshot }> {
    const parsed = parseRef(ref);
    const position = parsed ? await this.careers.findWithOutcomes(parsed.id) : null;
    const version = position?.publishedVersion
      ? await this.careers.findVersion(position.id, position.publishedVersion)
      : null;
    if (!position || !version) throw notFound('That position');
    return { position, snapshot: version.snapshot };
  }
}
