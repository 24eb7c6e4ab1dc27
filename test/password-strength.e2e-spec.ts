import request from 'supertest';
import { User } from '../src/accounts/entities/user.entity.js';
import { createUser, linkIn, outboxMessages, PASSWORD, signIn, submitForm, type Agent } from './support/http.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const EASY_TO_GUESS = 'This password would be easy to guess.';
const STRONG = 'quiet otters fold maps at dawn';

describe('Password strength wherever a password is chosen', () => {
  let testApp: TestApp;
  let admin: Agent;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  /** Each weak password is refused with 422, the estimator's hint, and nothing saved; then the strong one works. */
  async function expectWeakRefused(
    post: (password: string) => Promise<request.Response>,
    ownEmail: string,
  ): Promise<request.Response> {
    const weak: [string, string][] = [
      ['password1234', 'This is similar to a commonly used password.'],
      [ownEmail, 'There should not be any personal or page related data.'],
      ['keeper-keeper', 'Repeated character patterns'],
    ];
    for (const [password, hint] of weak) {
      const response = await post(password);
      expect(response.status).toBe(422);
      expect(response.text).toContain(EASY_TO_GUESS);
      expect(response.text).toContain(hint);
      expect(response.text).toContain('href="#field-password"');
    }
    return post(STRONG);
  }

  it('at setup', async () => {
    const agent = request.agent(testApp.server);
    const fields = { name: 'Ada Admin', email: 'ada.admin@example.com' };
    const created = await expectWeakRefused(
      (password) => submitForm(agent, '/setup', { ...fields, password, passwordConfirmation: password }),
      fields.email,
    );
    expect(created.status).toBe(303);
    admin = agent;
  });

  it('when accepting an invitation, which stays usable after a refusal', async () => {
    const invited = await submitForm(
      admin,
      '/people/invite',
      { name: 'Ivan Invited', email: 'ivan.invited@example.com', roles: 'interviewer' },
      '/people',
    );
    expect(invited.status).toBe(303);
    const mail = (await outboxMessages(testApp.dataSource)).find((m) => m.to === 'ivan.invited@example.com')!;
    const path = linkIn(mail.text);
    const agent = request.agent(testApp.server);
    const joined = await expectWeakRefused(
      (password) => submitForm(agent, path, { name: 'Ivan Invited', password, passwordConfirmation: password }),
      'ivan.invited@example.com',
    );
    expect(joined.status).toBe(303);
    await signIn(testApp, 'ivan.invited@example.com', STRONG);
  });

  it('when resetting a forgotten password, with the link still usable after a refusal', async () => {
    const user = await createUser(testApp, ['manager'], { name: 'Rita Reset', email: 'rita.reset@example.com' });
    expect((await submitForm(request.agent(testApp.server), '/password/forgot', { email: user.email })).status).toBe(
      200,
    );
    const mail = (await outboxMessages(testApp.dataSource)).find((m) => m.to === user.email)!;
    const path = linkIn(mail.text);
    const agent = request.agent(testApp.server);
    const reset = await expectWeakRefused(
      (password) => submitForm(agent, path, { password, passwordConfirmation: password }),
      user.email,
    );
    expect(reset.status).toBe(303);
    await signIn(testApp, user.email, STRONG);
  });

  it('when changing one’s password, keeping the old one after a refusal', async () => {
    const user = await createUser(testApp, ['manager'], { name: 'Carl Change', email: 'carl.change@example.com' });
    const agent = await signIn(testApp, user.email);
    const before = (await testApp.dataSource.getRepository(User).findOneByOrFail({ id: user.id })).passwordHash;
    const changed = await expectWeakRefused(async (password) => {
      const response = await submitForm(agent, '/account/password', {
        currentPassword: PASSWORD,
        password,
        passwordConfirmation: password,
      });
      if (response.status === 422) {
        const stored = await testApp.dataSource.getRepository(User).findOneByOrFail({ id: user.id });
        expect(stored.passwordHash).toEqual(before);
      }
      return response;
    }, user.email);
    expect(changed.status).toBe(303);
    await signIn(testApp, user.email, STRONG);
  });
});
