import type { INestApplication } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { UserRole } from '../accounts/entities/user-role.entity.js';
import { hashPassword } from '../accounts/password-hasher.js';
import { PeopleService } from '../accounts/people.service.js';
import type { Role } from '../accounts/role.js';
import { UsersRepository } from '../accounts/users.repository.js';

export const DEMO_PASSWORD = 'keeper-demo-2026';

interface DemoPerson {
  email: string;
  name: string;
  roles: Role[];
  description: string;
}

/** Brightline Health Software, a mid-market healthcare SaaS company hiring account executives. */
const PEOPLE: DemoPerson[] = [
  { email: 'admin@keeper.demo', name: 'Alex Admin', roles: ['admin'], description: 'Admin: people, roles, outbox' },
  { email: 'manager@keeper.demo', name: 'Morgan Reyes', roles: ['manager'], description: 'Hiring manager, VP Sales' },
  { email: 'interviewer@keeper.demo', name: 'Priya Shah', roles: ['interviewer'], description: 'Interviewer (the demo grader once grading is built)' },
  { email: 'interviewer2@keeper.demo', name: 'Tom Becker', roles: ['interviewer'], description: 'Interviewer' },
  { email: 'newhire@keeper.demo', name: 'Nina Okafor', roles: ['new-hire'], description: 'New hire, account executive' },
];

export async function seedDemo(app: INestApplication): Promise<DemoPerson[]> {
  const users = app.get(UsersRepository);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const saved: User[] = [];
  for (const person of PEOPLE) {
    saved.push(
      await users.save(
        users.create({
          email: person.email,
          name: person.name,
          passwordHash,
          active: true,
          userRoles: person.roles.map((role) => Object.assign(new UserRole(), { role })),
        }),
      ),
    );
  }
  // Two colleagues who have not accepted yet, so People and the outbox show both states.
  const people = app.get(PeopleService);
  const admin = saved[0];
  await people.invite(admin, { name: 'Sam Carter', email: 'sam.carter@keeper.demo', roles: ['interviewer'] });
  await people.invite(admin, { name: 'Lee Park', email: 'lee.park@keeper.demo', roles: ['manager', 'interviewer'] });
  return PEOPLE;
}
