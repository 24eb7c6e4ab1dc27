import { DateTime } from 'luxon';
import { Application } from '../src/candidates/entities/application.entity.js';
import { Candidate } from '../src/candidates/entities/candidate.entity.js';
import { PipelineService } from '../src/candidates/pipeline.service.js';
import { seedDemo } from '../src/demo/demo.seed.js';
import { Interview } from '../src/interviews/entities/interview.entity.js';
import { CandidateRemindersService } from '../src/interviews/candidate-reminders.service.js';
import { OutboxMessage } from '../src/mail/entities/outbox-message.entity.js';
import { PresentationService } from '../src/vetting/presentation.service.js';
import { csrfTokenIn, signedInAs, type Agent } from './support/http.js';
import { applicationInInterview, readInvite, scheduleFields } from './support/interviews.js';
import { configureVetting, publishedPosition, publishKit } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import type { User } from '../src/accounts/entities/user.entity.js';

describe('What candidates receive: every event sends its template once, and nothing after a withdrawal', () => {
  let testApp: TestApp;
  let manager: { agent: Agent; user: User };
  let panel: User[];
  let positionId: number;

  beforeAll(async () => {
    testApp = await createTestApp();
    await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    panel = [(await signedInAs(testApp, ['interviewer'])).user, (await signedInAs(testApp, ['interviewer'])).user];
    positionId = await publishedPosition(testApp, manager.user, 'Account Executive, Enterprise');
    // Every step required, as the method's defaults: entering Vetting invites to the writing test.
    const vetting = await configureVetting(manager.agent, positionId, {
      assessmentRequired: '1',
      writingRequired: '1',
      presentationRequired: '1',
      graderIds: panel.map((person) => String(person.id)),
    });
    expect(vetting.status).toBe(303);
    await publishKit(testApp, manager.user, positionId);
  });
  afterAll(() => testApp.close());

  const mailsOf = async (applicationId: number) =>
    testApp.dataSource.getRepository(OutboxMessage).find({ where: { applicationId }, order: { id: 'ASC' } });
  const keysOf = async (applicationId: number) => (await mailsOf(applicationId)).map((m) => m.templateKey);
  const pipeline = () => testApp.app.get(PipelineService);
  const staffEntered = async () => {
    const application = await applicationInInterview(testApp, manager.user, positionId);
    await testApp.dataSource.getRepository(Application).update(application.id, { stage: 'applied' });
    return application;
  };

  it('invites a staff-entered candidate to the writing test with their first link when they enter Vetting, once', async () => {
    const application = await staffEntered();
    await pipeline().move(manager.user, application.id, 'vetting', null);
    const [invitation] = await mailsOf(application.id);
    expect(await keysOf(application.id)).toEqual(['writing-test-invitation']);
    expect(invitation.to).toBe(application.candidate.email);
    expect(invitation.subject).toBe('Your writing test for Account Executive, Enterprise');
    expect(invitation.text).toMatch(/\/portal\/[\w-]+/);
  });

  it('sends the presentation invitation, its change and its cancellation with one UID and a rising SEQUENCE', async () => {
    const application = await staffEntered();
    await pipeline().move(manager.user, application.id, 'vetting', null);
    const found = await pipeline().findOrFail(application.id);
    const presentations = testApp.app.get(PresentationService);
    const ids = panel.map((user) => user.id);
    await presentations.schedule(found, new Date(Date.now() + 3 * 86_400_000), ids);
    await presentations.schedule(found, new Date(Date.now() + 4 * 86_400_000), ids);
    const page = await manager.agent.get(`/applications/${application.id}`).expect(200);
    const refused = await manager.agent
      .post(`/applications/${application.id}/presentation/cancel`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text) })
      .expect(422);
    expect(refused.text).toContain('Tick the box to confirm');
    await manager.agent
      .post(`/applications/${application.id}/presentation/cancel`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), confirm: '1' })
      .expect(303);

    const mails = (await mailsOf(application.id)).filter((m) => m.templateKey?.startsWith('presentation-'));
    expect(mails.map((m) => m.templateKey)).toEqual([
      'presentation-scheduled',
      'presentation-changed',
      'presentation-cancelled',
    ]);
    const invites = mails.map((m) => readInvite(m.attachments![0].content));
    expect(invites.map((invite) => invite.method)).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
    expect(invites.map((invite) => invite.sequence)).toEqual([0, 1, 2]);
    expect(new Set(invites.map((invite) => invite.uid)).size).toBe(1);
    expect(invites[0].uid).toMatch(/^presentation-\d+@/);
    expect(invites[0].attendees).toContain(application.candidate.email);
    expect(mails[1].text).toContain(panel[0].name);
    expect((await presentations.forApplication(application.id))!.sessionAt).toBeNull();
  });

  it('reminds the candidate the day before, once, and never for a cancelled interview', async () => {
    const reminders = testApp.app.get(CandidateRemindersService);
    const schedule = async () => {
      const application = await applicationInInterview(testApp, manager.user, positionId);
      const page = await manager.agent.get(`/applications/${application.id}/interviews/new`).expect(200);
      await manager.agent
        .post(`/applications/${application.id}/interviews`)
        .type('form')
        .send({ _csrf: csrfTokenIn(page.text), ...scheduleFields([panel[0].id, panel[1].id], panel[0].id) })
        .expect(303);
      const interview = await testApp.dataSource
        .getRepository(Interview)
        .findOneByOrFail({ applicationId: application.id });
      await testApp.dataSource
        .getRepository(Interview)
        .update(interview.id, { startsAt: new Date(Date.now() + 20 * 3_600_000) });
      return { application, interview };
    };
    const due = await schedule();
    // The reminder is in the candidate's zone (the interview was scheduled in Berlin's).
    await testApp.dataSource.getRepository(Candidate).update(due.application.candidateId, { timeZone: 'Asia/Tokyo' });
    const cancelled = await schedule();
    await testApp.dataSource.getRepository(Interview).update(cancelled.interview.id, { cancelledAt: new Date() });

    await reminders.run();
    await reminders.run();
    expect((await keysOf(due.application.id)).filter((key) => key === 'interview-reminder')).toHaveLength(1);
    expect(await keysOf(cancelled.application.id)).not.toContain('interview-reminder');
    const [reminder] = (await mailsOf(due.application.id)).filter((m) => m.templateKey === 'interview-reminder');
    expect(reminder.subject).toBe('Tomorrow: your interview for Account Executive, Enterprise');
    expect(reminder.text).toContain('(Asia/Tokyo)');
    const { startsAt } = await testApp.dataSource.getRepository(Interview).findOneByOrFail({ id: due.interview.id });
    const tokyo = DateTime.fromJSDate(startsAt, { zone: 'Asia/Tokyo' });
    expect(reminder.text).toContain(`When:  ${tokyo.toFormat('ccc d LLL yyyy, HH:mm')}–`);
  });

  it('confirms a withdrawal, then sends the candidate nothing more', async () => {
    const application = await applicationInInterview(testApp, manager.user, positionId);
    const page = await manager.agent.get(`/applications/${application.id}/interviews/new`).expect(200);
    await manager.agent
      .post(`/applications/${application.id}/interviews`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), ...scheduleFields([panel[0].id, panel[1].id], panel[0].id) })
      .expect(303);
    const interview = await testApp.dataSource
      .getRepository(Interview)
      .findOneByOrFail({ applicationId: application.id });
    await pipeline().move(manager.user, application.id, 'withdrawn', null);
    const before = await keysOf(application.id);
    expect(before.filter((key) => key === 'withdrawn')).toHaveLength(1);
    expect(before.at(-1)).toBe('withdrawn');

    await testApp.dataSource
      .getRepository(Interview)
      .update(interview.id, { startsAt: new Date(Date.now() + 20 * 3_600_000) });
    await testApp.app.get(CandidateRemindersService).run();
    expect(await keysOf(application.id)).toEqual(before);
  });
});

