import type { User } from '../src/accounts/entities/user.entity.js';
import { hashPassword } from '../src/accounts/password-hasher.js';
import { formatDay } from '../src/common/dates.js';
import { Application } from '../src/candidates/entities/application.entity.js';
import { CheckIn, HireGoal, HireMilestone } from '../src/hires/entities/development.entity.js';
import { Connection, Hire, OnboardingTask } from '../src/hires/entities/hire.entity.js';
import { addDays, today } from '../src/hires/plan-dates.js';
import { HiresService } from '../src/hires/hires.service.js';
import { Position } from '../src/positions/entities/position.entity.js';
import { UsersRepository } from '../src/accounts/users.repository.js';
import { csrfTokenIn, outboxMessages, PASSWORD, signedInAs, signIn, submitForm, type Agent } from './support/http.js';
import { applicationInInterview } from './support/interviews.js';
import { publishedPosition } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type Person = { agent: Agent; user: User };

// Moving a week earlier crosses a month: every month-close deadline moves too.
const START = '2026-12-02';
const MOVED = '2026-11-25';

describe('Hire, onboarding and the first-year development plan', () => {
  let testApp: TestApp;
  let manager: Person;
  let buddy: Person;
  let interviewer: Person;
  let positionId: number;
  let hire: Hire;
  let newHire: Agent;

  beforeAll(async () => {
    testApp = await createTestApp();
    await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    buddy = await signedInAs(testApp, ['interviewer']);
    interviewer = await signedInAs(testApp, ['interviewer']);
    positionId = await publishedPosition(testApp, manager.user);
  });
  afterAll(() => testApp.close());

  async function inOffer(): Promise<Application> {
    const application = await applicationInInterview(testApp, manager.user, positionId);
    await testApp.dataSource.getRepository(Application).update(application.id, { stage: 'offer' });
    return application;
  }

  /** Lets an invited new hire sign in without going through the invitation mail (tested in accounts). */
  async function signInAsHired(userId: number): Promise<Agent> {
    const users = testApp.app.get(UsersRepository);
    const person = (await users.findById(userId))!;
    await testApp.dataSource.query(
      `UPDATE users SET "passwordHash" = '${await hashPassword(PASSWORD)}' WHERE id = ${userId}`,
    );
    return signIn(testApp, person.email);
  }

  it('hires on acceptance: Hired, an invitation, dated onboarding tasks and milestones, the position filled', async () => {
    const application = await inOffer();
    const page = `/applications/${application.id}/offer`;
    const refused = await submitForm(
      manager.agent,
      page,
      { offeredOn: '2026-11-20', terms: '' },
      `/applications/${application.id}/offers`,
    );
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Summarise the terms');
    await submitForm(
      manager.agent,
      page,
      { offeredOn: '2026-11-20', terms: 'USD 95,000 base, 40% variable, start within a month.' },
      `/applications/${application.id}/offers`,
    ).then((response) => expect(response.status).toBe(303));
    const form = await manager.agent.get(page).expect(200);
    const offerId = /\/offers\/(\d+)\/accept/.exec(form.text)![1];
    // A start date more than 30 days ago is confirmed first: the form comes back with the warning, nobody is hired.
    const longAgo = addDays(today(), -45);
    const unconfirmed = await manager.agent
      .post(`/applications/${application.id}/offers/${offerId}/accept`)
      .type('form')
      .send({ _csrf: csrfTokenIn(form.text), startDate: longAgo, buddyId: String(buddy.user.id) });
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.text).toContain('The start date is more than 30 days ago');
    expect(unconfirmed.text).toContain('Yes, this date is right');
    expect(unconfirmed.text).toContain(`value="${longAgo}"`);
    await expect(testApp.dataSource.getRepository(Hire).countBy({ applicationId: application.id })).resolves.toBe(0);
    const accepted = await manager.agent
      .post(`/applications/${application.id}/offers/${offerId}/accept`)
      .type('form')
      .send({ _csrf: csrfTokenIn(form.text), startDate: START, buddyId: String(buddy.user.id) });
    expect(accepted.status).toBe(303);

    hire = await testApp.dataSource
      .getRepository(Hire)
      .findOneOrFail({ where: { applicationId: application.id }, relations: { user: true } });
    expect(accepted.headers.location).toBe(`/hires/${hire.id}`);
    expect(hire).toMatchObject({ startDate: START, managerId: manager.user.id, buddyId: buddy.user.id });
    expect(hire.user.email).toBe(application.candidate.email);
    expect((await testApp.dataSource.getRepository(Application).findOneByOrFail({ id: application.id })).stage).toBe(
      'hired',
    );
    expect((await testApp.dataSource.getRepository(Position).findOneByOrFail({ id: positionId })).status).toBe(
      'filled',
    );
    const mails = await outboxMessages(testApp.dataSource);
    expect(
      mails.some((mail) => mail.to === application.candidate.email && mail.subject.includes('invited you to Keeper')),
    ).toBe(true);
    const buddyMail = mails.find((mail) => mail.to === buddy.user.email)!;
    expect(buddyMail.subject).toContain(`onboarding`);
    expect(buddyMail.text).toContain('Shadow three customer calls (due Sat 12 Dec 2026)');

    const tasks = await testApp.dataSource
      .getRepository(OnboardingTask)
      .find({ where: { hireId: hire.id }, order: { dueDay: 'ASC', id: 'ASC' } });
    expect(tasks).toHaveLength(15);
    for (const task of tasks) expect(task.dueOn).toBe(addDays(START, task.dueDay));
    expect(tasks[0]).toMatchObject({
      title: 'Laptop, accounts and building access ready',
      dueOn: '2026-11-25',
      ownerId: null,
      ownerLabel: 'IT',
    });
    expect(tasks.find((task) => task.title === 'Shadow three customer calls')!.ownerId).toBe(buddy.user.id);

    const goals = await testApp.dataSource
      .getRepository(HireGoal)
      .find({ where: { hireId: hire.id }, order: { sortOrder: 'ASC' } });
    // Started on the 2nd: the first full month is January, the 10th closes at the end of October.
    expect(goals.map((goal) => [goal.label, goal.kind, goal.deadlineOn])).toEqual([
      ['Billings at an annualized pace', 'pace', '2027-10-31'],
      ['A qualified pipeline', 'total', '2027-06-30'],
      ['Discovery meetings with economic buyers, a total', 'total', '2027-04-30'],
      ['A win rate on qualified opportunities', 'rate', '2027-10-31'],
      ['Account plans agreed with the hiring manager, a total', 'total', '2027-03-02'],
      ['Gross revenue retention of the customers won', 'rate', '2027-12-31'],
    ]);
    const milestones = await testApp.dataSource
      .getRepository(HireMilestone)
      .find({ where: { hireId: hire.id }, order: { sortOrder: 'ASC' } });
    expect(milestones[0]).toMatchObject({ monthOffset: 1, dueOn: '2027-01-31' });
    expect(milestones.find((milestone) => milestone.monthOffset === 4)).toMatchObject({
      dueOn: '2027-04-30',
      goalId: goals[0].id,
      interimTargetPercent: 30,
    });
  });

  it('moves open tasks, deadlines and milestones with the start date, and leaves done tasks alone', async () => {
    const tasks = testApp.dataSource.getRepository(OnboardingTask);
    const welcome = await tasks.findOneByOrFail({
      hireId: hire.id,
      title: 'Send the welcome mail with the first week’s schedule',
    });
    await submitForm(manager.agent, `/hires/${hire.id}`, { done: '1' }, `/onboarding/tasks/${welcome.id}`).then(
      (response) => expect(response.status).toBe(303),
    );
    // More than a year ahead: refused until confirmed, nothing moves; confirmed, it moves.
    const farAhead = addDays(today(), 400);
    const unconfirmed = await submitForm(
      manager.agent,
      `/hires/${hire.id}`,
      { startDate: farAhead },
      `/hires/${hire.id}/start-date`,
    );
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.text).toContain('The start date is more than a year ahead');
    expect((await testApp.dataSource.getRepository(Hire).findOneByOrFail({ id: hire.id })).startDate).toBe(START);
    const confirmed = await submitForm(
      manager.agent,
      `/hires/${hire.id}`,
      { startDate: farAhead, confirm: 'yes' },
      `/hires/${hire.id}/start-date`,
    );
    expect(confirmed.status).toBe(303);
    expect((await testApp.dataSource.getRepository(Hire).findOneByOrFail({ id: hire.id })).startDate).toBe(farAhead);
    const moved = await submitForm(
      manager.agent,
      `/hires/${hire.id}`,
      { startDate: MOVED },
      `/hires/${hire.id}/start-date`,
    );
    expect(moved.status).toBe(303);

    for (const task of await tasks.findBy({ hireId: hire.id })) {
      expect(task.dueOn).toBe(task.id === welcome.id ? addDays(START, task.dueDay) : addDays(MOVED, task.dueDay));
    }
    const goals = await testApp.dataSource
      .getRepository(HireGoal)
      .find({ where: { hireId: hire.id }, order: { sortOrder: 'ASC' } });
    expect(goals[0].deadlineOn).toBe('2027-09-30');
    expect(goals[4].deadlineOn).toBe('2027-02-23');
    const milestones = await testApp.dataSource
      .getRepository(HireMilestone)
      .find({ where: { hireId: hire.id }, order: { sortOrder: 'ASC' } });
    expect(milestones[0].dueOn).toBe('2026-12-31');
  });

  it('shows a colleague their task on their home page, lets them complete it, and the new hire sees progress change', async () => {
    newHire = await signInAsHired(hire.userId);
    const before = await newHire.get('/').expect(200);
    expect(before.text).toContain('My onboarding');
    expect(before.text).toMatch(/1 of 15 tasks done/);
    // Since the move, IT's laptop task (a week before the start) is overdue.
    expect(before.text).toContain('overdue');
    const managerHome = await manager.agent.get('/').expect(200);
    expect(managerHome.text).toContain(
      `Overdue onboarding task for ${hire.user.name}: “Laptop, accounts and building access ready”`,
    );
    expect(managerHome.text).toMatch(/New hires with overdue onboarding tasks<\/a><\/dt><dd>1<\/dd>/);

    const home = await buddy.agent.get('/').expect(200);
    expect(home.text).toContain('Your part in new hires’ onboarding');
    expect(home.text).toContain(`Shadow three customer calls <small class="muted">— for ${hire.user.name}`);
    const task = await testApp.dataSource
      .getRepository(OnboardingTask)
      .findOneByOrFail({ hireId: hire.id, title: 'Shadow three customer calls' });
    const done = await buddy.agent
      .post(`/onboarding/tasks/${task.id}`)
      .type('form')
      .send({ _csrf: csrfTokenIn(home.text), done: '1', returnTo: 'home' });
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/');
    expect((await buddy.agent.get('/').expect(200)).text).not.toContain('Shadow three customer calls <small');
    expect((await newHire.get('/').expect(200)).text).toMatch(/2 of 15 tasks done/);

    // A task the manager gives a colleague reaches them by mail and on their home page.
    const added = await submitForm(
      manager.agent,
      `/hires/${hire.id}`,
      {
        title: 'Introduce the biggest three customers',
        category: 'customers',
        owner: `user:${interviewer.user.id}`,
        dueDay: '12',
      },
      `/hires/${hire.id}/tasks`,
    );
    expect(added.status).toBe(303);
    const assigned = (await outboxMessages(testApp.dataSource)).filter((mail) => mail.to === interviewer.user.email);
    expect(assigned.map((mail) => mail.text).join('\n')).toContain(
      `Introduce the biggest three customers (due ${formatDay(addDays(MOVED, 12))})`,
    );
    expect((await interviewer.agent.get('/').expect(200)).text).toContain(
      'Introduce the biggest three customers <small',
    );

    // Someone who owns nothing on the plan cannot tick it.
    const other = await interviewer.agent.get('/').expect(200);
    await interviewer.agent
      .post(`/onboarding/tasks/${task.id}`)
      .type('form')
      .send({ _csrf: csrfTokenIn(other.text), done: '0' })
      .expect(404);
  });

  it('records a check-in: pace and status per outcome, and a chart whose table has the same numbers', async () => {
    // Seven weeks in (49 days): billings booked so far, meetings held so far.
    const goals = await testApp.dataSource
      .getRepository(HireGoal)
      .find({ where: { hireId: hire.id }, order: { sortOrder: 'ASC' } });
    const page = `/hires/${hire.id}/plan`;
    const bad = await submitForm(
      manager.agent,
      page,
      { heldOn: '2027-01-13', confirm: 'yes', [`actuals[g${goals[0].id}]`]: 'lots' },
      `/hires/${hire.id}/check-ins`,
    );
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Enter a number, 0 or more');
    expect(bad.text).toContain('value="lots"');
    const saved = await submitForm(
      manager.agent,
      page,
      {
        heldOn: '2027-01-13',
        confirm: 'yes',
        [`actuals[g${goals[0].id}]`]: '30,000',
        [`actuals[g${goals[2].id}]`]: '9',
        coachingNotes: 'Good discovery habits.',
        nextSteps: 'Book two CFO meetings.',
      },
      `/hires/${hire.id}/check-ins`,
    );
    expect(saved.status).toBe(303);

    const plan = await manager.agent.get(page).expect(200);
    // Billings: 30,000 in 49 days is an annualized pace of 223,469.4. The plan's path climbs to the month-4
    // milestone (30% of 500,000 on 2027-03-31, day 126): 150,000 × 49/126 = 58,333.3 expected by day 49.
    const billings = plan.text.slice(plan.text.indexOf(`id="goal-${goals[0].id}"`));
    expect(billings).toContain(
      '<th scope="row">2027-01-13</th><td>30,000</td><td>223,469.4</td><td>58,333.3</td><td>On pace</td>',
    );
    expect(billings).toContain('<title>2027-01-13: 223.5K</title>');
    // Meetings: the path climbs to the month-3 milestone (half of 40 on 2027-02-28, day 95): 20 × 49/95 = 10.3;
    // 9 is 87% of it: at risk.
    const meetings = plan.text.slice(plan.text.indexOf(`id="goal-${goals[2].id}"`));
    expect(meetings).toContain('<th scope="row">2027-01-13</th><td>9</td><td>10.3</td><td>At risk</td>');
    // The outcomes table shows the same reading.
    expect(plan.text).toMatch(
      new RegExp(
        `Billings at an annualized pace</a>[\\s\\S]*?<td data-label="Latest">223,469.4 <small class="muted">a year</small></td>\\s*<td data-label="Plan expects">58,333.3</td>\\s*<td data-label="Status"><span class="status-on-pace">On pace</span>`,
      ),
    );
    // A later month with few meetings: off pace, and the manager's home says so.
    expect((await manager.agent.get('/').expect(200)).text).toMatch(/with an outcome off pace<\/a><\/dt><dd>0<\/dd>/);
    await submitForm(
      manager.agent,
      page,
      { heldOn: '2027-01-20', confirm: 'yes', [`actuals[g${goals[2].id}]`]: '3' },
      `/hires/${hire.id}/check-ins`,
    ).then((response) => expect(response.status).toBe(303));
    expect((await manager.agent.get('/').expect(200)).text).toMatch(
      new RegExp(`with an outcome off pace</a></dt><dd>1 <small>\\(${hire.user.name}\\)</small>`),
    );

    const mine = await newHire.get(page).expect(200);
    expect(mine.text).toContain('Good discovery habits.');

    // The new hire adds their own view of the month; the manager cannot write it for them.
    const checkInId = /\/check-ins\/(\d+)\/view/.exec(mine.text)![1];
    await manager.agent
      .post(`${page.replace('/plan', '')}/check-ins/${checkInId}/view`)
      .type('form')
      .send({ _csrf: csrfTokenIn(plan.text), newHireView: 'Written by someone else.' })
      .expect(403);
    const view = await newHire
      .post(`/hires/${hire.id}/check-ins/${checkInId}/view`)
      .type('form')
      .send({ _csrf: csrfTokenIn(mine.text), newHireView: 'Meetings are slow to book in December.' });
    expect(view.status).toBe(303);
    expect((await manager.agent.get(page).expect(200)).text).toContain('Meetings are slow to book in December.');

    // The month-10 review: every outcome judged, keeper or not.
    const incomplete = await submitForm(
      manager.agent,
      page,
      { [`results[g${goals[0].id}]`]: 'met', keeper: 'yes' },
      `/hires/${hire.id}/review`,
    );
    expect(incomplete.status).toBe(422);
    expect(incomplete.text).toContain('Choose met, partly met or not met');
    const results = Object.fromEntries(
      goals.map((goal, index) => [`results[g${goal.id}]`, index === 3 ? 'partly' : 'met']),
    );
    await submitForm(
      manager.agent,
      page,
      { ...results, keeper: 'yes', reviewNotes: 'Met five of six; win rate close.' },
      `/hires/${hire.id}/review`,
    ).then((response) => expect(response.status).toBe(303));
    const reviewed = await testApp.dataSource.getRepository(Hire).findOneByOrFail({ id: hire.id });
    expect(reviewed.keeper).toBe(true);
    expect(
      (
        await testApp.dataSource
          .getRepository(HireGoal)
          .find({ where: { hireId: hire.id }, order: { sortOrder: 'ASC' } })
      ).map((goal) => goal.result),
    ).toEqual(['met', 'met', 'met', 'partly', 'met', 'met']);
    // Only the manager reviews.
    await newHire
      .post(`/hires/${hire.id}/review`)
      .type('form')
      .send({ _csrf: csrfTokenIn(mine.text), ...results, keeper: 'no' })
      .expect(403);
  });

  it('dates a check-in in the future only once confirmed, and lets its author or an admin correct and delete it', async () => {
    const goals = await testApp.dataSource
      .getRepository(HireGoal)
      .find({ where: { hireId: hire.id }, order: { sortOrder: 'ASC' } });
    const page = `/hires/${hire.id}/plan`;
    const checkIns = () => testApp.dataSource.getRepository(CheckIn).find({ where: { hireId: hire.id } });
    const before = (await checkIns()).length;
    const ahead = addDays(today(), 60);
    const fields = { heldOn: ahead, [`actuals[g${goals[2].id}]`]: '12', coachingNotes: 'Typed in a hurry.' };
    const unconfirmed = await submitForm(manager.agent, page, fields, `/hires/${hire.id}/check-ins`);
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.text).toContain('in the future: the pace of every outcome is read as of that day');
    expect(unconfirmed.text).toContain('Typed in a hurry.');
    expect(await checkIns()).toHaveLength(before);
    const recorded = await submitForm(
      manager.agent,
      page,
      { ...fields, confirm: 'yes' },
      `/hires/${hire.id}/check-ins`,
    );
    expect(recorded.status).toBe(303);
    const checkIn = (await checkIns()).find((row) => row.heldOn === ahead)!;
    expect(checkIn.coachingNotes).toBe('Typed in a hurry.');

    // Corrected by its author: the form comes filled in; the History keeps the earlier values.
    const plan = await manager.agent.get(page).expect(200);
    expect(plan.text).toContain(`/hires/${hire.id}/check-ins/${checkIn.id}/edit`);
    const edit = `/hires/${hire.id}/check-ins/${checkIn.id}`;
    const form = await manager.agent.get(`${edit}/edit`).expect(200);
    expect(form.text).toContain('Typed in a hurry.');
    const corrected = await submitForm(
      manager.agent,
      `${edit}/edit`,
      { heldOn: '2027-01-27', confirm: 'yes', [`actuals[g${goals[2].id}]`]: '14', coachingNotes: 'Corrected notes.' },
      edit,
    );
    expect(corrected.status).toBe(303);
    expect(await testApp.dataSource.getRepository(CheckIn).findOneByOrFail({ id: checkIn.id })).toMatchObject({
      heldOn: '2027-01-27',
      actuals: { [String(goals[2].id)]: 14 },
      coachingNotes: 'Corrected notes.',
    });
    const corrections = (await manager.agent.get(page).expect(200)).text;
    const card = corrections.slice(corrections.indexOf(`id="check-in-${checkIn.id}"`));
    expect(card).toContain('Corrected 1 time — earlier version');
    expect(card).toContain('Typed in a hurry.');
    expect(card).toContain('Corrected notes.');
    // The audit trail records the change (free text as its length only) and the hire's History lists it.
    const history = await manager.agent.get(`/hires/${hire.id}/history`).expect(200);
    expect(history.text).toMatch(new RegExp(`${ahead}[\\s\\S]*?2027-01-27`));

    // Someone who is not its author nor an admin is refused, even the new hire who can read it.
    const other = await signedInAs(testApp, ['manager']);
    await other.agent.get(`${edit}/edit`).expect(404);
    await newHire.get(`${edit}/edit`).expect(403);
    await newHire
      .post(`${edit}/delete`)
      .type('form')
      .send({ _csrf: csrfTokenIn((await newHire.get(page).expect(200)).text), confirm: 'yes' })
      .expect(403);

    // Deleted by an admin, through the confirmation step.
    const admin = await signedInAs(testApp, ['admin']);
    const step = await admin.agent.get(`${edit}/delete`).expect(200);
    expect(step.text).toContain('Delete the check-in of');
    const refused = await admin.agent
      .post(`${edit}/delete`)
      .type('form')
      .send({ _csrf: csrfTokenIn(step.text) })
      .expect(422);
    expect(refused.text).toContain('Delete the check-in of');
    await expect(testApp.dataSource.getRepository(CheckIn).countBy({ id: checkIn.id })).resolves.toBe(1);
    await admin.agent
      .post(`${edit}/delete`)
      .type('form')
      .send({ _csrf: csrfTokenIn(step.text), confirm: 'yes' })
      .expect(303);
    await expect(testApp.dataSource.getRepository(CheckIn).countBy({ id: checkIn.id })).resolves.toBe(0);
    expect((await manager.agent.get(page).expect(200)).text).not.toContain('Corrected notes.');
  });

  it('keeps plans private: another new hire gets 404, an interviewer gets 404 on plans and 403 on the list', async () => {
    positionId = await publishedPosition(testApp, manager.user, 'Account Executive, Enterprise');
    const otherApplication = await inOffer();
    const hires = testApp.app.get(HiresService);
    const offer = await hires.recordOffer(manager.user, otherApplication.id, {
      offeredOn: '2026-11-21',
      terms: 'Standard terms.',
    });
    const other = await hires.acceptOffer(manager.user, otherApplication.id, offer.id, {
      startDate: '2027-01-04',
      buddyId: null,
    });
    const otherAgent = await signInAsHired(other.userId);
    for (const path of [`/hires/${hire.id}`, `/hires/${hire.id}/plan`]) {
      await otherAgent.get(path).expect(404);
      await interviewer.agent.get(path).expect(404);
    }
    await interviewer.agent.get('/hires').expect(403);
    const own = await otherAgent.get('/my/onboarding').expect(303);
    expect(own.headers.location).toBe(`/hires/${other.id}`);
    // Nor can they write to someone else's plan.
    const page = await otherAgent.get(`/hires/${other.id}`).expect(200);
    await otherAgent
      .post(`/hires/${hire.id}/learning`)
      .type('form')
      .send({
        _csrf: csrfTokenIn(page.text),
        weekOf: '2026-11-16',
        area: 'Financial literacy',
        what: 'Read a P&L',
        minutes: '60',
      })
      .expect(404);
    await otherAgent
      .post(`/hires/${hire.id}/connections`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), name: 'Sam', why: 'Knows the CFOs', targetWeek: '2' })
      .expect(404);
    // A connection of someone else's plan, addressed through one's own plan, is not found either.
    const seeded = await submitForm(
      manager.agent,
      `/hires/${hire.id}`,
      { name: 'Dana Whitfield', why: 'Knows every support case.', targetWeek: '2' },
      `/hires/${hire.id}/connections`,
    );
    expect(seeded.status).toBe(303);
    const theirs = await testApp.dataSource
      .getRepository(Connection)
      .findOneByOrFail({ hireId: hire.id, name: 'Dana Whitfield' });
    await otherAgent
      .post(`/hires/${other.id}/connections/${theirs.id}`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), status: 'met', note: 'Not mine.' })
      .expect(404);
    // Nor can an offer be answered through another application's address.
    positionId = await publishedPosition(testApp, manager.user, 'Account Executive, Public Sector');
    const third = await inOffer();
    const thirdOffer = await hires.recordOffer(manager.user, third.id, {
      offeredOn: '2026-11-21',
      terms: 'Standard terms.',
    });
    const offerPage = await manager.agent.get(`/applications/${third.id}/offer`).expect(200);
    await manager.agent
      .post(`/applications/${otherApplication.id}/offers/${thirdOffer.id}/accept`)
      .type('form')
      .send({ _csrf: csrfTokenIn(offerPage.text), startDate: '2027-01-04' })
      .expect(404);
  });

  it('lets an admin keep the onboarding template, which new hires get from then on', async () => {
    const admin = await signedInAs(testApp, ['admin']);
    const page = await admin.agent.get('/admin/onboarding-template').expect(200);
    expect(page.text).toContain('Laptop, accounts and building access ready');
    const refused = await admin.agent
      .post('/admin/onboarding-template')
      .type('form')
      .send({
        _csrf: csrfTokenIn(page.text),
        'tasks[0][title]': 'Welcome breakfast',
        'tasks[0][category]': 'immersion',
        'tasks[0][ownerKind]': 'role',
        'tasks[0][dueDay]': '1',
      });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Name the role, e.g. IT');
    const saved = await admin.agent
      .post('/admin/onboarding-template')
      .type('form')
      .send({
        _csrf: csrfTokenIn(page.text),
        'tasks[0][title]': 'Welcome breakfast',
        'tasks[0][category]': 'immersion',
        'tasks[0][ownerKind]': 'manager',
        'tasks[0][dueDay]': '1',
        'tasks[1][title]': '',
      });
    expect(saved.status).toBe(303);
    positionId = await publishedPosition(testApp, manager.user, 'Account Executive, SMB');
    const application = await inOffer();
    const hires = testApp.app.get(HiresService);
    const offer = await hires.recordOffer(manager.user, application.id, {
      offeredOn: '2026-11-21',
      terms: 'Standard terms.',
    });
    const hired = await hires.acceptOffer(manager.user, application.id, offer.id, {
      startDate: '2027-02-01',
      buddyId: null,
    });
    const tasks = await testApp.dataSource.getRepository(OnboardingTask).findBy({ hireId: hired.id });
    expect(tasks.map((task) => [task.title, task.dueOn, task.ownerId])).toEqual([
      ['Welcome breakfast', '2027-02-02', manager.user.id],
    ]);
    await manager.agent.get('/admin/onboarding-template').expect(403);
  });
});
