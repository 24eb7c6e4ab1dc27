import { Injectable } from '@nestjs/common';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { LegalHoldService, type HoldTarget } from './legal-hold.service.js';

/** Decorated so both pages inherit its constructor's injection metadata. */
@Injectable()
abstract class HoldPage implements FormPage {
  readonly view = 'legal-hold/place';
  protected abstract readonly kind: HoldTarget['kind'];

  constructor(protected readonly holds: LegalHoldService) {}

  async build({ id }: PageRequest) {
    const target = await this.holds.describe({ kind: this.kind, id });
    return {
      title: 'Place a legal hold',
      target,
      onPosition: target.kind === 'position',
      active: await this.holds.activeOn(target),
    };
  }
}

/** The form (and confirmation) to place a hold on one candidate. */
@Injectable()
export class CandidateHoldPage extends HoldPage {
  protected readonly kind = 'candidate';
}

/** The form (and confirmation) to place a hold on every candidate of a position. */
@Injectable()
export class PositionHoldPage extends HoldPage {
  protected readonly kind = 'position';
}

/** The confirmation before a hold is lifted. */
@Injectable()
export class LiftHoldPage {
  constructor(private readonly holds: LegalHoldService) {}

  async build(target: HoldTarget) {
    const described = await this.holds.describe(target);
    return {
      title: 'Lift the legal hold?',
      target: described,
      onPosition: target.kind === 'position',
      active: await this.holds.activeOn(target),
    };
  }
}
