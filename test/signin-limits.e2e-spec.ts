import request from 'supertest';
import { setTimeout as sleep } from 'node:timers/promises';
import { LIMITS, limitKey } from '../src/accounts/attempt-limits.js';
import { User } from '../src/accounts/entities/user.entity.js';
import { createUser, csrfTokenIn, linkIn, outboxMessages, PASSWORD, signedInAs, submitForm } from './support/http.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const WRONG_CREDENTIALS = 'That email and password do not match an active account';

describe('Attempt limits shared through the database', () => {
  let testApp: TestApp;
  let admin: Awaited<ReturnType<typeof signedInAs>>;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await signedInAs(testApp, ['admin']);
  });
  afterAll(() => testApp.close());

  /** A sign-in form ready to post from `address` (the app trusts X-Forwarded-For from loopback, like its proxy). */
  async function signInForm(address: string) {
    const agent = request.agent(testApp.server);
    const page = await agent.get('/login').set('X-Forwarded-For', address).expect(200);
    const token = csrfTokenIn(page.text);
    return (email: string, password: string) =>
      agent.post('/login').set('X-Forwarded-For', address).type('form').send({ _csrf: token, email, password });
  }

  const attempt = async (email: string, password: string, address: string) =>
    (await signInForm(address))(email, password);

  async function pointsSpent(limit: keyof typeof LIMITS, ...parts: string[]): Promise<number> {
    const rows = (await testApp.dataSource.query(
      `SELECT points FROM attempt_limits WHERE key = '${limit}:${limitKey(...parts)}'`,
    )) as { points: number }[];
    return Number(rows[0]?.points ?? 0);
  }

  describe('sign-in', () => {
    it('lets at most 5 of 40 concurrent guesses check a password, and not the right one that follows', async () => {
      const target = await createUser(testApp, ['manager']);
      const address = '10.20.0.1';
      const posts = await Promise.all(Array.from({ length: 41 }, () => signInForm(address)));
      const rightAfterTheGuessesAreCounted = async () => {
        while ((await pointsSpent('signInPerAccountAndAddress', target.email, address)) < 40) await sleep(5);
        return posts[40](target.email, PASSWORD);
      };

      const responses = await Promise.all([
        ...posts.slice(0, 40).map((post, i) => post(target.email, `wrong guess number ${i}`)),
        rightAfterTheGuessesAreCounted(),
      ]);

      const checked = responses.filter((response) => response.text.includes(WRONG_CREDENTIALS));
      expect(checked).toHaveLength(LIMITS.signInPerAccountAndAddress.points);
      expect(checked.every((response) => response.status === 422)).toBe(true);
      expect(responses.filter((response) => response.status === 429)).toHaveLength(
        41 - LIMITS.signInPerAccountAndAddress.points,
      );
      expect(responses.some((response) => response.status === 303)).toBe(false);
      const after = await attempt(target.email, PASSWORD, address);
      expect(after.status).toBe(429);
      expect(after.text).toContain('Too many failed sign-ins. Wait 15 minutes');
      const stored = await testApp.dataSource.getRepository(User).findOneByOrFail({ id: target.id });
      expect(stored.lastSignedInAt).toBeNull();

      // The same account from another address is only slowed, never locked out by the stranger.
      const elsewhere = await attempt(target.email, PASSWORD, '10.20.0.2');
      expect(elsewhere.status).toBe(303);
    }, 60000);

    it('starts counting again after a successful sign-in', async () => {
      const target = await createUser(testApp, ['interviewer']);
      const address = '10.21.0.1';
      const limit = LIMITS.signInPerAccountAndAddress.points;
      for (let i = 0; i < limit - 1; i += 1) {
        expect((await attempt(target.email, 'not the password', address)).status).toBe(422);
      }
      expect((await attempt(target.email, PASSWORD, address)).status).toBe(303);
      await expect(pointsSpent('signInPerAccountAndAddress', target.email, address)).resolves.toBe(0);
      for (let i = 0; i < limit; i += 1) {
        expect((await attempt(target.email, 'not the password', address)).status).toBe(422);
      }
      expect((await attempt(target.email, PASSWORD, address)).status).toBe(429);
    }, 60000);

    it('gives the address its point back on success, so busy offices are not refused', async () => {
      const target = await createUser(testApp, ['interviewer']);
      const address = '10.22.0.1';
      for (let i = 0; i < 3; i += 1) expect((await attempt(target.email, PASSWORD, address)).status).toBe(303);
      await expect(pointsSpent('signInPerAddress', address)).resolves.toBe(0);
      await expect(pointsSpent('signInPerAccount', target.email)).resolves.toBe(0);
    });
  });

  describe('password reset requests', () => {
    const forgot = async (email: string, address: string) => {
      const agent = request.agent(testApp.server);
      const page = await agent.get('/password/forgot').set('X-Forwarded-For', address).expect(200);
      return agent
        .post('/password/forgot')
        .set('X-Forwarded-For', address)
        .type('form')
        .send({ _csrf: csrfTokenIn(page.text), email });
    };

    it('mails one person at most a few links an hour, with the same answer every time', async () => {
      const target = await createUser(testApp, ['interviewer']);
      const limit = LIMITS.resetMailsPerEmail.points;
      for (let i = 0; i <= limit; i += 1) {
        const response = await forgot(target.email, `10.30.0.${i}`);
        expect(response.status).toBe(200);
        expect(response.text).toContain('Check your mail');
      }
      const mails = (await outboxMessages(testApp.dataSource)).filter((mail) => mail.to === target.email);
      expect(mails).toHaveLength(limit);
    });

    it('refuses an address that asks too often', async () => {
      const address = '10.31.0.1';
      for (let i = 0; i < LIMITS.resetRequestsPerAddress.points; i += 1) {
        expect((await forgot(`nobody${i}@example.com`, address)).status).toBe(200);
      }
      const refused = await forgot('nobody@example.com', address);
      expect(refused.status).toBe(429);
      expect(refused.text).toContain('Too many reset requests');
      expect((await forgot('nobody@example.com', '10.31.0.2')).status).toBe(200);
    });
  });

  describe('invitation and reset links', () => {
    it('refuses an address that tries too many made-up links, and lets others use theirs', async () => {
      const address = '10.40.0.1';
      for (let i = 0; i < LIMITS.linkFailuresPerAddress.points; i += 1) {
        const path = i % 2 ? `/invitations/made-up-${i}` : `/password/reset/made-up-${i}`;
        expect((await request(testApp.server).get(path).set('X-Forwarded-For', address)).status).toBe(410);
      }
      const refused = await request(testApp.server).get('/invitations/made-up').set('X-Forwarded-For', address);
      expect(refused.status).toBe(429);
      expect(refused.text).toContain('Too many attempts with links');

      const invited = await submitForm(
        admin.agent,
        '/people/invite',
        { name: 'Lena Link', email: 'lena@example.com', roles: 'interviewer' },
        '/people',
      );
      expect(invited.status).toBe(303);
      const mail = (await outboxMessages(testApp.dataSource)).find((message) => message.to === 'lena@example.com')!;
      const path = linkIn(mail.text);
      await request(testApp.server).get(path).set('X-Forwarded-For', address).expect(429);
      const agent = request.agent(testApp.server);
      const page = await agent.get(path).set('X-Forwarded-For', '10.40.0.2').expect(200);
      const joined = await agent
        .post(path)
        .set('X-Forwarded-For', '10.40.0.2')
        .type('form')
        .send({ _csrf: csrfTokenIn(page.text), name: 'Lena Link', password: PASSWORD, passwordConfirmation: PASSWORD });
      expect(joined.status).toBe(303);
    });

    it('refuses a link that keeps failing, from any address', async () => {
      const path = '/password/reset/one-made-up-token';
      for (let i = 0; i < LIMITS.linkFailuresPerToken.points; i += 1) {
        await request(testApp.server).get(path).set('X-Forwarded-For', `10.41.0.${i}`).expect(410);
      }
      await request(testApp.server).get(path).set('X-Forwarded-For', '10.41.1.1').expect(429);
    });
  });
});
