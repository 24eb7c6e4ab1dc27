import { UserRole } from '../accounts/entities/user-role.entity.js';
import { User } from '../accounts/entities/user.entity.js';
import type { Role } from '../accounts/role.js';
import { DomainError } from '../common/errors.js';
import type { Position } from '../positions/entities/position.entity.js';
import { PositionsAccess } from '../positions/positions.access.js';
import type { PositionsService } from '../positions/positions.service.js';
import { VettingAccess } from './vetting.access.js';

function person(id: number, roles: Role[]): User {
  return Object.assign(new User(), {
    id,
    active: true,
    userRoles: roles.map((role) => Object.assign(new UserRole(), { role })),
  });
}

const positionsAccess = new PositionsAccess();
const positions = {
  canEdit: (user: User, position: Position) => positionsAccess.can(user, 'position.edit', position),
} as PositionsService;
const position = { id: 7, hiringManagerId: 1, createdById: 2, hiringManager: { name: 'Hana' } } as Position;

describe(VettingAccess.name, () => {
  const sut = new VettingAccess(positions);

  it('lets only the assigned grader grade a writing test, and only the assigned evaluator score a presentation', () => {
    expect(sut.can(person(5, ['interviewer']), 'writing.grade', { graderId: 5 })).toBe(true);
    expect(sut.can(person(6, ['admin']), 'writing.grade', { graderId: 5 })).toBe(false);
    expect(sut.can(person(5, ['manager']), 'presentation.score', { evaluatorId: 5 })).toBe(true);
    expect(() => sut.require(person(6, ['interviewer']), 'presentation.score', { evaluatorId: 5 })).toThrow(
      new DomainError('forbidden', 'This presentation is assigned to other evaluators.'),
    );
  });

  it('follows the position rule for vetting steps, on current roles', () => {
    expect(sut.can(person(1, ['manager']), 'position.configure', position)).toBe(true);
    expect(sut.can(person(9, ['admin']), 'position.configure', position)).toBe(true);
    expect(sut.can(person(3, ['manager']), 'position.configure', position)).toBe(false);
    expect(() => sut.require(person(1, ['interviewer']), 'position.configure', position)).toThrow(
      new DomainError('forbidden', 'Only Hana, whoever created it, or an admin can change this position.'),
    );
  });

  it('gives a deck to the hiring side and the session’s evaluators, and takes it away with the manager role', () => {
    const session = { evaluatorIds: [4, 5] };
    expect(sut.can(person(1, ['manager']), 'presentation.deck', session)).toBe(true);
    expect(sut.can(person(9, ['admin']), 'presentation.deck', session)).toBe(true);
    expect(sut.can(person(5, ['interviewer']), 'presentation.deck', session)).toBe(true);
    expect(sut.can(person(6, ['interviewer']), 'presentation.deck', session)).toBe(false);
    expect(sut.can(person(1, ['interviewer']), 'presentation.deck', session)).toBe(false);
  });
});
