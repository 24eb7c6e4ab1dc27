import { Module } from '@nestjs/common';
import { CandidatesModule } from '../candidates/candidates.module.js';
import { FilesModule } from '../files/files.module.js';
import { MailModule } from '../mail/mail.module.js';
import { PositionsModule } from '../positions/positions.module.js';
import { VettingModule } from '../vetting/vetting.module.js';
import { InterviewsSection, UpcomingInterviewsSection } from './hub.sections.js';
import { KitController, QuestionsController } from './interviews.controller.js';
import { InterviewsRepository } from './interviews.repository.js';
import { InterviewsService } from './interviews.service.js';
import { PanelController, SchedulingController } from './panel.controller.js';
import { PanelService } from './panel.service.js';
import { ScorecardRemindersService } from './scorecard-reminders.service.js';
import { SchedulingService } from './scheduling.service.js';

@Module({
  imports: [FilesModule, PositionsModule, CandidatesModule, VettingModule, MailModule],
  controllers: [QuestionsController, KitController, SchedulingController, PanelController],
  providers: [
    InterviewsService,
    InterviewsRepository,
    SchedulingService,
    PanelService,
    ScorecardRemindersService,
    InterviewsSection,
    UpcomingInterviewsSection,
  ],
  exports: [InterviewsService, InterviewsRepository, PanelService],
})
export class InterviewsModule {}
