import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { JobRunner } from '../jobs/job-runner.js';
import { PanelService } from './panel.service.js';

/**
 * Every REMINDER_SWEEP_SECONDS (a quarter hour by default), in one process of the deployment, mails
 * panelists whose scorecard is more than 24 hours past the interview.
 */
@Injectable()
export class ScorecardRemindersService implements OnModuleInit {
  private readonly logger = new Logger(ScorecardRemindersService.name);

  constructor(
    private readonly panel: PanelService,
    private readonly jobs: JobRunner,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.every('scorecard-reminders', this.config.reminderSweepSeconds, () => this.run());
  }

  async run(): Promise<void> {
    const reminded = await this.panel.remindOverdue();
    if (reminded) this.logger.log({ message: 'Reminded panelists of overdue scorecards', reminded });
  }
}
