import { UserRole } from '../accounts/entities/user-role.entity.js';
import { User } from '../accounts/entities/user.entity.js';
import type { Role } from '../accounts/role.js';
import { DomainError } from '../common/errors.js';
import type { Position } from './entities/position.entity.js';
import { PositionsAccess } from './positions.access.js';

function person(id: number, roles: Role[], active = true): User {
  return Object.assign(new User(), {
    id,
    active,
    userRoles: roles.map((role) => Object.assign(new UserRole(), { role })),
  });
}

const position = { id: 7, hiringManagerId: 1, createdById: 2, hiringManager: { name: 'Hana' } } as Position;

describe(PositionsAccess.name, () => {
  const sut = new PositionsAccess();

  it('lets admins, and the hiring manager and the creator while they hold the manager role, edit', () => {
    expect(sut.can(person(9, ['admin']), 'position.edit', position)).toBe(true);
    expect(sut.can(person(1, ['manager']), 'position.edit', position)).toBe(true);
    expect(sut.can(person(2, ['manager', 'interviewer']), 'position.edit', position)).toBe(true);
  });

  it('refuses other managers, and the hiring manager or creator once the manager role is gone', () => {
    expect(sut.can(person(3, ['manager']), 'position.edit', position)).toBe(false);
    expect(sut.can(person(1, ['interviewer']), 'position.edit', position)).toBe(false);
    expect(sut.can(person(2, ['new-hire']), 'position.edit', position)).toBe(false);
    expect(() => sut.require(person(1, ['interviewer']), 'position.edit', position)).toThrow(DomainError);
    expect(() => sut.require(person(1, ['interviewer']), 'position.edit', position)).toThrow(/Only Hana/);
  });

  it('scopes "my positions" to the hiring manager, and to nothing for someone without a managing role', () => {
    expect(sut.managedBy(person(1, ['manager']))).toEqual({ hiringManagerId: 1 });
    expect(sut.managedBy(person(1, ['interviewer']))).toBe('none');
  });

  it('names only active managers or admins as hiring managers', () => {
    expect(sut.mayBeHiringManager(person(1, ['manager']))).toBe(true);
    expect(sut.mayBeHiringManager(person(1, ['admin']))).toBe(true);
    expect(sut.mayBeHiringManager(person(1, ['manager'], false))).toBe(false);
    expect(sut.mayBeHiringManager(person(1, ['interviewer']))).toBe(false);
    expect(sut.mayBeHiringManager(null)).toBe(false);
  });
});
