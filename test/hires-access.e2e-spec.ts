import type { User } from '../src/accounts/entities/user.entity.js';
import { hashPassword } from '../src/accounts/password-hasher.js';
import { Application } from '../src/candidates/entities/application.entity.js';
import { CheckIn, HireGoal } from '../src/hires/entities/development.entity.js';
import { OnboardingTask, type Hire } from '../src/hires/entities/hire.entity.js';
import { HiresService } from '../src/hires/hires.service.js';
import { csrfTokenIn, PASSWORD, signedInAs, signIn, submitForm, type Agent } from './support/http.js';
import { applicationInInterview } from './support/interviews.js';
import { publishedPosition } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type Person = { agent: Agent; user: User };

/** Hires are decided on the user's current roles: a manager demoted to interviewer loses their former hire at once. */
describe('Who may see and manage a hire', () => {
  let testApp: TestApp;
  let admin: Person;
  let manager: Person;
  let hire: Hire;
  let newHire: Agent;
  let goal: HireGoal;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    const positionId = await publishedPosition(testApp, manager.user);
    const application = await applicationInInterview(testApp, manager.user, positionId);
    await testApp.dataSource.getRepository(Application).update(application.id, { stage: 'offer' });
    const hires = testApp.app.get(HiresService);
    const offer = await hires.recordOffer(manager.user, application.id, {
      offeredOn: '2026-11-20',
      terms: 'Standard terms.',
    });
    hire = await hires.acceptOffer(manager.user, application.id, offer.id, { startDate: '2026-12-02', buddyId: null });
    await testApp.dataSource.query(
      `UPDATE users SET "passwordHash" = '${await hashPassword(PASSWORD)}' WHERE id = ${hire.userId}`,
    );
    newHire = await signIn(testApp, hire.user.email);
    [goal] = await testApp.dataSource
      .getRepository(HireGoal)
      .find({ where: { hireId: hire.id }, order: { id: 'ASC' } });
  });
  afterAll(() => testApp.close());

  /** A task of the new hire's own, still open. */
  function newHiresTask(): Promise<OnboardingTask> {
    return testApp.dataSource
      .getRepository(OnboardingTask)
      .findOneOrFail({ where: { hireId: hire.id, ownerId: hire.userId }, order: { id: 'ASC' } });
  }

  /** What the hiring manager does with their hire: each request with its status. */
  async function managerRequests(): Promise<Record<string, number>> {
    const agent = manager.agent;
    const csrf = csrfTokenIn((await agent.get('/').expect(200)).text);
    const post = (path: string, fields: Record<string, string>) =>
      agent
        .post(path)
        .type('form')
        .send({ _csrf: csrf, ...fields })
        .then((response) => response.status);
    const task = await newHiresTask();
    return {
      list: (await agent.get('/hires')).status,
      onboarding: (await agent.get(`/hires/${hire.id}`)).status,
      plan: (await agent.get(`/hires/${hire.id}/plan`)).status,
      checkIn: await post(`/hires/${hire.id}/check-ins`, {
        heldOn: '2027-01-13',
        confirm: 'yes',
        [`actuals[g${goal.id}]`]: '100',
      }),
      addTask: await post(`/hires/${hire.id}/tasks`, {
        title: 'Meet the support team',
        category: 'immersion',
        owner: 'new-hire',
        dueDay: '5',
      }),
      completeTask: await post(`/onboarding/tasks/${task.id}`, { done: task.doneAt ? '0' : '1' }),
      startDate: await post(`/hires/${hire.id}/start-date`, { startDate: '2026-12-02' }),
      connection: await post(`/hires/${hire.id}/connections`, {
        name: 'Sam Lee',
        why: 'Knows the CFOs.',
        targetWeek: '2',
      }),
    };
  }

  async function setRoles(person: User, roles: string[]): Promise<void> {
    const saved = await submitForm(admin.agent, `/people/${person.id}`, { roles }, `/people/${person.id}/roles`);
    expect(saved.status).toBe(303);
  }

  it('lets the hiring manager see and manage their hire', async () => {
    expect(await managerRequests()).toEqual({
      list: 200,
      onboarding: 200,
      plan: 200,
      checkIn: 303,
      addTask: 303,
      completeTask: 303,
      startDate: 303,
      connection: 303,
    });
    expect((await manager.agent.get('/hires').expect(200)).text).toContain(`href="/hires/${hire.id}"`);
  });

  it('refuses them everything on the hire once an admin has made them an interviewer, and writes nothing', async () => {
    await setRoles(manager.user, ['interviewer']);
    const checkIns = await testApp.dataSource.getRepository(CheckIn).countBy({ hireId: hire.id });
    const tasks = await testApp.dataSource.getRepository(OnboardingTask).countBy({ hireId: hire.id });
    const task = await newHiresTask();

    expect(await managerRequests()).toEqual({
      list: 403,
      onboarding: 404,
      plan: 404,
      checkIn: 404,
      addTask: 404,
      completeTask: 404,
      startDate: 404,
      connection: 404,
    });
    expect(await testApp.dataSource.getRepository(CheckIn).countBy({ hireId: hire.id })).toBe(checkIns);
    expect(await testApp.dataSource.getRepository(OnboardingTask).countBy({ hireId: hire.id })).toBe(tasks);
    expect((await newHiresTask()).doneAt).toEqual(task.doneAt);

    // The new hire and admins keep the plans.
    await newHire.get(`/hires/${hire.id}`).expect(200);
    await newHire.get(`/hires/${hire.id}/plan`).expect(200);
    const asAdmin = await admin.agent.get(`/hires/${hire.id}`).expect(200);
    expect(asAdmin.text).toContain('Manage the plan');
  });

  it('still lets them tick a task that is their own', async () => {
    const own = await testApp.dataSource.getRepository(OnboardingTask).findOneOrFail({
      where: { hireId: hire.id, ownerId: manager.user.id, ownerKind: 'manager' },
      order: { id: 'ASC' },
    });
    const csrf = csrfTokenIn((await manager.agent.get('/').expect(200)).text);
    await manager.agent
      .post(`/onboarding/tasks/${own.id}`)
      .type('form')
      .send({ _csrf: csrf, done: '1', returnTo: 'home' })
      .expect(303);
  });

  it('gives the hire back when the manager role is given back', async () => {
    await setRoles(manager.user, ['manager']);
    await manager.agent.get(`/hires/${hire.id}`).expect(200);
    await manager.agent.get('/hires').expect(200);
  });

  it('finds a check-in only through the plan it belongs to', async () => {
    const [checkIn] = await testApp.dataSource.getRepository(CheckIn).findBy({ hireId: hire.id });
    const page = await newHire.get(`/hires/${hire.id}/plan`).expect(200);
    await newHire
      .post(`/hires/${hire.id + 1000}/check-ins/${checkIn.id}/view`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), newHireView: 'Through the wrong address.' })
      .expect(404);
    expect(
      (await testApp.dataSource.getRepository(CheckIn).findOneByOrFail({ id: checkIn.id })).newHireView,
    ).toBeNull();
  });
});
