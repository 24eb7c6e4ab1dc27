import { UserRole } from '../accounts/entities/user-role.entity.js';
import { User } from '../accounts/entities/user.entity.js';
import type { Role } from '../accounts/role.js';
import { DomainError } from '../common/errors.js';
import type { Position } from '../positions/entities/position.entity.js';
import { PositionsAccess } from '../positions/positions.access.js';
import type { PositionsService } from '../positions/positions.service.js';
import { InsightsAccess } from './insights.access.js';

function person(id: number, roles: Role[]): User {
  return Object.assign(new User(), {
    id,
    active: true,
    userRoles: roles.map((role) => Object.assign(new UserRole(), { role })),
  });
}

const position = { id: 7, hiringManagerId: 1, createdById: 1, hiringManager: { name: 'Hana' } } as Position;

describe(InsightsAccess.name, () => {
  const positionsAccess = new PositionsAccess();
  const positions = {
    canEdit: (user: User, target: Position) => positionsAccess.can(user, 'position.edit', target),
  } as PositionsService;
  const sut = new InsightsAccess(positions);

  it('shows an admin every position, a manager their own, and anyone else none', () => {
    expect(sut.scopeFor(person(9, ['admin', 'manager']))).toBe('all');
    expect(sut.scopeFor(person(1, ['manager']))).toEqual({ hiringManagerId: 1 });
    expect(sut.scopeFor(person(1, ['interviewer']))).toBe('none');
  });

  it('shows a position’s costs to whoever may change it, and refuses a demoted hiring manager', () => {
    expect(sut.can(person(9, ['admin']), 'position.costs', position)).toBe(true);
    expect(sut.can(person(1, ['manager']), 'position.costs', position)).toBe(true);
    expect(sut.can(person(3, ['manager']), 'position.costs', position)).toBe(false);
    expect(() => sut.require(person(1, ['interviewer']), 'position.costs', position)).toThrow(DomainError);
  });
});
