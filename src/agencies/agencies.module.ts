import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { CandidatesModule } from '../candidates/candidates.module.js';
import { CareersModule } from '../careers/careers.module.js';
import { PositionsModule } from '../positions/positions.module.js';
import { VettingModule } from '../vetting/vetting.module.js';
import { AgenciesAccess } from './agencies.access.js';
import { AgenciesController } from './agencies.controller.js';
import {
  AgencyListPage,
  AgencyPage,
  DeactivateAgencyPage,
  EditAgencyPage,
  RecruiterPage,
  RemoveRecruiterPage,
} from './agencies.pages.js';
import { AgenciesRepository } from './agencies.repository.js';
import { AgenciesService } from './agencies.service.js';
import { AgencyPortalController } from './agency-portal.controller.js';
import {
  AgencyBriefPage,
  AgencyPositionsPage,
  AgencySubmissionPage,
  AgencySubmissionsPage,
} from './agency-portal.pages.js';
import { AgencyPortalService } from './agency-portal.service.js';
import { AgencyUploadMiddleware } from './agency-upload.middleware.js';
import { AgencySubmissionSection } from './application-agency.section.js';

/**
 * Outside agencies: admins set their terms and invite their recruiters; a recruiter works in their own portal from
 * the outcome-based brief of the positions assigned to them. The application page shows who put a candidate forward.
 */
@Module({
  imports: [AccountsModule, PositionsModule, CandidatesModule, VettingModule, CareersModule],
  controllers: [AgenciesController, AgencyPortalController],
  providers: [
    AgenciesRepository,
    AgenciesAccess,
    AgenciesService,
    AgencyPortalService,
    AgencyListPage,
    AgencyPage,
    EditAgencyPage,
    RecruiterPage,
    DeactivateAgencyPage,
    RemoveRecruiterPage,
    AgencyPositionsPage,
    AgencyBriefPage,
    AgencySubmissionsPage,
    AgencySubmissionPage,
    AgencySubmissionSection,
  ],
  exports: [AgenciesAccess],
})
export class AgenciesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AgencyUploadMiddleware).forRoutes({ path: 'agency/positions/:id', method: RequestMethod.POST });
  }
}
