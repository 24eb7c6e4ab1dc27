import { Injectable } from '@nestjs/common';
import {
  ApplicationSection,
  type ApplicationContext,
  type ApplicationSectionProvider,
} from '../candidates/application-hub.js';
import {
  CandidatePageSection,
  type CandidatePageContext,
  type CandidatePageSectionProvider,
} from '../candidates/candidate-hub.js';
import {
  PositionPageSection,
  type PositionPageContext,
  type PositionPageSectionProvider,
} from '../positions/position-hub.js';
import { legalHoldAccess } from './legal-hold.access.js';
import { LegalHoldService } from './legal-hold.service.js';

/** The candidate page: the hold badge (their own or a position's), and placing or lifting their own hold. */
@Injectable()
@CandidatePageSection({ partial: 'legal_hold/candidate', order: 10 })
export class CandidateHoldSection implements CandidatePageSectionProvider {
  constructor(private readonly holds: LegalHoldService) {}

  async load({ user, candidate }: CandidatePageContext) {
    const candidateId = candidate.id;
    const { own, positions } = await this.holds.forCandidate(candidateId);
    const canManage = legalHoldAccess.canManage(user);
    if (!own && !positions.length && !canManage) return null;
    return { candidateId, own, byPosition: positions.length > 0, canManage };
  }
}

/** The application page: the badge when the candidate is held, by their own hold or a position's. */
@Injectable()
@ApplicationSection({ partial: 'legal_hold/application', order: 5 })
export class ApplicationHoldSection implements ApplicationSectionProvider {
  constructor(private readonly holds: LegalHoldService) {}

  async load({ application }: ApplicationContext) {
    const { own, positions } = await this.holds.forCandidate(application.candidateId);
    if (!own && !positions.length) return null;
    return { candidateId: application.candidateId, byPosition: !own };
  }
}

/** The position page: the badge, and placing or lifting a hold on every candidate of the position. */
@Injectable()
@PositionPageSection({ partial: 'legal_hold/position', order: 10 })
export class PositionHoldSection implements PositionPageSectionProvider {
  constructor(private readonly holds: LegalHoldService) {}

  async load({ user, positionId }: PositionPageContext) {
    const hold = await this.holds.activeOn({ kind: 'position', id: positionId });
    const canManage = legalHoldAccess.canManage(user);
    if (!hold && !canManage) return null;
    return { positionId, hold, canManage };
  }
}
