import 'reflect-metadata';
import { UserRole } from '../accounts/entities/user-role.entity.js';
import { User } from '../accounts/entities/user.entity.js';
import type { Role } from '../accounts/role.js';
import type { Application } from '../candidates/entities/application.entity.js';
import { DomainError } from '../common/errors.js';
import type { Position } from '../positions/entities/position.entity.js';
import type { Interview, Panelist } from './entities/interview.entity.js';
import { InterviewsAccess } from './interviews.access.js';

const person = (id: number, ...roles: Role[]) =>
  Object.assign(new User(), { id, userRoles: roles.map((role) => Object.assign(new UserRole(), { role })) });

describe(InterviewsAccess.name, () => {
  const sut = new InterviewsAccess();
  const hiringManager = person(1, 'manager');
  const position = { id: 10, hiringManagerId: 1, createdById: 2, hiringManager: { name: 'Morgan' } } as Position;
  const application = { id: 20, position } as Application;
  const interview = {
    id: 30,
    application,
    panelists: [{ userId: 3 } as Panelist, { userId: 4 } as Panelist],
  } as Interview;

  it('lets the hiring manager, the position’s creator and admins manage, schedule, decide and read', () => {
    for (const user of [hiringManager, person(2, 'manager'), person(9, 'admin')]) {
      expect(sut.can(user, 'interview.manage', interview)).toBe(true);
      expect(sut.can(user, 'interview.schedule', application)).toBe(true);
      expect(sut.can(user, 'kit.edit', position)).toBe(true);
      expect(sut.can(user, 'debrief.decide', interview)).toBe(true);
      expect(sut.can(user, 'debrief.read', interview)).toBe(true);
      expect(sut.can(user, 'interview.sit', interview)).toBe(false);
    }
  });

  it('takes every manager power from a hiring manager whose manager role was removed', () => {
    const demoted = person(1, 'interviewer');
    for (const permission of ['interview.manage', 'interview.read', 'debrief.read', 'debrief.decide'] as const)
      expect(sut.can(demoted, permission, interview)).toBe(false);
    expect(sut.can(demoted, 'kit.edit', position)).toBe(false);
    expect(() => sut.require(demoted, 'debrief.decide', interview)).toThrow(DomainError);
  });

  it('lets panelists sit on and read their interview, but not manage or decide it; other managers get nothing', () => {
    const panelist = person(3, 'interviewer');
    expect(sut.can(panelist, 'interview.sit', interview)).toBe(true);
    expect(sut.can(panelist, 'debrief.read', interview)).toBe(true);
    expect(sut.can(panelist, 'interview.manage', interview)).toBe(false);
    expect(sut.can(panelist, 'debrief.decide', interview)).toBe(false);
    const otherManager = person(5, 'manager');
    expect(sut.can(otherManager, 'interview.read', interview)).toBe(false);
    try {
      sut.require(otherManager, 'interview.manage', interview);
      throw new Error('not refused');
    } catch (error) {
      expect(error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('Only Morgan') });
    }
  });
});
