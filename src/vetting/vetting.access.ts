import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { DomainError } from '../common/errors.js';
import type { Position } from '../positions/entities/position.entity.js';
import { PositionsService } from '../positions/positions.service.js';
import type { PresentationScore } from './entities/presentation.entity.js';
import type { WritingGrade } from './entities/writing-grade.entity.js';

/** What a user may do in vetting, and the object each permission is about. */
interface VettingSubjects {
  /** Grade a writing test: its assigned grader only (blind grading). */
  'writing.grade': Pick<WritingGrade, 'graderId'>;
  /** Score a research presentation: its assigned evaluator only (independent scoring). */
  'presentation.score': Pick<PresentationScore, 'evaluatorId'>;
  /** Choose a position's vetting steps, pass marks, prompts and graders: whoever may change the position. */
  'position.configure': Position;
  /** Download a candidate's deck: the hiring side (managers, admins) or an evaluator of that presentation. */
  'presentation.deck': { evaluatorIds: number[] };
}

export type VettingPermission = keyof VettingSubjects;

/**
 * The one answer to "may this user do X in vetting", always from the user's current roles. Services ask here;
 * controllers and templates only see the outcome.
 */
@Injectable()
export class VettingAccess {
  constructor(private readonly positions: PositionsService) {}

  private readonly rules: { [P in VettingPermission]: (user: User, object: VettingSubjects[P]) => boolean } = {
    'writing.grade': (user, grade) => grade.graderId === user.id,
    'presentation.score': (user, score) => score.evaluatorId === user.id,
    'position.configure': (user, position) => this.positions.canEdit(user, position),
    'presentation.deck': (user, { evaluatorIds }) =>
      user.hasRole('manager') || user.hasRole('admin') || evaluatorIds.includes(user.id),
  };

  private readonly refusals: { [P in VettingPermission]: (object: VettingSubjects[P]) => string } = {
    'writing.grade': () => 'This writing test is assigned to another grader.',
    'presentation.score': () => 'This presentation is assigned to other evaluators.',
    'position.configure': (position) =>
      `Only ${position.hiringManager?.name ?? 'the hiring manager'}, whoever created it, or an admin can change this position.`,
    'presentation.deck': () => 'Only the hiring team and the evaluators of this presentation can download its deck.',
  };

  can<P extends VettingPermission>(user: User, permission: P, object: VettingSubjects[P]): boolean {
    return this.rules[permission](user, object);
  }

  /** Throws DomainError('forbidden') when the user may not. */
  require<P extends VettingPermission>(user: User, permission: P, object: VettingSubjects[P]): void {
    if (!this.can(user, permission, object)) throw new DomainError('forbidden', this.refusals[permission](object));
  }
}
