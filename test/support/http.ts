import request from 'supertest';
import type { DataSource } from 'typeorm';
import { UserRole } from '../../src/accounts/entities/user-role.entity.js';
import { User } from '../../src/accounts/entities/user.entity.js';
import { hashPassword } from '../../src/accounts/password-hasher.js';
import type { Role } from '../../src/accounts/role.js';
import { OutboxMessage } from '../../src/mail/entities/outbox-message.entity.js';
import type { TestApp } from './test-app.js';

export const PASSWORD = 'a long test password 2026';

export type Agent = ReturnType<typeof request.agent>;

/** The CSRF token from the first form on a page. */
export function csrfTokenIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('No CSRF token on the page');
  return match[1];
}

/** GETs a page and POSTs its form with the page's CSRF token, like a browser would. */
export async function submitForm(
  agent: Agent,
  pagePath: string,
  fields: Record<string, string | string[]>,
  action = pagePath,
) {
  const page = await agent.get(pagePath).expect(200);
  return agent
    .post(action)
    .type('form')
    .send({ ...fields, _csrf: csrfTokenIn(page.text) });
}

let sequence = 0;

/** A person who can sign in, written straight to the database. */
export async function createUser(testApp: TestApp, roles: Role[], fields: Partial<User> = {}): Promise<User> {
  sequence += 1;
  const users = testApp.dataSource.getRepository(User);
  return users.save(
    users.create({
      name: `Test Person ${sequence}`,
      email: `person${sequence}@example.com`,
      passwordHash: await hashPassword(PASSWORD),
      active: true,
      userRoles: roles.map((role) => Object.assign(new UserRole(), { role })),
      ...fields,
    }),
  );
}

export async function signIn(testApp: TestApp, email: string, password = PASSWORD): Promise<Agent> {
  const agent = request.agent(testApp.server);
  const response = await submitForm(agent, '/login', { email, password });
  if (response.status !== 303) throw new Error(`Sign-in failed with ${response.status}`);
  return agent;
}

export async function signedInAs(testApp: TestApp, roles: Role[]): Promise<{ agent: Agent; user: User }> {
  const user = await createUser(testApp, roles);
  return { agent: await signIn(testApp, user.email), user };
}

export function outboxMessages(dataSource: DataSource): Promise<OutboxMessage[]> {
  return dataSource.getRepository(OutboxMessage).find({ order: { id: 'ASC' } });
}

/** The first http(s) link in a mail's text. */
export function linkIn(text: string): string {
  const match = /https?:\/\/\S+/.exec(text);
  if (!match) throw new Error(`No link in mail: ${text}`);
  return new URL(match[0]).pathname;
}
