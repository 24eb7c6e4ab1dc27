import { DEMO_PASSWORD, seedDemo } from '../src/demo/demo.seed.js';
import { Application, STAGES } from '../src/candidates/entities/application.entity.js';
import { Position } from '../src/positions/entities/position.entity.js';
import { Interview } from '../src/interviews/entities/interview.entity.js';
import { Hire } from '../src/hires/entities/hire.entity.js';
import { DateTime } from 'luxon';
import { In, IsNull } from 'typeorm';
import { AgencySubmission } from '../src/agencies/entities/agency.entity.js';
import { ApplicationEvent } from '../src/candidates/entities/application-event.entity.js';
import { ApplicationAnswer } from '../src/candidates/entities/application-answer.entity.js';
import { LegalHold } from '../src/data-protection/entities/legal-hold.entity.js';
import { RetentionService } from '../src/data-protection/retention.service.js';
import { OutboxMessage } from '../src/mail/entities/outbox-message.entity.js';
import { VettingService } from '../src/vetting/vetting.service.js';
import { outboxMessages, signIn } from './support/http.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('Demo company', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it('seeds the seven documented sign-ins, each landing on a home page for its roles', async () => {
    const people = await seedDemo(testApp.app);
    expect(people.map((person) => person.email)).toEqual([
      'admin@keeper.demo',
      'manager@keeper.demo',
      'interviewer@keeper.demo',
      'interviewer2@keeper.demo',
      'newhire@keeper.demo',
      'compliance@keeper.demo',
      'recruiter@keeper.demo',
    ]);
    const compliance = await signIn(testApp, 'compliance@keeper.demo', DEMO_PASSWORD);
    await compliance.get('/').expect(303).expect('Location', '/insights/adverse-impact');
    const report = await compliance.get('/insights/adverse-impact').expect(200);
    expect(report.text).toContain('Below four-fifths');
    const recruiter = await signIn(testApp, 'recruiter@keeper.demo', DEMO_PASSWORD);
    await recruiter.get('/').expect(303).expect('Location', '/agency');
    const portal = await recruiter.get('/agency').expect(200);
    expect(portal.text).toContain('Account Executive, Mid-Market Healthcare');
    const submissions = await recruiter.get('/agency/submissions').expect(200);
    expect(submissions.text).toContain('Samuel Okoro');
    for (const person of people.filter(
      (person) => !person.roles.includes('recruiter') && !person.roles.includes('compliance'),
    )) {
      const agent = await signIn(testApp, person.email, DEMO_PASSWORD);
      const home = await agent.get('/').expect(200);
      expect(home.text).toContain(`Hello, ${person.name.split(' ')[0]}`);
    }
    const admin = await signIn(testApp, 'admin@keeper.demo', DEMO_PASSWORD);
    const invited = await admin.get('/people?status=invited').expect(200);
    expect(invited.text).toContain('Sam Carter');
    expect(invited.text).toContain('Lee Park');
    const mails = await outboxMessages(testApp.dataSource);
    expect(
      mails
        .filter((mail) => mail.subject.startsWith('Interview:'))
        .every((mail) => mail.attachments?.[0].filename === 'invite.ics'),
    ).toBe(true);
    expect(mails.filter((mail) => mail.subject.endsWith('invited you to Keeper')).map((mail) => mail.to)).toEqual([
      'sam.carter@keeper.demo',
      'lee.park@keeper.demo',
      'newhire@keeper.demo',
      'omar.haddad@candidates.demo',
    ]);
    expect(mails.slice(0, 5).map((mail) => mail.to)).toEqual([
      'sam.carter@keeper.demo',
      'lee.park@keeper.demo',
      'amara.obi@candidates.demo',
      'luis.ortega@candidates.demo',
      'hana.sato@candidates.demo',
    ]);
    // Hana applied on the careers site: her log holds the acknowledgement, the portal link when vetting opened, the
    // presentation session (with its calendar part) and the interview invitation.
    const hana = mails.filter((mail) => mail.to === 'hana.sato@candidates.demo');
    expect(hana.map((mail) => mail.templateKey)).toEqual([
      'application-received',
      'portal-link',
      'presentation-scheduled',
      'interview-scheduled',
    ]);
    expect(hana[2].attachments?.[0].filename).toBe('invite.ics');
  });

  it('has three positions in different states, one of them ready to recruit', async () => {
    const positions = await testApp.dataSource.getRepository(Position).find({ order: { id: 'ASC' } });
    expect(positions.map((position) => position.status)).toEqual(['published', 'on-hold', 'draft']);

    const manager = await signIn(testApp, 'manager@keeper.demo', DEMO_PASSWORD);
    const ready = await manager.get(`/positions/${positions[0].id}`).expect(200);
    expect(ready.text).toContain('Ready to recruit');
    for (const position of positions.slice(1)) {
      expect((await manager.get(`/positions/${position.id}`).expect(200)).text).toContain('Not ready to recruit yet');
    }
    const home = await manager.get('/').expect(200);
    expect(home.text).toContain(
      'Position “Customer Success Manager” is not ready to recruit: the outcome check finds errors, the development plan is incomplete, the vetting steps are not chosen, the interview kit is not published, no version is published.',
    );
    expect(home.text).not.toContain(`Position “${positions[0].title}” is not ready`);
    expect(home.text).toContain(
      `1 candidate for “${positions[0].title}” has passed every vetting step and can move to Interview.`,
    );
    // On hold is a choice, not a to-do.
    expect(home.text).not.toContain(`Position “${positions[1].title}” is not ready`);
    // Open for one more hire: the headcount is above the hires, so "published" is what the rule leaves it at.
    const hired = await testApp.dataSource
      .getRepository(Application)
      .countBy({ positionId: positions[0].id, stage: 'hired' });
    expect(hired).toBeGreaterThan(2);
    expect(positions[0].headcount).toBe(hired + 1);
  });

  it('shows a pipeline that has been running for weeks: candidates applied on different days and wait in their stage', async () => {
    const manager = await signIn(testApp, 'manager@keeper.demo', DEMO_PASSWORD);
    const amara = await testApp.dataSource
      .getRepository(Application)
      .findOneOrFail({ where: { candidate: { name: 'Amara Obi' } }, relations: { candidate: true } });
    const board = await manager.get(`/positions/${amara.positionId}/board`).expect(200);
    expect(board.text).toContain('11 days in stage');
    expect(board.text).toContain('5 days in stage');
    const live = await testApp.dataSource.getRepository(Application).find({
      where: { candidate: { name: In(['Rosa Quinn', 'Amara Obi', 'Hana Sato', 'Omar Haddad']) } },
      relations: { candidate: true },
    });
    const appliedDaysAgo = live.map((application) =>
      Math.round((Date.now() - application.createdAt.getTime()) / 86_400_000),
    );
    expect(appliedDaysAgo.sort((a, b) => a - b)).toEqual([2, 14, 18, 290]);
  });

  it('has candidates with resumes in every stage of the ready position', async () => {
    const applications = await testApp.dataSource.getRepository(Application).find({ relations: { candidate: true } });
    expect(new Set(applications.map((application) => application.stage))).toEqual(new Set(STAGES));
    // The live candidates carry resumes; the history behind the insights (…@history.demo) does not.
    expect(
      applications
        .filter((application) => !application.candidate.email.endsWith('@history.demo'))
        .every((application) => application.candidate.resumeFileId !== null),
    ).toBe(true);
    const manager = await signIn(testApp, 'manager@keeper.demo', DEMO_PASSWORD);
    const board = await manager.get(`/positions/${applications[0].positionId}/board`).expect(200);
    expect(board.text).toContain('Hana Sato');
    expect(board.text).toContain('3 rejected or withdrawn');
  });

  it('shows every application past the gate with every required vetting step passed (none let through by hand)', async () => {
    // Everyone who ever reached Interview: those there now and later, and those rejected after their interviews.
    const reached = await testApp.dataSource.getRepository(ApplicationEvent).find({ where: { toStage: 'interview' } });
    const past = await testApp.dataSource
      .getRepository(Application)
      .find({ where: { id: In(reached.map((event) => event.applicationId)) }, order: { id: 'ASC' } });
    expect(past.length).toBeGreaterThan(20);
    const byPosition = new Map<number, number[]>();
    for (const application of past)
      byPosition.set(application.positionId, [...(byPosition.get(application.positionId) ?? []), application.id]);
    const vetting = testApp.app.get(VettingService);
    for (const [positionId, ids] of byPosition)
      expect({ positionId, passed: await vetting.passedGate(positionId, ids) }).toEqual({ positionId, passed: ids });
    const live = await testApp.dataSource.getRepository(Application).find({
      where: {
        stage: In(['interview', 'decision', 'offer', 'hired']),
        candidate: { name: In(['Hana Sato', 'Ben Adler']) },
      },
    });
    expect(live).toHaveLength(2);
    const manager = await signIn(testApp, 'manager@keeper.demo', DEMO_PASSWORD);
    for (const application of live) {
      const page = await manager.get(`/applications/${application.id}`).expect(200);
      for (const step of ['External assessment', 'Writing test', 'Research presentation'])
        expect(page.text).toContain(`Pass:</span> ${step}`);
    }
  });

  it('has graded writing tests and a scored presentation, and writing tests waiting for the graders', async () => {
    const manager = await signIn(testApp, 'manager@keeper.demo', DEMO_PASSWORD);
    const amara = await testApp.dataSource
      .getRepository(Application)
      .findOneOrFail({ where: { candidate: { name: 'Amara Obi' } }, relations: { candidate: true } });
    const page = await manager.get(`/applications/${amara.id}`).expect(200);
    expect(page.text).toContain('Pass:</span> External assessment');
    expect(page.text).toContain('Pass:</span> Writing test');
    expect(page.text).toContain('Pass:</span> Research presentation');
    expect(page.text).toContain('the candidate opened it');
    const grader = await signIn(testApp, 'interviewer@keeper.demo', DEMO_PASSWORD);
    const home = await grader.get('/').expect(200);
    expect(home.text).toContain('1 writing test to grade, blind.');
  });

  it('has an upcoming interview, a panel waiting for the decision, and a completed debrief with a decision', async () => {
    const manager = await signIn(testApp, 'manager@keeper.demo', DEMO_PASSWORD);
    const priya = await signIn(testApp, 'interviewer@keeper.demo', DEMO_PASSWORD);
    const interviews = await testApp.dataSource
      .getRepository(Interview)
      .find({ relations: { application: { candidate: true } }, order: { id: 'ASC' } });
    const byName = (name: string) => interviews.find((interview) => interview.application.candidate.name === name)!;

    const hana = byName('Hana Sato');
    expect(hana.startsAt.getTime()).toBeGreaterThan(Date.now());
    const priyaHome = await priya.get('/').expect(200);
    expect(priyaHome.text).toContain(`/interviews/${hana.id}/scorecard`);

    const ben = byName('Ben Adler');
    expect(ben.application.stage).toBe('decision');
    const managerHome = await manager.get('/').expect(200);
    expect(managerHome.text).toContain('Every scorecard for Ben Adler');
    await manager.get(`/interviews/${ben.id}/debrief`).expect(200);

    // Staff in three zones see Hana's interview each in their own: New York, Berlin, and the company's London.
    const clock = (zone: string) => DateTime.fromJSDate(hana.startsAt, { zone }).toFormat('HH:mm');
    const admin = await signIn(testApp, 'admin@keeper.demo', DEMO_PASSWORD);
    const page = `/applications/${hana.applicationId}`;
    expect((await manager.get(page).expect(200)).text).toMatch(
      new RegExp(`${clock('America/New_York')}–\\d\\d:\\d\\d E[SD]T`),
    );
    expect((await priya.get(`/interviews/${hana.id}`).expect(200)).text).toMatch(
      new RegExp(`${clock('Europe/Berlin')}–\\d\\d:\\d\\d CES?T`),
    );
    expect((await admin.get(page).expect(200)).text).toMatch(
      new RegExp(`${clock('Europe/London')}–\\d\\d:\\d\\d (GMT|BST)`),
    );
    // Hana gave Asia/Tokyo on the careers form: her invitation is in Tokyo time.
    const invitation = (await outboxMessages(testApp.dataSource)).find(
      (mail) => mail.to === 'hana.sato@candidates.demo' && mail.templateKey === 'interview-scheduled',
    )!;
    expect(invitation.text).toContain(`${clock('Asia/Tokyo')}–`);
    expect(invitation.text).toContain('(Asia/Tokyo)');

    const chloe = byName('Chloe Martin');
    expect(chloe.application.stage).toBe('offer');
    expect(chloe.decision).toBe('hire');
    const debrief = await manager.get(`/interviews/${chloe.id}/debrief`).expect(200);
    expect(debrief.text).toContain('Strongest evidence on prospecting');
    expect(debrief.text).toContain('“2” → “3”');
  });

  it('has a new hire in week 2 and one in month 8 with check-ins and a chart', async () => {
    const nina = await signIn(testApp, 'newhire@keeper.demo', DEMO_PASSWORD);
    const home = await nina.get('/').expect(200);
    expect(home.text).toContain('My onboarding — week 2');
    const onboarding = await nina.get((await nina.get('/my/onboarding').expect(303)).headers.location).expect(200);
    expect(onboarding.text).toContain('Start with the operations director, not IT');

    const manager = await signIn(testApp, 'manager@keeper.demo', DEMO_PASSWORD);
    const list = await manager.get('/hires').expect(200);
    expect(list.text).toContain('Omar Haddad');
    const omar = await testApp.dataSource
      .getRepository(Hire)
      .findOneOrFail({ where: { user: { name: 'Omar Haddad' } }, relations: { user: true } });
    const plan = await manager.get(`/hires/${omar.id}/plan`).expect(200);
    expect((plan.text.match(/<h3 class="question-title">\w{3} \d{1,2} \w{3,4} \d{4}<\/h3>/g) ?? []).length).toBe(7);
    expect((plan.text.match(/<circle class="dot"/g) ?? []).length).toBeGreaterThanOrEqual(7 * 6 - 1);
    expect(plan.text).toMatch(/status-(on-pace|at-risk|off-pace)/);
    expect(plan.text).toMatch(/\d+ weeks in a row/);
  });

  it('has enough history that every insights report shows real numbers', async () => {
    const manager = await signIn(testApp, 'manager@keeper.demo', DEMO_PASSWORD);
    const validity = await manager.get('/insights/validity').expect(200);
    expect(validity.text).toMatch(
      /External assessment: eligibility<\/th><td>14<\/td><td>-?0\.\d\d<\/td><td>-?\d\.\d\d to -?\d\.\d\d<\/td>/,
    );
    expect(validity.text).toMatch(/Structured interview \(mean rating\)<\/th><td>14<\/td><td>-?0\.\d\d<\/td>/);
    const calibration = await manager.get('/insights/calibration').expect(200);
    expect(calibration.text).toMatch(/<th scope="row">Priya Shah<\/th><td>\d+<\/td>/);
    expect(calibration.text).toContain('lenient');
    const funnel = await manager.get('/insights/funnel').expect(200);
    expect(funnel.text).toMatch(
      /Time to hire<\/strong> \(application to accepted offer\), over 1[46] hires: median \d+\.\d days/,
    );
    const cost = await manager.get('/insights/cost').expect(200);
    expect(cost.text).toMatch(/<h2 id="total-heading">\$[\d,]+<\/h2>/);
  });

  it('lists the ready position on the careers site with three applications from it, and an agency with a keeper placement', async () => {
    const ds = testApp.dataSource;
    const careers = await ds
      .getRepository(Application)
      .find({ where: { source: 'careers-page', createdById: IsNull() }, relations: { candidate: true } });
    // Hana Sato applied there too, before the position asked outcome questions; three applications carry answers.
    expect(careers.map((application) => application.candidate.name).sort()).toEqual([
      'Grace Liu',
      'Hana Sato',
      'Marco Silva',
      'Olivia Brandt',
    ]);
    expect(careers.every((application) => application.privacyNoticeVersion === 1)).toBe(true);
    const answers = await ds.getRepository(ApplicationAnswer).findBy({ applicationId: In(careers.map((a) => a.id)) });
    expect(answers).toHaveLength(4);
    const answered = careers.filter((application) => answers.some((answer) => answer.applicationId === application.id));
    expect(answered.map((application) => application.stage).sort()).toEqual(['applied', 'rejected', 'vetting']);
    const position = await ds.getRepository(Position).findOneByOrFail({ id: careers[0].positionId });
    expect(position.onCareersSite).toBe(true);

    const submissions = await ds
      .getRepository(AgencySubmission)
      .find({ relations: { agency: true, recruiter: true, application: true }, order: { createdAt: 'ASC' } });
    expect(submissions.map((submission) => [submission.agency.name, submission.recruiter.email])).toEqual([
      ['Northbridge Talent', 'recruiter@keeper.demo'],
      ['Northbridge Talent', 'recruiter@keeper.demo'],
    ]);
    expect(submissions.map((submission) => submission.application?.stage)).toEqual(['hired', 'applied']);
    const placed = await ds.getRepository(Hire).findOneByOrFail({ applicationId: submissions[0].applicationId! });
    expect(placed.keeper).toBe(true);
    expect(submissions.every((submission) => submission.application?.source === 'recruiter')).toBe(true);

    const manager = await signIn(testApp, 'manager@keeper.demo', DEMO_PASSWORD);
    const sources = await manager.get('/insights/sources').expect(200);
    // Northbridge's one placement: 20% of a 90,000 first-year salary, and that hire was a keeper.
    expect(sources.text).toContain('Northbridge Talent');
    expect(sources.text).toContain('$18,000');
  });

  it('has a rejection whose courteous message goes tomorrow and can still be undone', async () => {
    const victor = await testApp.dataSource
      .getRepository(Application)
      .findOneOrFail({ where: { candidate: { name: 'Victor Hale' } }, relations: { candidate: true } });
    expect(victor.stage).toBe('rejected');
    const message = await testApp.dataSource
      .getRepository(OutboxMessage)
      .findOneByOrFail({ id: victor.rejectionMessageId! });
    expect(message.status).toBe('scheduled');
    const hoursAway = (message.nextAttemptAt!.getTime() - Date.now()) / 3_600_000;
    expect(hoursAway).toBeGreaterThan(23);
    expect(hoursAway).toBeLessThan(25);
    const manager = await signIn(testApp, 'manager@keeper.demo', DEMO_PASSWORD);
    const page = await manager.get(`/applications/${victor.id}`).expect(200);
    expect(page.text).toContain(`/applications/${victor.id}/reject/undo`);
  });

  it('keeps rejected candidates 12 months: the preview lists past candidates rejected longer ago, one is on legal hold', async () => {
    const admin = await signIn(testApp, 'admin@keeper.demo', DEMO_PASSWORD);
    const preview = await admin.get('/admin/retention/preview').expect(200);
    expect(preview.text).toContain('Rejected: 12 months');
    const listed = [...preview.text.matchAll(/>(Past Candidate \d+)<\/a>/g)].map((match) => match[1]);
    const expired = await testApp.app.get(RetentionService).expiredCount();
    expect(expired).toBeGreaterThan(3);
    expect(listed).toHaveLength(Math.min(expired, 25));
    const held = await testApp.dataSource.getRepository(LegalHold).find();
    expect(held).toHaveLength(1);
    // The held candidate was rejected more than 12 months ago: only the hold keeps them off the preview.
    const heldApplication = await testApp.dataSource
      .getRepository(Application)
      .findOneOrFail({ where: { candidateId: held[0].candidateId! }, relations: { candidate: true } });
    expect(heldApplication.stage).toBe('rejected');
    expect(heldApplication.stageChangedAt.getTime()).toBeLessThan(Date.now() - 366 * 86_400_000);
    expect(listed).not.toContain(heldApplication.candidate.name);
    const heldPage = await admin.get(`/candidates/${held[0].candidateId}`).expect(200);
    expect(heldPage.text).toContain('badge-legal-hold');
  });

  it('has one pending erasure request from a history candidate, in the admins’ queue', async () => {
    const admin = await signIn(testApp, 'admin@keeper.demo', DEMO_PASSWORD);
    const queue = await admin.get('/admin/data-requests').expect(200);
    expect(queue.text.match(/Erasure #\d+/g)).toHaveLength(1);
    expect(queue.text).toContain('Past Candidate 1</a>');
    expect((await admin.get('/').expect(200)).text).toContain('1 candidate has asked to erase their data.');
  });
});
