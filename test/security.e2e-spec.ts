import request from 'supertest';
import { IsNull } from 'typeorm';
import { AccountToken } from '../src/accounts/entities/account-token.entity.js';
import { User } from '../src/accounts/entities/user.entity.js';
import { LIMITS } from '../src/accounts/attempt-limits.js';
import { SESSION_COOKIE } from '../src/app.setup.js';
import { Session } from '../src/sessions/session.entity.js';
import {
  createUser,
  csrfTokenIn,
  linkIn,
  outboxMessages,
  PASSWORD,
  signedInAs,
  signIn,
  submitForm,
} from './support/http.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('Security baseline', () => {
  let testApp: TestApp;
  let admin: Awaited<ReturnType<typeof signedInAs>>;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await signedInAs(testApp, ['admin']);
  });
  afterAll(() => testApp.close());

  const countUsers = () => testApp.dataSource.getRepository(User).count();

  describe('CSRF', () => {
    it('refuses a POST without a token and changes nothing', async () => {
      const before = await countUsers();
      const response = await admin.agent
        .post('/people')
        .type('form')
        .send({ name: 'Eve', email: 'eve@example.com', roles: 'admin' });
      expect(response.status).toBe(403);
      expect(response.text).toContain('reload the page and try again');
      await expect(countUsers()).resolves.toBe(before);
    });

    it('refuses a POST with a token from another session', async () => {
      const other = request.agent(testApp.server);
      const foreignToken = csrfTokenIn((await other.get('/login')).text);
      const before = await countUsers();
      const response = await admin.agent
        .post('/people')
        .type('form')
        .send({ _csrf: foreignToken, name: 'Eve', email: 'eve@example.com', roles: 'admin' });
      expect(response.status).toBe(403);
      await expect(countUsers()).resolves.toBe(before);
    });

    it('refuses a sign-out without a token, so the session survives', async () => {
      await admin.agent.post('/logout').expect(403);
      await admin.agent.get('/people').expect(200);
    });
  });

  describe('authentication and roles', () => {
    it('redirects an anonymous visitor to sign-in and back to the page afterwards', async () => {
      const response = await request(testApp.server).get('/people?role=admin').expect(303);
      expect(response.headers.location).toBe('/login?next=%2Fpeople%3Frole%3Dadmin');

      const agent = request.agent(testApp.server);
      const signInPage = await agent.get(response.headers.location).expect(200);
      expect(signInPage.text).toContain('name="next" value="/people?role&#x3D;admin"');
      const signedIn = await agent
        .post('/login')
        .type('form')
        .send({
          _csrf: csrfTokenIn(signInPage.text),
          email: admin.user.email,
          password: PASSWORD,
          next: '/people?role=admin',
        });
      expect(signedIn.headers.location).toBe('/people?role=admin');
    });

    it('never redirects to another site after sign-in', async () => {
      const agent = request.agent(testApp.server);
      const page = await agent.get('/login').expect(200);
      const response = await agent
        .post('/login')
        .type('form')
        .send({
          _csrf: csrfTokenIn(page.text),
          email: admin.user.email,
          password: PASSWORD,
          next: '//evil.example/phish',
        });
      expect(response.headers.location).toBe('/');
    });

    it('answers JSON clients with 401 JSON instead of a redirect', async () => {
      const response = await request(testApp.server).get('/people').set('Accept', 'application/json').expect(401);
      expect(response.body).toEqual({ statusCode: 401, error: 'Sign in required' });
    });

    it('gives 403 to a signed-in user without the role, on every admin page', async () => {
      const { agent } = await signedInAs(testApp, ['manager', 'interviewer']);
      for (const path of ['/people', '/people/invite', `/people/${admin.user.id}`, '/admin/outbox']) {
        const response = await agent.get(path);
        expect(response.status).toBe(403);
        expect(response.text).toContain('You do not have access to this page');
      }
    });

    it('shows a 404 page without internals, and JSON 404 to JSON clients', async () => {
      const page = await admin.agent.get('/no-such-page').expect(404);
      expect(page.text).toContain('Page not found');
      expect(page.text).not.toMatch(/at .*\.js:\d+/);
      const json = await admin.agent.get('/no-such-page').set('Accept', 'application/json').expect(404);
      expect(json.body.statusCode).toBe(404);
    });

    it('words a missing page and a wrong method for people, with 405 and Allow for a known address', async () => {
      const missing = await admin.agent.get('/no-such-page').expect(404);
      expect(missing.text).toContain('There is no page at this address.');
      expect(missing.text).not.toContain('Cannot GET');
      // A form action opened as a page (a bookmarked or pasted link): only POST is served there.
      const opened = await admin.agent.get('/logout').expect(405);
      expect(opened.headers.allow).toBe('POST');
      expect(opened.text).toContain('This address only takes a form sent from its page.');
      expect(opened.text).not.toMatch(/Cannot (GET|POST)/);
      // A page sent a form it does not take.
      const home = await admin.agent.get('/').expect(200);
      const posted = await admin.agent
        .post('/insights/funnel')
        .type('form')
        .send({ _csrf: csrfTokenIn(home.text) })
        .expect(405);
      expect(posted.headers.allow).toBe('GET, HEAD');
      expect(posted.text).toContain('This page can be opened, but not sent to this way.');
    });

    it('signs out with a POST that ends the session', async () => {
      const agent = await signIn(testApp, admin.user.email);
      const home = await agent.get('/').expect(200);
      const response = await agent
        .post('/logout')
        .type('form')
        .send({ _csrf: csrfTokenIn(home.text) })
        .expect(303);
      expect(response.headers.location).toBe('/login');
      await agent.get('/').expect(303);
    });
  });

  describe('session cookie', () => {
    it('is HttpOnly and SameSite=Lax, not Secure on http, and renewed at sign-in', async () => {
      const agent = request.agent(testApp.server);
      const page = await agent.get('/login').expect(200);
      const before = String(page.headers['set-cookie']);
      const response = await agent
        .post('/login')
        .type('form')
        .send({ _csrf: csrfTokenIn(page.text), email: admin.user.email, password: PASSWORD })
        .expect(303);
      const cookie = String(response.headers['set-cookie']);
      expect(cookie).toContain(`${SESSION_COOKIE}=`);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).not.toMatch(/Secure/i);
      const sid = (header: string) => /keeper\.sid=([^;]+)/.exec(header)?.[1];
      expect(sid(cookie)).toBeDefined();
      expect(sid(cookie)).not.toEqual(sid(before));
    });

    it('is Secure when BASE_URL is https', async () => {
      const secureApp = await createTestApp({ BASE_URL: 'https://keeper.example.com' });
      try {
        // Behind a TLS-terminating proxy on the same host.
        const response = await request(secureApp.server).get('/setup').set('X-Forwarded-Proto', 'https').expect(200);
        expect(String(response.headers['set-cookie'])).toMatch(/; Secure/i);
      } finally {
        await secureApp.close();
      }
    });
  });

  describe('sign-in throttling', () => {
    const attempt = async (email: string, password: string, address: string) => {
      const agent = request.agent(testApp.server);
      const page = await agent.get('/login').set('X-Forwarded-For', address);
      return agent
        .post('/login')
        .set('X-Forwarded-For', address)
        .type('form')
        .send({ _csrf: csrfTokenIn(page.text), email, password });
    };

    it('gives the same answer for an unknown email and a wrong password', async () => {
      const unknown = await attempt('nobody@example.com', PASSWORD, '10.0.0.1');
      const wrong = await attempt(admin.user.email, 'not the password at all', '10.0.0.1');
      expect(unknown.status).toBe(422);
      expect(wrong.status).toBe(422);
      const message = (text: string) => /<div class="error-summary"[\s\S]*?<\/div>/.exec(text)?.[0];
      expect(message(unknown.text)).toEqual(message(wrong.text));
    });

    it('answers 429 after repeated failures for one account from one address, even with the right password', async () => {
      const target = await createUser(testApp, ['interviewer']);
      for (let i = 0; i < LIMITS.signInPerAccountAndAddress.points; i += 1) {
        expect((await attempt(target.email, 'wrong password here', '10.1.0.1')).status).toBe(422);
      }
      const blocked = await attempt(target.email, PASSWORD, '10.1.0.1');
      expect(blocked.status).toBe(429);
      expect(blocked.text).toContain('Too many failed sign-ins');
      expect(blocked.headers['set-cookie'] ?? []).not.toEqual(
        expect.arrayContaining([expect.stringContaining('userId')]),
      );
      // A stranger's failures do not lock the real user out from elsewhere.
      expect((await attempt(target.email, PASSWORD, '10.1.1.1')).status).toBe(303);
    });

    it('answers 429 after repeated failures from one address, whatever the account', async () => {
      const guesses = Array.from({ length: LIMITS.signInPerAddress.points }, (_, i) =>
        attempt(`guess${i}@example.com`, 'wrong password here', '10.2.0.1'),
      );
      expect((await Promise.all(guesses)).map((response) => response.status)).toEqual(guesses.map(() => 422));
      expect((await attempt(admin.user.email, PASSWORD, '10.2.0.1')).status).toBe(429);
      expect((await attempt(admin.user.email, PASSWORD, '10.2.0.2')).status).toBe(303);
    }, 60000);
  });

  describe('deactivation', () => {
    it('ends the sessions a deactivated user already has, and stops new sign-ins', async () => {
      const { agent, user } = await signedInAs(testApp, ['manager']);
      await agent.get('/').expect(200);

      const confirm = await admin.agent.get(`/people/${user.id}/deactivate`).expect(200);
      expect(confirm.text).toContain('is signed out on every device');
      // Posting without the confirmation changes nothing and shows the step again.
      const unconfirmed = await admin.agent
        .post(`/people/${user.id}/deactivate`)
        .type('form')
        .send({ _csrf: csrfTokenIn(confirm.text) })
        .expect(422);
      expect(unconfirmed.text).toContain(`Deactivate ${user.name}?`);
      expect((await testApp.dataSource.getRepository(User).findOneByOrFail({ id: user.id })).status).toBe('active');
      await admin.agent
        .post(`/people/${user.id}/deactivate`)
        .type('form')
        .send({ _csrf: csrfTokenIn(confirm.text), confirm: 'yes' })
        .expect(303);

      await expect(testApp.dataSource.getRepository(Session).countBy({ userId: user.id })).resolves.toBe(0);
      const after = await agent.get('/').expect(303);
      expect(after.headers.location).toBe('/login');
      const again = await submitForm(request.agent(testApp.server), '/login', {
        email: user.email,
        password: PASSWORD,
      });
      expect(again.status).toBe(422);
    });

    it('does not let an admin deactivate themselves', async () => {
      const page = await admin.agent.get(`/people/${admin.user.id}`).expect(200);
      const response = await admin.agent
        .post(`/people/${admin.user.id}/deactivate`)
        .type('form')
        .send({ _csrf: csrfTokenIn(page.text), confirm: 'yes' });
      expect(response.status).toBe(409);
      await expect(
        testApp.dataSource.getRepository(User).findOneByOrFail({ id: admin.user.id }),
      ).resolves.toMatchObject({ active: true });
    });
  });

  describe('invitation links', () => {
    async function invite(email: string): Promise<string> {
      const response = await submitForm(
        admin.agent,
        '/people/invite',
        { name: 'Ivy Invitee', email, roles: ['interviewer'] },
        '/people',
      );
      expect(response.status).toBe(303);
      const mails = await outboxMessages(testApp.dataSource);
      return linkIn(mails.filter((mail) => mail.to === email).at(-1)!.text);
    }

    async function accept(path: string) {
      const agent = request.agent(testApp.server);
      const page = await agent.get(path);
      if (page.status !== 200) return page;
      return agent
        .post(path)
        .type('form')
        .send({
          _csrf: csrfTokenIn(page.text),
          name: 'Ivy Invitee',
          password: PASSWORD,
          passwordConfirmation: PASSWORD,
        });
    }

    it('works once; a used link gets a clear page', async () => {
      const path = await invite('ivy@example.com');
      expect((await accept(path)).status).toBe(303);
      const reused = await request(testApp.server).get(path).expect(410);
      expect(reused.text).toContain('This invitation has already been used');
      expect(reused.text).toContain('Ask your Keeper admin to send you a new invitation');
    });

    it('refuses an expired link with a clear page', async () => {
      const path = await invite('late@example.com');
      await testApp.dataSource
        .getRepository(AccountToken)
        .update({ purpose: 'invitation', usedAt: IsNull() }, { expiresAt: new Date(Date.now() - 1000) });
      const expired = await request(testApp.server).get(path).expect(410);
      expect(expired.text).toContain('This invitation has expired');
      const user = await testApp.dataSource.getRepository(User).findOneByOrFail({ email: 'late@example.com' });
      expect(user.passwordHash).toBeNull();
    });

    it('refuses a made-up link', async () => {
      const response = await request(testApp.server).get('/invitations/not-a-real-token').expect(410);
      expect(response.text).toContain('This invitation link is not valid');
    });

    it('retires the old link when the invitation is sent again', async () => {
      const first = await invite('twice@example.com');
      const user = await testApp.dataSource.getRepository(User).findOneByOrFail({ email: 'twice@example.com' });
      const page = await admin.agent.get(`/people/${user.id}`).expect(200);
      await admin.agent
        .post(`/people/${user.id}/invitation`)
        .type('form')
        .send({ _csrf: csrfTokenIn(page.text) })
        .expect(303);
      await request(testApp.server).get(first).expect(410);
      const mails = await outboxMessages(testApp.dataSource);
      const second = linkIn(mails.filter((mail) => mail.to === 'twice@example.com').at(-1)!.text);
      expect(second).not.toEqual(first);
      expect((await accept(second)).status).toBe(303);
    });

    it('offers the existing person instead of inviting an email twice', async () => {
      const response = await submitForm(
        admin.agent,
        '/people/invite',
        { name: 'Dup', email: admin.user.email.toUpperCase(), roles: 'manager' },
        '/people',
      );
      expect(response.status).toBe(422);
      expect(response.text).toContain('already has a Keeper account with this email');
    });
  });

  describe('passwords', () => {
    it('resets a forgotten password by a single-use mailed link and signs out other sessions', async () => {
      const user = await createUser(testApp, ['interviewer']);
      const otherDevice = await signIn(testApp, user.email);

      const sent = await submitForm(request.agent(testApp.server), '/password/forgot', { email: user.email });
      expect(sent.status).toBe(200);
      expect(sent.text).toContain('Check your mail');
      const unknown = await submitForm(request.agent(testApp.server), '/password/forgot', {
        email: 'ghost@example.com',
      });
      expect(unknown.status).toBe(200);
      const normalise = (text: string, email: string) =>
        text.replace(email, 'EMAIL').replace(/name="_csrf" value="[^"]+"/g, '');
      expect(normalise(unknown.text, 'ghost@example.com')).toEqual(normalise(sent.text, user.email));

      const mails = (await outboxMessages(testApp.dataSource)).filter((mail) => mail.to === user.email);
      expect(mails).toHaveLength(1);
      const path = linkIn(mails[0].text);
      const agent = request.agent(testApp.server);
      const page = await agent.get(path).expect(200);
      const newPassword = 'a brand new long password';
      await agent
        .post(path)
        .type('form')
        .send({ _csrf: csrfTokenIn(page.text), password: newPassword, passwordConfirmation: newPassword })
        .expect(303);

      await otherDevice.get('/').expect(303);
      await request(testApp.server).get(path).expect(410);
      expect(
        (await submitForm(request.agent(testApp.server), '/login', { email: user.email, password: PASSWORD })).status,
      ).toBe(422);
      await signIn(testApp, user.email, newPassword);
    });

    it('changes a password only with the current one', async () => {
      const user = await createUser(testApp, ['manager']);
      const agent = await signIn(testApp, user.email);
      const wrong = await submitForm(agent, '/account/password', {
        currentPassword: 'not my password',
        password: 'another long password',
        passwordConfirmation: 'another long password',
      });
      expect(wrong.status).toBe(422);
      expect(wrong.text).toContain('That is not your current password');
      const right = await submitForm(agent, '/account/password', {
        currentPassword: PASSWORD,
        password: 'another long password',
        passwordConfirmation: 'another long password',
      });
      expect(right.status).toBe(303);
      await agent.get('/').expect(200);
      await signIn(testApp, user.email, 'another long password');
    });

    it('refuses passwords shorter than 12 characters', async () => {
      const user = await createUser(testApp, ['manager']);
      const agent = await signIn(testApp, user.email);
      const response = await submitForm(agent, '/account/password', {
        currentPassword: PASSWORD,
        password: 'elevenchars',
        passwordConfirmation: 'elevenchars',
      });
      expect(response.status).toBe(422);
      expect(response.text).toContain('Use at least 12 characters');
    });
  });

  describe('roles', () => {
    it('sets roles and keeps at least one admin', async () => {
      const person = await createUser(testApp, ['interviewer']);
      const page = await admin.agent.get(`/people/${person.id}`).expect(200);
      await admin.agent
        .post(`/people/${person.id}/roles`)
        .type('form')
        .send({ _csrf: csrfTokenIn(page.text), roles: ['interviewer', 'manager'] })
        .expect(303);
      const saved = await testApp.dataSource.getRepository(User).findOneByOrFail({ id: person.id });
      expect(saved.roles).toEqual(['manager', 'interviewer']);

      const own = await admin.agent
        .post(`/people/${admin.user.id}/roles`)
        .type('form')
        .send({ _csrf: csrfTokenIn(page.text), roles: ['manager'] });
      expect(own.status).toBe(422);
      expect(own.text).toContain('Keeper needs at least one active admin');
      const none = await admin.agent
        .post(`/people/${person.id}/roles`)
        .type('form')
        .send({ _csrf: csrfTokenIn(page.text) });
      expect(none.status).toBe(422);
      expect(none.text).toContain('Choose at least one role');
    });

    it('refuses fields the form does not have', async () => {
      const person = await createUser(testApp, ['interviewer']);
      const page = await admin.agent.get(`/people/${person.id}`).expect(200);
      const response = await admin.agent
        .post(`/people/${person.id}/roles`)
        .type('form')
        .send({ _csrf: csrfTokenIn(page.text), roles: 'manager', active: 'false' });
      expect(response.status).toBe(422);
    });
  });
});
