import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { CandidatesModule } from '../candidates/candidates.module.js';
import { PublicLayoutMiddleware } from '../company/public-layout.middleware.js';
import { MailModule } from '../mail/mail.module.js';
import { AnonymisationRepository } from './anonymisation.repository.js';
import { AnonymisationService } from './anonymisation.service.js';
import { CandidateErasureController } from './candidate-erasure.controller.js';
import { DataRequestsController } from './data-requests.controller.js';
import { DataRequestPage } from './data-requests.pages.js';
import { DataRequestsRepository } from './data-requests.repository.js';
import { DataRequestsService } from './data-requests.service.js';
import { LegalHoldModule } from './legal-hold.module.js';
import { PortalDataController } from './portal-data.controller.js';

/** Data protection (issue 15): anonymisation, and candidates' erasure requests with the admins' queue. */
@Module({
  imports: [CandidatesModule, MailModule, LegalHoldModule],
  controllers: [PortalDataController, DataRequestsController, CandidateErasureController],
  providers: [
    AnonymisationRepository,
    AnonymisationService,
    DataRequestsRepository,
    DataRequestsService,
    DataRequestPage,
  ],
  exports: [AnonymisationService, DataRequestsService],
})
export class DataProtectionModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Candidates' pages are in the company's name, errors included.
    consumer.apply(PublicLayoutMiddleware).forRoutes(PortalDataController);
  }
}
