import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { mayMailCandidate, sendCandidateTemplate } from '../candidates/candidate-mail.js';
import { AppConfig } from '../config/app-config.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { JobRunner } from '../jobs/job-runner.js';
import { MailService } from '../mail/mail.service.js';
import { InterviewsRepository } from './interviews.repository.js';

const DAY = 24 * 3_600_000;

/**
 * Every REMINDER_SWEEP_SECONDS, in one process of the deployment, sends the interview reminder template to each
 * candidate whose interview starts within the next 24 hours: once per interview (candidateRemindedAt), never for a
 * cancelled or decided interview, and never to a closed application's candidate (mayMailCandidate).
 */
@Injectable()
export class CandidateRemindersService implements OnModuleInit {
  private readonly logger = new Logger(CandidateRemindersService.name);

  constructor(
    private readonly interviews: InterviewsRepository,
    private readonly mail: MailService,
    private readonly jobs: JobRunner,
    private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
  ) {}

  onModuleInit(): void {
    this.jobs.every('candidate-interview-reminders', this.config.reminderSweepSeconds, () => this.run());
  }

  async run(now = new Date()): Promise<number> {
    let reminded = 0;
    for (const interview of await this.interviews.findCandidateRemindersDue(now, new Date(now.getTime() + DAY))) {
      if (!mayMailCandidate(interview.application, 'interview-reminder')) continue;
      // The claim and the reminder's outbox row commit together, so each interview's candidate is reminded once.
      const sent = await this.uow.run(async () => {
        if (!(await this.interviews.claimCandidateReminder(interview.id, now))) return false;
        return sendCandidateTemplate(this.mail, interview.application, 'interview-reminder', {
          meeting: { startsAt: interview.startsAt, durationMinutes: interview.durationMinutes },
          place: interview.location,
          panel: interview.panelists.map((seat) => seat.user.name).join(', '),
        });
      });
      if (sent) reminded += 1;
    }
    if (reminded) this.logger.log({ message: 'Reminded candidates of tomorrow’s interviews', reminded });
    return reminded;
  }
}
