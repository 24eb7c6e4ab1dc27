import { Module } from '@nestjs/common';
import { AnonymisationService } from './anonymisation.service.js';
import { AnonymisationRepository } from './anonymisation.repository.js';

/** Data protection (issue 15): anonymisation and candidates' erasure requests. */
@Module({
  providers: [AnonymisationRepository, AnonymisationService],
  exports: [AnonymisationService],
})
export class DataProtectionModule {}
