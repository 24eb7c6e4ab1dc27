import { Injectable } from '@nestjs/common';
import { PrivacyNotice } from '../company/entities/privacy-notice.entity.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { Outcome } from '../positions/entities/outcome.entity.js';
import { PositionEvent } from '../positions/entities/position-event.entity.js';
import { Position } from '../positions/entities/position.entity.js';

/** What a position's careers-site settings change in one save. */
export interface CareersFields {
  onCareersSite: boolean;
  careersListedAt: Date | null;
  answerWordLimit: number;
  answersToGraders: boolean;
}

export interface OutcomeQuestionFlags {
  id: number;
  askOnApplication: boolean;
  answerRequired: boolean;
}

/** The only place the careers site's staff settings meet TypeORM: a position's listing and questions, notice history. */
@Injectable()
export class CareersSettingsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.uow.run(() => work());
  }

  /**
   * Saves the settings only at the version the form saw, bumping it (an editor form opened before is then stale and
   * cannot write back old values); false when someone else saved since.
   */
  async saveAtVersion(positionId: number, seen: number, fields: CareersFields): Promise<boolean> {
    const result = await this.uow
      .repository(Position)
      .createQueryBuilder()
      .update()
      .set({ ...fields, lockVersion: () => '"lockVersion" + 1' } as never)
      .where('id = :id AND "lockVersion" = :seen', { id: positionId, seen })
      .execute();
    return result.affected === 1;
  }

  async saveQuestions(positionId: number, flags: OutcomeQuestionFlags[]): Promise<void> {
    for (const { id, ...values } of flags) await this.uow.repository(Outcome).update({ id, positionId }, values);
  }

  async addEvent(positionId: number, byId: number, summary: string): Promise<void> {
    const events = this.uow.repository(PositionEvent);
    await events.save(events.create({ positionId, byId, summary }));
  }

  /** Every version of the privacy notice, newest first. */
  notices(): Promise<PrivacyNotice[]> {
    return this.uow.repository(PrivacyNotice).find({ order: { version: 'DESC' } });
  }
}
