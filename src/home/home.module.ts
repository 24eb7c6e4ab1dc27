import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { CandidatesModule } from '../candidates/candidates.module.js';
import { MailModule } from '../mail/mail.module.js';
import { PositionsModule } from '../positions/positions.module.js';
import { VettingModule } from '../vetting/vetting.module.js';
import { InterviewsModule } from '../interviews/interviews.module.js';
import { HiresModule } from '../hires/hires.module.js';
import { AgenciesModule } from '../agencies/agencies.module.js';
import { InsightsModule } from '../insights/insights.module.js';
import { DataProtectionModule } from '../data-protection/data-protection.module.js';
import { HomeController } from './home.controller.js';
import { HomePage } from './home.page.js';
import { HomeService } from './home.service.js';
import { SettingsController } from './settings.controller.js';

@Module({
  imports: [
    AccountsModule,
    MailModule,
    PositionsModule,
    VettingModule,
    CandidatesModule,
    InterviewsModule,
    HiresModule,
    AgenciesModule,
    InsightsModule,
    DataProtectionModule,
  ],
  controllers: [HomeController, SettingsController],
  providers: [HomeService, HomePage],
})
export class HomeModule {}
