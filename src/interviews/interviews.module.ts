import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { CandidatesModule } from '../candidates/candidates.module.js';
import { FilesModule } from '../files/files.module.js';
import { MailModule } from '../mail/mail.module.js';
import { PositionsModule } from '../positions/positions.module.js';
import { VettingModule } from '../vetting/vetting.module.js';
import { InterviewsSection, UpcomingInterviewsSection } from './hub.sections.js';
import { InterviewsAccess } from './interviews.access.js';
import { KitController, QuestionsController } from './interviews.controller.js';
import { InterviewsRepository } from './interviews.repository.js';
import { InterviewsService } from './interviews.service.js';
import { DebriefPage, InterviewPage, ScorecardPage } from './pages/panel.pages.js';
import { KitPage, QuestionEditPage, QuestionsPage } from './pages/question-bank.pages.js';
import { CancelInterviewPage, ChangeInterviewPage, NewInterviewPage } from './pages/scheduling.pages.js';
import { PanelController, SchedulingController } from './panel.controller.js';
import { PanelService } from './panel.service.js';
import { CandidateRemindersService } from './candidate-reminders.service.js';
import { ScorecardRemindersService } from './scorecard-reminders.service.js';
import { SchedulingService } from './scheduling.service.js';

@Module({
  imports: [FilesModule, AccountsModule, PositionsModule, CandidatesModule, VettingModule, MailModule],
  controllers: [QuestionsController, KitController, SchedulingController, PanelController],
  providers: [
    InterviewsAccess,
    InterviewsRepository,
    InterviewsService,
    SchedulingService,
    PanelService,
    ScorecardRemindersService,
    CandidateRemindersService,
    InterviewsSection,
    UpcomingInterviewsSection,
    QuestionsPage,
    QuestionEditPage,
    KitPage,
    NewInterviewPage,
    ChangeInterviewPage,
    CancelInterviewPage,
    InterviewPage,
    ScorecardPage,
    DebriefPage,
  ],
  exports: [InterviewsService, InterviewsRepository, PanelService],
})
export class InterviewsModule {}
