import { Injectable } from '@nestjs/common';
import type { FormPage } from '../common/decorators.js';
import { FormInvalidError, notFound } from '../common/errors.js';
import { CandidatesRepository } from './candidates.repository.js';
import type { RejectionReason } from './entities/rejection-reason.entity.js';

/** The admin's list of rejection reasons. Reasons in use are retired, never deleted. */
@Injectable()
export class RejectionReasonsService implements FormPage {
  readonly view = 'candidates/rejection-reasons';

  constructor(private readonly candidates: CandidatesRepository) {}

  async build() {
    const reasons = await this.candidates.findAllReasons();
    return {
      title: 'Rejection reasons',
      reasons: reasons.map((reason) => ({ id: reason.id, label: reason.label, active: reason.active })),
    };
  }

  async add(label: string): Promise<void> {
    if (await this.candidates.reasonLabelExists(label))
      throw FormInvalidError.single('label', 'That reason is already on the list');
    const count = (await this.candidates.findAllReasons()).length;
    await this.candidates.saveReason({ label, active: true, sortOrder: count });
  }

  /** Retires an offered reason or offers a retired one again; returns the reason as it was. */
  async toggle(id: number): Promise<RejectionReason> {
    const reason = await this.candidates.findReason(id);
    if (!reason) throw notFound('That reason');
    await this.candidates.saveReason({ id, active: !reason.active });
    return reason;
  }
}
