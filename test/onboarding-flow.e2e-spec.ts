import request from 'supertest';
import { User } from '../src/accounts/entities/user.entity.js';
import { csrfTokenIn, linkIn, outboxMessages, PASSWORD, submitForm } from './support/http.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('First run: setup, invitation, sign-in', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it('sends every page of an empty install to the setup page', async () => {
    const home = await request(testApp.server).get('/').expect(303);
    expect(home.headers.location).toBe('/setup');
    const login = await request(testApp.server).get('/login').expect(303);
    expect(login.headers.location).toBe('/setup');
    const setup = await request(testApp.server).get('/setup').expect(200);
    expect(setup.text).toContain('Create the first admin account');
  });

  it('shows the setup form again with errors and the values typed, and creates nobody', async () => {
    const agent = request.agent(testApp.server);
    const response = await submitForm(agent, '/setup', {
      name: 'Ada Admin',
      email: 'not-an-email',
      password: 'short',
      passwordConfirmation: 'short',
    });
    expect(response.status).toBe(422);
    expect(response.text).toContain('There are 2 problems');
    expect(response.text).toContain('href="#field-email"');
    expect(response.text).toContain('value="Ada Admin"');
    expect(response.text).toContain('value="not-an-email"');
    expect(response.text).not.toContain('value="short"');
    await expect(testApp.dataSource.getRepository(User).count()).resolves.toBe(0);
  });

  it('refuses two different passwords', async () => {
    const agent = request.agent(testApp.server);
    const response = await submitForm(agent, '/setup', {
      name: 'Ada Admin',
      email: 'ada@example.com',
      password: PASSWORD,
      passwordConfirmation: `${PASSWORD}!`,
    });
    expect(response.status).toBe(422);
    expect(response.text).toContain('The two passwords are not the same');
  });

  it('creates the admin, signs them in, lets them invite a hiring manager who joins by the mailed link', async () => {
    const admin = request.agent(testApp.server);
    const created = await submitForm(admin, '/setup', {
      name: 'Ada Admin',
      email: 'Ada@Example.com',
      password: PASSWORD,
      passwordConfirmation: PASSWORD,
    });
    expect(created.status).toBe(303);
    expect(created.headers.location).toBe('/people/invite');

    const stored = await testApp.dataSource.getRepository(User).findOneByOrFail({ email: 'ada@example.com' });
    expect(stored.roles).toEqual(['admin']);
    expect(stored.passwordHash).toMatch(/^scrypt\$/);

    // The setup page is gone for good.
    await request(testApp.server).get('/setup').expect(404);
    expect((await submitForm(admin, '/people/invite', {}, '/setup')).status).toBe(404);

    const invited = await submitForm(
      admin,
      '/people/invite',
      { name: 'Max Manager', email: 'max@example.com', roles: 'manager' },
      '/people',
    );
    expect(invited.status).toBe(303);
    const personPage = await admin.get(invited.headers.location).expect(200);
    expect(personPage.text).toContain('Invitation to max@example.com is on its way.');
    expect(personPage.text).toContain('Invited');

    const [mail] = await outboxMessages(testApp.dataSource);
    expect(mail.to).toBe('max@example.com');
    expect(mail.subject).toBe('Ada Admin invited you to Keeper');
    expect(mail.text).toContain('Hiring manager');
    const outbox = await admin.get('/admin/outbox').expect(200);
    expect(outbox.text).toContain('Ada Admin invited you to Keeper');
    const shown = await admin.get(`/admin/outbox/${mail.id}`).expect(200);
    expect(shown.text).toContain(testApp.config.link(linkIn(mail.text)));

    const manager = request.agent(testApp.server);
    const invitationPath = linkIn(mail.text);
    const invitationPage = await manager.get(invitationPath).expect(200);
    expect(invitationPage.text).toContain('You are joining as max@example.com');
    const accepted = await manager
      .post(invitationPath)
      .type('form')
      .send({
        _csrf: csrfTokenIn(invitationPage.text),
        name: 'Max Manager',
        password: PASSWORD,
        passwordConfirmation: PASSWORD,
      });
    expect(accepted.status).toBe(303);
    const managerHome = await manager.get('/').expect(200);
    expect(managerHome.text).toContain('Hello, Max');
    expect(managerHome.text).toContain('Hiring manager');
    expect(managerHome.text).not.toContain('href="/people"');
    await manager.get('/people').expect(403);

    // And signs in again later through the form.
    const later = request.agent(testApp.server);
    const signedIn = await submitForm(later, '/login', { email: 'MAX@example.com', password: PASSWORD });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.location).toBe('/');
    await later.get('/').expect(200);
  });

  it('answers /health with the database status', async () => {
    const response = await request(testApp.server).get('/health').expect(200);
    expect(response.body.info.database.status).toBe('up');
  });
});
