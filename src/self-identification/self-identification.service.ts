import { requireConfirmed } from '../common/confirmation.js';
import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import type { Position } from '../positions/entities/position.entity.js';
import { anyAnswer, locationMatches, parseCountries, type Answers } from './self-identification.js';
import { SelfIdentificationRepository } from './self-identification.repository.js';

export interface SelfIdentificationSwitch {
  enabled: boolean;
  countries: string[];
}

/**
 * Voluntary self-identification: whether a position's candidates are asked (the admin's switch), and storing what a
 * candidate answers. Write-only for everyone but the candidate: answers are never listed here.
 */
@Injectable()
export class SelfIdentificationService {
  constructor(private readonly repository: SelfIdentificationRepository) {}

  async settings(): Promise<SelfIdentificationSwitch> {
    const row = await this.repository.settings();
    return { enabled: row?.enabled ?? true, countries: parseCountries(row?.countries) };
  }

  /**
   * Saves who is asked, once the admin has confirmed what changes (an admin action of issue 15: confirmed, and kept
   * in the audit trail through the settings row). Saving what is already there needs no confirmation.
   */
  async saveSettings(
    user: User,
    enabled: boolean,
    countries: string | null,
    confirm?: string,
  ): Promise<SelfIdentificationSwitch> {
    const names = parseCountries(countries);
    const now = await this.settings();
    const changes: string[] = [];
    if (now.enabled && !enabled)
      changes.push('Candidates will no longer be asked; the answers already given stay in the report.');
    if (!now.enabled && enabled) changes.push('Candidates will be asked the voluntary questions from now on.');
    if (enabled && names.join(', ') !== now.countries.join(', '))
      changes.push(
        names.length
          ? `Only candidates for positions in ${names.join(', ')} will be asked.`
          : 'Candidates for every position will be asked.',
      );
    requireConfirmed(confirm, changes);
    await this.repository.saveSettings({ enabled, countries: names.join(', ') || null, updatedById: user.id });
    return { enabled, countries: names };
  }

  /** Whether candidates for this position are asked: the section is on, and the position is in a listed country. */
  async asksFor(position: Pick<Position, 'location'>): Promise<boolean> {
    const { enabled, countries } = await this.settings();
    return enabled && locationMatches(position.location, countries);
  }

  /** Records the answers (inside the caller's unit of work, e.g. the application's); nothing when all are blank. */
  async record(applicationId: number, answers: Answers): Promise<void> {
    if (anyAnswer(answers)) await this.repository.save(applicationId, answers);
  }

  /** The candidate's own answers, for their portal page. */
  async answersOf(applicationId: number): Promise<Partial<Answers>> {
    const row = await this.repository.findFor(applicationId);
    return row ? { sex: row.sex, race: row.race, veteran: row.veteran, disability: row.disability } : {};
  }
}
