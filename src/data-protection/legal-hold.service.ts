import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { DomainError, notFound } from '../common/errors.js';
import type { LegalHold } from './entities/legal-hold.entity.js';
import { LegalHoldRepository } from './legal-hold.repository.js';

/** What a legal hold is on: one candidate, or every candidate of one position. */
export type HoldTarget = { kind: 'candidate'; id: number } | { kind: 'position'; id: number };

export interface HoldView {
  reason: string;
  placedAt: Date;
}

const view = (hold: LegalHold): HoldView => ({ reason: hold.reason, placedAt: hold.createdAt });

/**
 * Legal holds: while a hold on a candidate, or on a position they applied to, is active, retention never anonymises
 * them, and the erasure queue can refuse with `isOnHold`. Placing and lifting are admins' (the controller's rule);
 * both are kept in the audit trail through the hold's own row.
 */
@Injectable()
export class LegalHoldService {
  constructor(private readonly holds: LegalHoldRepository) {}

  /** Whether anything holds this candidate's data now: their own hold or one on a position they applied to. */
  isOnHold(candidateId: number): Promise<boolean> {
    return this.holds.isOnHold(candidateId);
  }

  /** The target's name for pages and messages; not found when it does not exist. */
  async describe(target: HoldTarget): Promise<{ kind: HoldTarget['kind']; id: number; name: string; path: string }> {
    if (target.kind === 'candidate') {
      if (!(await this.holds.candidateExists(target.id))) throw notFound('That candidate');
      return { ...target, name: 'this candidate', path: `/candidates/${target.id}` };
    }
    const title = await this.holds.positionTitle(target.id);
    if (title === null) throw notFound('That position');
    return { ...target, name: title, path: `/positions/${target.id}` };
  }

  async activeOn(target: HoldTarget): Promise<HoldView | null> {
    const hold = await this.find(target);
    return hold && view(hold);
  }

  /** The candidate's own hold and the holds on positions they applied to, for their pages. */
  async forCandidate(candidateId: number): Promise<{ own: HoldView | null; positions: HoldView[] }> {
    const [own, positionIds] = await Promise.all([
      this.holds.activeOnCandidate(candidateId),
      this.holds.positionIdsOf(candidateId),
    ]);
    const positions = await this.holds.activeOnPositions(positionIds);
    return { own: own && view(own), positions: positions.map(view) };
  }

  async place(user: User, target: HoldTarget, reason: string): Promise<void> {
    await this.describe(target);
    if (await this.find(target)) throw new DomainError('conflict', 'A legal hold is already in place here.');
    const on = target.kind === 'candidate' ? { candidateId: target.id } : { positionId: target.id };
    await this.holds.save(this.holds.create({ ...on, reason, placedById: user.id, liftedAt: null, liftedById: null }));
  }

  async lift(user: User, target: HoldTarget): Promise<void> {
    await this.describe(target);
    const hold = await this.find(target);
    if (!hold) throw new DomainError('conflict', 'There is no legal hold to lift here.');
    await this.holds.save(Object.assign(hold, { liftedAt: new Date(), liftedById: user.id }));
  }

  private find(target: HoldTarget): Promise<LegalHold | null> {
    return target.kind === 'candidate'
      ? this.holds.activeOnCandidate(target.id)
      : this.holds.activeOnPosition(target.id);
  }
}
