import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { PanelService } from './panel.service.js';

/** Every quarter hour, mails panelists whose scorecard is more than 24 hours past the interview. */
@Injectable()
export class ScorecardRemindersService {
  private readonly logger = new Logger(ScorecardRemindersService.name);

  constructor(private readonly panel: PanelService) {}

  @Interval('scorecard-reminders', 15 * 60_000)
  async run(): Promise<void> {
    try {
      const reminded = await this.panel.remindOverdue();
      if (reminded) this.logger.log({ message: 'Reminded panelists of overdue scorecards', reminded });
    } catch (error) {
      this.logger.error({ message: 'Scorecard reminders failed', error: (error as Error).message });
    }
  }
}
