import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { CandidatesModule } from '../candidates/candidates.module.js';
import { FilesModule } from '../files/files.module.js';
import { MailModule } from '../mail/mail.module.js';
import { PositionsModule } from '../positions/positions.module.js';
import { VettingModule } from '../vetting/vetting.module.js';
import { IntakeService } from './intake.service.js';

/** The careers site: published positions for anyone to read, and the application form behind them. */
@Module({
  imports: [AccountsModule, FilesModule, MailModule, PositionsModule, CandidatesModule, VettingModule],
  providers: [IntakeService],
  exports: [IntakeService],
})
export class CareersModule {}
