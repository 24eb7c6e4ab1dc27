import { Injectable } from '@nestjs/common';
import type { FormPage } from '../common/decorators.js';
import { FormInvalidError, notFound } from '../common/errors.js';
import { CandidatesRepository } from './candidates.repository.js';
import { CompanyService } from '../company/company.service.js';
import {
  STAGE_GROUP_LABELS,
  STAGE_GROUPS,
  type RejectionReason,
  type StageGroup,
} from './entities/rejection-reason.entity.js';

/** The admin's list of rejection reasons. Reasons in use are retired, never deleted. */
@Injectable()
export class RejectionReasonsService implements FormPage {
  readonly view = 'candidates/rejection-reasons';

  constructor(
    private readonly candidates: CandidatesRepository,
    private readonly company: CompanyService,
  ) {}

  async build() {
    const [reasons, rejectionDelayDays] = await Promise.all([
      this.candidates.findAllReasons(),
      this.company.rejectionDelayDays(),
    ]);
    return {
      title: 'Rejection reasons',
      groups: STAGE_GROUPS.map((value) => ({ value, label: STAGE_GROUP_LABELS[value] })),
      reasons: reasons.map((reason) => ({
        id: reason.id,
        label: reason.label,
        active: reason.active,
        stageGroup: reason.stageGroup,
        groupLabel: STAGE_GROUP_LABELS[reason.stageGroup],
      })),
      values: { stageGroup: 'any', rejectionDelayDays: String(rejectionDelayDays) },
    };
  }

  async add(label: string, stageGroup: StageGroup): Promise<void> {
    if (await this.candidates.reasonLabelExists(label))
      throw FormInvalidError.single('label', 'That reason is already on the list');
    const count = (await this.candidates.findAllReasons()).length;
    await this.candidates.saveReason({ label, active: true, sortOrder: count, stageGroup });
  }

  /** Where in the process the reason may be given. */
  async setGroup(id: number, stageGroup: StageGroup): Promise<RejectionReason> {
    const reason = await this.candidates.findReason(id);
    if (!reason) throw notFound('That reason');
    await this.candidates.saveReason({ id, stageGroup });
    return reason;
  }

  /** How many days a rejection message waits by default (it can be undone until it goes). */
  saveDelay(days: number): Promise<void> {
    return this.company.saveRejectionDelay(days);
  }

  /** Retires an offered reason or offers a retired one again; returns the reason as it was. */
  async toggle(id: number): Promise<RejectionReason> {
    const reason = await this.candidates.findReason(id);
    if (!reason) throw notFound('That reason');
    await this.candidates.saveReason({ id, active: !reason.active });
    return reason;
  }
}
