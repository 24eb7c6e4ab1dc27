import { RevokePortalLinkPage } from './portal-revoke.page.js';
import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AccountsModule } from '../accounts/accounts.module.js';
import { CandidatesModule } from '../candidates/candidates.module.js';
import { FilesModule } from '../files/files.module.js';
import { ReportUploadMiddleware } from '../files/upload.js';
import { MailModule } from '../mail/mail.module.js';
import { PositionsModule } from '../positions/positions.module.js';
import {
  AssessmentSection,
  PortalLinkSection,
  PresentationSection,
  VettingGateSection,
  WritingSection,
} from './application.sections.js';
import { ApplicationVettingController } from './application-vetting.controller.js';
import { ApplicationVettingService } from './application-vetting.service.js';
import { GradingController } from './grading.controller.js';
import { GradePage, GradingIndexPage, PresentationScorePage } from './grading.pages.js';
import { GradingService } from './grading.service.js';
import { PipelineHooks } from './pipeline.hooks.js';
import { PortalDeckUploadMiddleware } from './portal-upload.middleware.js';
import { PublicLayoutMiddleware } from '../company/public-layout.middleware.js';
import { PortalController } from './portal.controller.js';
import { PortalClosingService } from './portal-closing.service.js';
import { PortalHomePage, PortalWritingPage } from './portal.pages.js';
import { PortalService } from './portal.service.js';
import { PortalTasksService } from './portal-tasks.service.js';
import { PresentationService } from './presentation.service.js';
import { PresentationsController } from './presentations.controller.js';
import { VettingConfigController } from './vetting-config.controller.js';
import { VettingConfigPage } from './vetting-config.page.js';
import { VettingStepsService } from './vetting-steps.service.js';
import { VettingAccess } from './vetting.access.js';
import { VettingRepository } from './vetting.repository.js';
import { VettingService } from './vetting.service.js';
import { WritingTestService } from './writing-test.service.js';

/** Vetting before any interview: assessment, blind-graded writing test, research presentation, and the candidate portal. */
@Module({
  imports: [AccountsModule, FilesModule, PositionsModule, CandidatesModule, MailModule, DiscoveryModule],
  controllers: [
    VettingConfigController,
    GradingController,
    PresentationsController,
    ApplicationVettingController,
    PortalController,
  ],
  providers: [
    VettingRepository,
    VettingAccess,
    VettingService,
    VettingStepsService,
    WritingTestService,
    PortalService,
    PortalClosingService,
    GradingService,
    PresentationService,
    ApplicationVettingService,
    PortalTasksService,
    PortalHomePage,
    RevokePortalLinkPage,
    PortalWritingPage,
    GradingIndexPage,
    GradePage,
    PresentationScorePage,
    VettingConfigPage,
    VettingGateSection,
    PortalLinkSection,
    WritingSection,
    PresentationSection,
    AssessmentSection,
    ...PipelineHooks,
  ],
  exports: [VettingService, WritingTestService, PortalService, GradingService, PresentationService],
})
export class VettingModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // The layout first: a refused upload or an expired link is shown in the company's name.
    consumer.apply(PublicLayoutMiddleware).forRoutes(PortalController);
    consumer
      .apply(ReportUploadMiddleware)
      .forRoutes({ path: 'applications/:id/assessment', method: RequestMethod.POST });
    consumer
      .apply(PortalDeckUploadMiddleware)
      .forRoutes({ path: 'portal/:token/presentation', method: RequestMethod.POST });
  }
}
