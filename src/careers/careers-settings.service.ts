import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { FormInvalidError, type FieldErrors } from '../common/errors.js';
import { CompanyService } from '../company/company.service.js';
import { STALE_FORM } from '../development/plan-templates.service.js';
import type { Position } from '../positions/entities/position.entity.js';
import { PositionsService } from '../positions/positions.service.js';
import { PublishingService } from '../positions/publishing.service.js';
import { CareersSettingsRepository } from './careers-settings.repository.js';
import type { CareersSettingsDto } from './dto/careers-admin.dto.js';

/** A position's careers-site settings as its page shows them. */
export interface CareersSettings {
  position: Position;
  /** Why it cannot be listed now (empty when it can). */
  blockers: string[];
  /** Listed and published: on /careers at this moment. */
  live: boolean;
}

/**
 * Whether a position is on the careers site, which outcomes its application form asks about, and who reads the
 * answers. Whoever may change the position may change these (the positions access rule).
 *
 * Listing needs a published position that is ready to recruit and a privacy notice; it is checked when the box is
 * ticked. The choice is kept through status changes: the careers site lists only published positions, so putting a
 * position on hold or closing it takes it off at once, and taking it off hold lists it again while the box stays ticked.
 */
@Injectable()
export class CareersSettingsService {
  constructor(
    private readonly positions: PositionsService,
    private readonly publishing: PublishingService,
    private readonly company: CompanyService,
    private readonly repository: CareersSettingsRepository,
  ) {}

  async settingsOf(user: User, id: number): Promise<CareersSettings> {
    const position = await this.positions.requireEditable(user, id);
    return {
      position,
      blockers: await this.listingBlockers(position),
      live: position.onCareersSite && position.status === 'published',
    };
  }

  /** Saves the settings; returns what changed about the listing, for the message after the save. */
  async save(user: User, id: number, dto: CareersSettingsDto): Promise<'listed' | 'unlisted' | 'saved'> {
    const position = await this.positions.requireEditable(user, id);
    if (dto.lockVersion !== position.lockVersion) throw new FormInvalidError({ _form: [STALE_FORM] }, 'conflict');
    const listing = dto.onCareersSite === '1';
    const errors = this.questionErrors(position, dto);
    if (listing && !position.onCareersSite) {
      const blockers = await this.listingBlockers(position);
      if (blockers.length > 0)
        errors.onCareersSite = [`It cannot be shown on the careers site yet: ${blockers.join('; ')}.`];
    }
    if (Object.keys(errors).length > 0) throw new FormInvalidError(errors);

    const change = listing === position.onCareersSite ? 'saved' : listing ? 'listed' : 'unlisted';
    await this.repository.transaction(async () => {
      const saved = await this.repository.saveAtVersion(id, position.lockVersion, {
        onCareersSite: listing,
        careersListedAt: position.careersListedAt ?? (listing ? new Date() : null),
        answerWordLimit: dto.answerWordLimit,
        answersToGraders: dto.answersToGraders === '1',
      });
      if (!saved) throw new FormInvalidError({ _form: [STALE_FORM] }, 'conflict');
      const ask = new Set(dto.ask);
      const required = new Set(dto.required);
      await this.repository.saveQuestions(
        id,
        position.outcomes.map((outcome) => ({
          id: outcome.id,
          askOnApplication: ask.has(outcome.id),
          answerRequired: ask.has(outcome.id) && required.has(outcome.id),
        })),
      );
      await this.repository.addEvent(id, user.id, EVENT_SUMMARIES[change]);
    });
    return change;
  }

  /** What stands between the position and the careers site: not published, not ready to recruit, no privacy notice. */
  private async listingBlockers(position: Position): Promise<string[]> {
    const [readiness, notice] = await Promise.all([
      this.publishing.readinessOf(position.id),
      this.company.currentNotice(),
    ]);
    const blockers = readiness.items.filter((item) => !item.done).map((item) => item.missing);
    if (!notice) blockers.push('no privacy notice is written yet (an admin writes it in Settings)');
    return blockers;
  }

  private questionErrors(position: Position, dto: CareersSettingsDto): FieldErrors {
    const outcomeIds = new Set(position.outcomes.map((outcome) => outcome.id));
    if ([...dto.ask, ...dto.required].some((outcomeId) => !outcomeIds.has(outcomeId)))
      return { _form: ['Choose among this position’s outcomes: the form was out of date. Reload the page.'] };
    const ask = new Set(dto.ask);
    const errors: FieldErrors = {};
    for (const outcomeId of dto.required)
      if (!ask.has(outcomeId))
        errors[`outcome_${outcomeId}`] = [
          'Tick “Ask about this outcome” as well, or untick “Answer required”: only a question asked can be required',
        ];
    return errors;
  }
}

const EVENT_SUMMARIES = {
  listed: 'Listed the position on the careers site',
  unlisted: 'Took the position off the careers site',
  saved: 'Changed the careers-site settings',
} as const;
