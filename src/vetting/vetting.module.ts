import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module.js';
import { PositionsModule } from '../positions/positions.module.js';
import { VettingConfigController } from './vetting-config.controller.js';
import { GradingController } from './grading.controller.js';
import { GradingService } from './grading.service.js';
import { PortalService } from './portal.service.js';
import { PresentationService } from './presentation.service.js';
import { PresentationsController } from './presentations.controller.js';
import { VettingService } from './vetting.service.js';
import { WritingTestService } from './writing-test.service.js';
import { MailModule } from '../mail/mail.module.js';

@Module({
  imports: [FilesModule, PositionsModule, MailModule],
  controllers: [VettingConfigController, GradingController, PresentationsController],
  providers: [VettingService, WritingTestService, PortalService, GradingService, PresentationService],
  exports: [VettingService, WritingTestService, PortalService, GradingService, PresentationService],
})
export class VettingModule {}