describe('No message to a candidate in the demo reveals internal reasons, scores or notes', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
    await seedDemo(testApp.app);
  }, 120_000);
  afterAll(() => testApp.close());

  const texts = async (sql: string): Promise<string[]> =>
    ((await testApp.dataSource.query(sql)) as { t: string | null }[])
      .map((row) => row.t?.trim() ?? '')
      .filter((text) => text.length >= 4);

  it('greps every candidate message for every reason, rating note, comment, trait and rationale', async () => {
    const secrets = [
      ...(await texts('SELECT label AS t FROM rejection_reasons')),
      ...(await texts('SELECT evidence AS t FROM scorecard_ratings')),
      ...(await texts('SELECT "planNotes" AS t FROM panelists')),
      ...(await texts('SELECT comment AS t FROM writing_grades')),
      ...(await texts('SELECT comment AS t FROM presentation_scores')),
      ...(await texts('SELECT traits AS t FROM assessments')),
      ...(await texts('SELECT rationale AS t FROM interviews')),
    ];
    expect(secrets.length).toBeGreaterThan(8);
    const messages = (await testApp.dataSource.getRepository(OutboxMessage).find()).filter(
      (message) => !message.to.endsWith('@keeper.demo') && message.applicationId !== null,
    );
    expect(messages.length).toBeGreaterThan(10);
    const leaks = messages.flatMap((message) =>
      secrets
        .filter((secret) => `${message.subject}\n${message.text}\n${message.html ?? ''}`.includes(secret))
        .map((secret) => `${message.templateKey} to ${message.to}: ${secret}`),
    );
    expect(leaks).toEqual([]);
  });

  it('finds no bare rating or score in any candidate message (dates and times are not ratings)', async () => {
    // The demo has ratings to leak: scorecard ratings, rubric levels and means, assessment scores.
    const [{ n }] = (await testApp.dataSource.query(
      'SELECT COUNT(*) AS n FROM scorecard_ratings WHERE rating IS NOT NULL',
    )) as { n: string }[];
    expect(Number(n)).toBeGreaterThan(8);
    const messages = (await testApp.dataSource.getRepository(OutboxMessage).find()).filter(
      (message) => !message.to.endsWith('@keeper.demo') && message.applicationId !== null,
    );
    const mentions = messages.flatMap((message) =>
      ratingMentions(`${message.subject}\n${message.text}\n${stripTags(message.html ?? '')}`).map(
        (mention) => `${message.templateKey} to ${message.to}: "${mention}"`,
      ),
    );
    expect(mentions).toEqual([]);
  });

  it('tells a rating from a date or a time', () => {
    for (const rating of [
      '3/4',
      '3.5 / 4',
      '4 of 4',
      '3 out of 4',
      'rated 3',
      'scored 2.75',
      'Eligibility: 82',
      'a score of 4',
    ])
      expect([rating, ratingMentions(`Dear Hana, ${rating}.`)]).toEqual([rating, [expect.any(String)]]);
    for (const dateOrTime of [
      'Tue 3 Mar 2027, 10:00 CET · in 5 days',
      'on 3/4/2027 at 10:30',
      '2027-03-04T10:00:00Z',
      '10:30–11:30 (Europe/Berlin)',
      'within 30 days, by the close of the 10th full month',
      'interview 2 of your process on 4 March',
    ])
      expect([dateOrTime, ratingMentions(dateOrTime)]).toEqual([dateOrTime, []]);
  });
});

/**
 * Where a text states a rating or score: "3/4", "4 of 4", "3 out of 4", "rated 3", "score: 82". Not a date (3/4/2027,
 * 2027-03-04) nor a time (10:30): the slash form stops at a following slash, digit or colon.
 */
function ratingMentions(text: string): string[] {
  const patterns = [
    /(?<![\d/.:-])\d+(?:\.\d+)?\s*\/\s*(?:4|5|10|100)(?![\d/-]|[.:]\d)/g,
    /(?<![\d.:])\d+(?:\.\d+)?\s+(?:out\s+)?of\s+(?:4|5|10|100)(?!\d|[.:]\d)/gi,
    /\b(?:rated|rating|ratings|scored|scores?|graded|grade|marked|eligibility|suitability)\b(?:\s+(?:of|was|is|at|a|an))*\s*[:=]?\s*\d+(?:\.\d+)?(?![\d:])/gi,
  ];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[0]));
}

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, ' ');
}
