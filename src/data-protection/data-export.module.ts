import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { PublicLayoutMiddleware } from '../company/public-layout.middleware.js';
import { FilesModule } from '../files/files.module.js';
import { SelfIdentificationModule } from '../self-identification/self-identification.module.js';
import { VettingModule } from '../vetting/vetting.module.js';
import { CandidateExportController, PortalDataExportController } from './candidate-export.controller.js';
import { CandidateExportSection, PortalDataExportSection } from './candidate-export.section.js';
import { ExportCandidatePage } from './candidate-export.page.js';
import { CandidateExportService } from './candidate-export.service.js';
import { DataExportAccess } from './data-export.access.js';
import { DataExportRepository } from './data-export.repository.js';

/** A candidate's data as a ZIP (GDPR Art. 15 and 20): from their portal, and for admins from the candidate page. */
@Module({
  imports: [FilesModule, VettingModule, SelfIdentificationModule],
  controllers: [PortalDataExportController, CandidateExportController],
  providers: [
    DataExportRepository,
    DataExportAccess,
    CandidateExportService,
    ExportCandidatePage,
    CandidateExportSection,
    PortalDataExportSection,
  ],
})
export class DataExportModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // An expired or revoked link is refused in the company's name, like every portal page.
    consumer.apply(PublicLayoutMiddleware).forRoutes(PortalDataExportController);
  }
}
