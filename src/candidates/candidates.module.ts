import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { FilesModule } from '../files/files.module.js';
import { InterviewsRepository } from '../interviews/interviews.repository.js';
import { HiresRepository } from '../hires/hires.repository.js';
import { ReportUploadMiddleware, ResumeUploadMiddleware } from '../files/upload.js';
import { PortalDeckUploadMiddleware } from './portal-upload.middleware.js';
import { PositionsModule } from '../positions/positions.module.js';
import { VettingModule } from '../vetting/vetting.module.js';
import { ApplicationsController, PositionApplicationsController } from './applications.controller.js';
import { CandidatesController } from './candidates.controller.js';
import { CandidatesRepository } from './candidates.repository.js';
import { CandidatesService } from './candidates.service.js';
import { PipelineService } from './pipeline.service.js';
import { PortalController } from './portal.controller.js';
import { RejectionReasonsController } from './rejection-reasons.controller.js';

@Module({
  imports: [FilesModule, PositionsModule, VettingModule],
  controllers: [
    CandidatesController,
    ApplicationsController,
    PositionApplicationsController,
    RejectionReasonsController,
    PortalController,
  ],
  providers: [CandidatesRepository, CandidatesService, PipelineService, InterviewsRepository, HiresRepository],
  exports: [PipelineService],
})
export class CandidatesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(ResumeUploadMiddleware)
      .forRoutes(
        { path: 'candidates', method: RequestMethod.POST },
        { path: 'candidates/:id', method: RequestMethod.POST },
      );
    consumer
      .apply(ReportUploadMiddleware)
      .forRoutes({ path: 'applications/:id/assessment', method: RequestMethod.POST });
    consumer
      .apply(PortalDeckUploadMiddleware)
      .forRoutes({ path: 'portal/:token/presentation', method: RequestMethod.POST });
  }
}
