import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';
import { SelfIdentification, SelfIdentificationSettings } from './entities/self-identification.entity.js';
import type { Answers } from './self-identification.js';

/** The only place self-identification meets TypeORM. Nothing here lists or searches answers: one application at a time. */
@Injectable()
export class SelfIdentificationRepository {
  constructor(private readonly uow: UnitOfWork) {}

  settings(): Promise<SelfIdentificationSettings | null> {
    return this.uow.repository(SelfIdentificationSettings).findOne({ where: {}, order: { id: 'ASC' } });
  }

  async saveSettings(values: Pick<SelfIdentificationSettings, 'enabled' | 'countries' | 'updatedById'>) {
    const repository = this.uow.repository(SelfIdentificationSettings);
    const current = await this.settings();
    return repository.save(Object.assign(current ?? repository.create(), values));
  }

  /** The candidate's own answers for one application (their portal page shows them back to them). */
  findFor(applicationId: number): Promise<SelfIdentification | null> {
    return this.uow.repository(SelfIdentification).findOneBy({ applicationId });
  }

  /** One row per application: a second answer replaces the first. */
  async save(applicationId: number, answers: Answers): Promise<void> {
    await this.uow.repository(SelfIdentification).upsert({ applicationId, ...answers }, ['applicationId']);
  }
}
