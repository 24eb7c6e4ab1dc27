import { Injectable } from '@nestjs/common';
import { OnStageChange, type StageChange, type StageListener } from '../candidates/application-hub.js';
import { sendCandidateTemplate } from '../candidates/candidate-mail.js';
import { MailService } from '../mail/mail.service.js';

/**
 * A withdrawal, whether the candidate asked in the portal or the hiring team recorded it, is confirmed to the
 * candidate in the move's transaction. It is the last message they receive (see mayMailCandidate).
 */
@Injectable()
@OnStageChange()
export class WithdrawalMessage implements StageListener {
  constructor(private readonly mail: MailService) {}

  async onStageChange({ application, to }: StageChange): Promise<void> {
    if (to !== 'withdrawn') return;
    await sendCandidateTemplate(this.mail, { ...application, stage: to }, 'withdrawn');
  }
}
