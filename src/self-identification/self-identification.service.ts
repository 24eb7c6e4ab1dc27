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

  async saveSettings(user: User, enabled: boolean, countries: string | null): Promise<SelfIdentificationSwitch> {
    const names = parseCountries(countries);
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
