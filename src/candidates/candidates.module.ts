import { CandidateDirectory } from './candidate-directory.service.js';
import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { FilesModule } from '../files/files.module.js';
import { ResumeUploadMiddleware } from '../files/upload.js';
import { MailModule } from '../mail/mail.module.js';
import { PositionsModule } from '../positions/positions.module.js';
import { ApplicationHistoryPage, ApplicationPage } from './application.page.js';
import { CandidateSection, PlanSharingSection } from './application.sections.js';
import { ApplicationsController, PositionApplicationsController } from './applications.controller.js';
import { ApplicationListPage, BoardPage } from './applications.pages.js';
import { CandidatesAccess } from './candidates.access.js';
import { CandidatesController } from './candidates.controller.js';
import { CandidatePage, EditCandidatePage, NewCandidatePage, OpenPositionChoices } from './candidates.pages.js';
import { CandidatesRepository } from './candidates.repository.js';
import { CandidatesService } from './candidates.service.js';
import { PipelineService } from './pipeline.service.js';
import { RejectionReasonsController } from './rejection-reasons.controller.js';
import { RejectionReasonsService } from './rejection-reasons.service.js';
import { BulkRejectionController, RejectionController } from './rejection.controller.js';
import { BulkRejectPage, RejectPage } from './rejection.pages.js';
import { PositionStatusController } from './position-status.controller.js';
import { PositionStatusPage } from './position-status.page.js';
import { PositionStatusService } from './position-status.service.js';
import { RejectionService } from './rejection.service.js';

/**
 * Candidates and their applications. The application page and the pipeline are a hub: vetting, interviews and
 * hires contribute sections, gates, board marks and stage listeners (application-hub.ts) without being imported.
 */
@Module({
  imports: [FilesModule, MailModule, PositionsModule, DiscoveryModule],
  controllers: [
    CandidatesController,
    ApplicationsController,
    PositionApplicationsController,
    RejectionReasonsController,
    RejectionController,
    BulkRejectionController,
    PositionStatusController,
  ],
  providers: [
    CandidatesRepository,
    CandidatesAccess,
    CandidatesService,
    PipelineService,
    CandidateDirectory,
    RejectionReasonsService,
    RejectionService,
    RejectPage,
    BulkRejectPage,
    PositionStatusService,
    PositionStatusPage,
    ApplicationPage,
    ApplicationHistoryPage,
    BoardPage,
    ApplicationListPage,
    OpenPositionChoices,
    NewCandidatePage,
    CandidatePage,
    EditCandidatePage,
    CandidateSection,
    PlanSharingSection,
  ],
  exports: [PipelineService, ApplicationPage, CandidateDirectory],
})
export class CandidatesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(ResumeUploadMiddleware)
      .forRoutes(
        { path: 'candidates', method: RequestMethod.POST },
        { path: 'candidates/:id', method: RequestMethod.POST },
      );
  }
}
