import { DateTime } from 'luxon';
import request from 'supertest';
import { User } from '../src/accounts/entities/user.entity.js';
import { Candidate } from '../src/candidates/entities/candidate.entity.js';
import { PipelineService } from '../src/candidates/pipeline.service.js';
import { CompanyService } from '../src/company/company.service.js';
import { Interview } from '../src/interviews/entities/interview.entity.js';
import { OutboxMessage } from '../src/mail/entities/outbox-message.entity.js';
import { Presentation } from '../src/vetting/entities/presentation.entity.js';
import { PortalService } from '../src/vetting/portal.service.js';
import { listedPosition, outcomesOf } from './support/careers.js';
import { samplePdf } from './support/files.js';
import { csrfTokenIn, signedInAs, submitForm, type Agent } from './support/http.js';
import { applicationInInterview, scheduleFields } from './support/interviews.js';
import { publishedPosition, publishKit } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const INVALID = 'Choose a time zone from the list, e.g. Europe/Berlin';

/** "08:30" — the wall-clock time of an instant in a zone, worked out with luxon rather than Keeper's formatter. */
const clock = (instant: Date, zone: string, minutes = 0) =>
  DateTime.fromJSDate(instant, { zone }).plus({ minutes }).toFormat('HH:mm');

describe('Time zones', () => {
  let testApp: TestApp;
  let admin: { agent: Agent; user: User };
  let manager: { agent: Agent; user: User };
  let berliner: { agent: Agent; user: User };
  let local: { agent: Agent; user: User };
  let positionId: number;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    berliner = await signedInAs(testApp, ['interviewer']);
    local = await signedInAs(testApp, ['interviewer']);
    await testApp.app
      .get(CompanyService)
      .publishNotice('We use your application only to consider you for positions.', 12, admin.user.id);
    positionId = await publishedPosition(testApp, manager.user);
    await publishKit(testApp, manager.user, positionId);
  });
  afterAll(() => testApp.close());

  const mailsTo = async (email: string) =>
    (await testApp.dataSource.getRepository(OutboxMessage).find({ order: { id: 'ASC' } })).filter(
      (message) => message.to === email,
    );

  it('lets an admin set the company’s zone, refusing an unknown one with a clear message', async () => {
    const page = await admin.agent.get('/admin/company').expect(200);
    expect(page.text).toContain('<option value="UTC" selected>');
    const fields = { companyName: 'Brightline Health', introduction: '' };
    const wrong = await submitForm(admin.agent, '/admin/company', { ...fields, timeZone: 'Mars/Olympus' });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain(INVALID);
    expect(wrong.text).toContain('value="Brightline Health"');
    const abbreviation = await submitForm(admin.agent, '/admin/company', { ...fields, timeZone: 'CET' });
    expect(abbreviation.status).toBe(422);
    expect(await testApp.app.get(CompanyService).timeZone()).toBe('UTC');

    const saved = await submitForm(admin.agent, '/admin/company', { ...fields, timeZone: 'Europe/London' });
    expect(saved.status).toBe(303);
    expect(await testApp.app.get(CompanyService).timeZone()).toBe('Europe/London');
    expect((await admin.agent.get('/admin/company').expect(200)).text).toContain(
      '<option value="Europe/London" selected>',
    );
  });

  it('lets each person choose their zone in their account, empty meaning the company’s', async () => {
    const page = await local.agent.get('/account').expect(200);
    expect(page.text).toContain('Company’s zone (Europe/London)');
    expect(page.text).toContain('<option value="" selected>');

    const wrong = await submitForm(berliner.agent, '/account', { timeZone: 'Europe/Atlantis' }, '/account/time-zone');
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain(INVALID);
    const users = testApp.dataSource.getRepository(User);
    expect((await users.findOneByOrFail({ id: berliner.user.id })).timeZone).toBeNull();

    for (const [who, zone] of [
      [berliner, 'Europe/Berlin'],
      [manager, 'America/New_York'],
    ] as const)
      expect((await submitForm(who.agent, '/account', { timeZone: zone }, '/account/time-zone')).status).toBe(303);
    expect((await users.findOneByOrFail({ id: berliner.user.id })).timeZone).toBe('Europe/Berlin');
    expect((await berliner.agent.get('/account').expect(200)).text).toContain(
      '<option value="Europe/Berlin" selected>',
    );
    // The manager schedules in their own zone by default.
    const application = await applicationInInterview(testApp, manager.user, positionId);
    expect((await manager.agent.get(`/applications/${application.id}/interviews/new`).expect(200)).text).toContain(
      '<option value="America/New_York" selected>',
    );
  });

  it('shows the same interview to a Berlin viewer, a New York viewer and one without a zone, each in their own', async () => {
    const application = await applicationInInterview(testApp, manager.user, positionId);
    await testApp.dataSource.getRepository(Candidate).update(application.candidateId, { timeZone: 'Asia/Tokyo' });
    const scheduled = await submitForm(
      manager.agent,
      `/applications/${application.id}/interviews/new`,
      scheduleFields([berliner.user.id, local.user.id], berliner.user.id),
      `/applications/${application.id}/interviews`,
    );
    expect(scheduled.status).toBe(303);
    const interview = await testApp.dataSource
      .getRepository(Interview)
      .findOneByOrFail({ applicationId: application.id });
    const startsAt = interview.startsAt;
    const span = (zone: string) => `${clock(startsAt, zone)}–${clock(startsAt, zone, 60)}`;
    expect(span('Europe/Berlin')).toBe('14:30–15:30');

    const seen = async (agent: Agent) => (await agent.get(`/interviews/${interview.id}`).expect(200)).text;
    const berlin = await seen(berliner.agent);
    const newYork = await seen(manager.agent);
    const london = await seen(local.agent);
    expect(berlin).toMatch(new RegExp(`${span('Europe/Berlin')} CES?T · in \\d days`));
    expect(newYork).toMatch(new RegExp(`${span('America/New_York')} E[SD]T · in \\d days`));
    expect(london).toMatch(new RegExp(`${span('Europe/London')} (GMT|BST) · in \\d days`));
    expect(newYork).not.toContain(span('Europe/Berlin'));
    expect(berlin).not.toContain(span('America/New_York'));
    // The application page's interview list, and the history's date-times, follow the viewer too.
    const hub = (await manager.agent.get(`/applications/${application.id}`).expect(200)).text;
    expect(hub).toMatch(new RegExp(`${span('America/New_York')} E[SD]T`));
    expect(hub).not.toMatch(/\d\d:\d\d UTC/);
  });

  it('writes the candidate’s mail in their zone, the company’s when they have none, and panelists’ in theirs', async () => {
    const tokyo = await applicationInInterview(testApp, manager.user, positionId);
    await testApp.dataSource.getRepository(Candidate).update(tokyo.candidateId, { timeZone: 'Asia/Tokyo' });
    const unknown = await applicationInInterview(testApp, manager.user, positionId);
    for (const application of [tokyo, unknown])
      expect(
        (
          await submitForm(
            manager.agent,
            `/applications/${application.id}/interviews/new`,
            scheduleFields([berliner.user.id, local.user.id], berliner.user.id, { timeZone: 'America/New_York' }),
            `/applications/${application.id}/interviews`,
          )
        ).status,
      ).toBe(303);
    const { startsAt } = await testApp.dataSource.getRepository(Interview).findOneByOrFail({ applicationId: tokyo.id });
    const span = (zone: string) => `${clock(startsAt, zone)}–${clock(startsAt, zone, 60)} (${zone})`;

    const invitation = async (email: string) =>
      (await mailsTo(email)).find((message) => message.templateKey === 'interview-scheduled')!;
    const toTokyo = await invitation(tokyo.candidate.email);
    expect(toTokyo.subject).toContain(span('Asia/Tokyo'));
    expect(toTokyo.text).toContain(
      `When:  ${DateTime.fromJSDate(startsAt, { zone: 'Asia/Tokyo' }).toFormat('ccc d LLL yyyy')}`,
    );
    expect(toTokyo.text).toContain(span('Asia/Tokyo'));
    expect(toTokyo.text).not.toContain('America/New_York');
    const toUnknown = await invitation(unknown.candidate.email);
    expect(toUnknown.text).toContain(span('Europe/London'));
    // The Berlin panelist reads Berlin time; the one without a zone reads the interview's (the scheduler chose it).
    expect((await mailsTo(berliner.user.email)).at(-1)!.text).toContain(span('Europe/Berlin'));
    expect((await mailsTo(local.user.email)).at(-1)!.text).toContain(span('America/New_York'));
  });

  it('schedules a presentation session in the scheduler’s zone and shows the candidate’s time beside it', async () => {
    const application = await applicationInInterview(testApp, manager.user, positionId);
    await testApp.dataSource.getRepository(Candidate).update(application.candidateId, { timeZone: 'Asia/Tokyo' });
    const page = `/applications/${application.id}`;
    const form = (await manager.agent.get(page).expect(200)).text;
    expect(form).toContain('Date and time (America/New_York)');
    expect(form).toContain('For the candidate (Asia/Tokyo)');
    const saved = await submitForm(
      manager.agent,
      page,
      { sessionAt: '2027-01-12T09:00', evaluatorIds: [String(berliner.user.id), String(local.user.id)] },
      `${page}/presentation/session`,
    );
    expect(saved.status).toBe(303);
    // 09:00 in New York in January is 14:00 UTC, 23:00 in Tokyo.
    const { sessionAt } = await testApp.dataSource
      .getRepository(Presentation)
      .findOneByOrFail({ applicationId: application.id });
    expect(sessionAt!.toISOString()).toBe('2027-01-12T14:00:00.000Z');
    const after = (await manager.agent.get(page).expect(200)).text;
    expect(after).toContain('value="2027-01-12T09:00"');
    expect(after).toContain('Tue 12 Jan 2027, 23:00 GMT+9');
    expect(after).toContain('Session Tue 12 Jan 2027, 09:00 EST');
    const mail = (await mailsTo(application.candidate.email)).find(
      (message) => message.templateKey === 'presentation-scheduled',
    )!;
    expect(mail.text).toContain('Tue 12 Jan 2027, 23:00–23:45 (Asia/Tokyo)');
  });

  it('lets the candidate give their zone in the portal, which then shows their interview in it', async () => {
    const application = await applicationInInterview(testApp, manager.user, positionId);
    await submitForm(
      manager.agent,
      `/applications/${application.id}/interviews/new`,
      scheduleFields([berliner.user.id, local.user.id], berliner.user.id),
      `/applications/${application.id}/interviews`,
    );
    const { startsAt } = await testApp.dataSource
      .getRepository(Interview)
      .findOneByOrFail({ applicationId: application.id });
    const { link } = await testApp.app
      .get(PortalService)
      .issue(manager.user, await testApp.app.get(PipelineService).findOrFail(application.id));
    const candidate = request.agent(testApp.server);
    const portal = `/portal/${link.token}`;
    const before = (await candidate.get(portal).expect(200)).text;
    expect(before).toContain('Until then we use ours, Europe/London.');
    expect(before).toContain('data-browser-zone');
    expect(before).toContain(`${clock(startsAt, 'Europe/London')}–`);

    const wrong = await submitForm(candidate, portal, { timeZone: 'Nowhere' }, `${portal}/time-zone`);
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain(INVALID);
    const saved = await submitForm(candidate, portal, { timeZone: 'America/Sao_Paulo' }, `${portal}/time-zone`);
    expect(saved.status).toBe(303);
    const stored = await testApp.dataSource.getRepository(Candidate).findOneByOrFail({ id: application.candidateId });
    expect(stored.timeZone).toBe('America/Sao_Paulo');
    const after = (await candidate.get(portal).expect(200)).text;
    expect(after).toContain(
      `${clock(startsAt, 'America/Sao_Paulo')}–${clock(startsAt, 'America/Sao_Paulo', 60)} GMT-3`,
    );
    expect(after).not.toContain('data-browser-zone');
  });

  it('asks the zone on the careers form, stores it, and refuses an unknown one', async () => {
    const listed = await listedPosition(testApp, manager.user, 'Account Executive, Zones');
    const [first] = await outcomesOf(testApp, listed.id);
    const pdf = await samplePdf('Resume');
    let address = 0;
    const apply = async (email: string, timeZone: string | null) => {
      address += 1;
      const visitor = request.agent(testApp.server);
      const ip = `203.0.113.${address}`;
      const page = await visitor.get(listed.path).set('X-Forwarded-For', ip).expect(200);
      const notice = await testApp.app.get(CompanyService).currentNotice();
      const post = visitor.post(listed.path).set('X-Forwarded-For', ip).field('_csrf', csrfTokenIn(page.text));
      const fields: Record<string, string> = {
        name: 'Kenji Watanabe',
        email,
        [`answer_${first.id}`]:
          'I would map the clinic groups in the region and meet their operations directors first.',
        outcomesConfirmed: '1',
        privacyAccepted: '1',
        noticeVersion: String(notice!.version),
      };
      if (timeZone !== null) fields.timeZone = timeZone;
      for (const [key, value] of Object.entries(fields)) post.field(key, value);
      post.attach('resume', pdf, { filename: 'resume.pdf', contentType: 'application/pdf' });
      return { page: page.text, response: await post };
    };
    const candidates = testApp.dataSource.getRepository(Candidate);

    const { page, response } = await apply('kenji@example.jp', 'Asia/Tokyo');
    // Without JavaScript the company's zone is chosen; the browser's replaces it (test/browser/time-zones).
    expect(page).toContain('<option value="Europe/London" selected>');
    expect(page).toMatch(/<select id="field-timeZone" name="timeZone"[^>]* data-browser-zone>/);
    expect(page).toContain('<script src="/assets/time-zone.js" defer></script>');
    expect(response.status).toBe(303);
    expect((await candidates.findOneByOrFail({ email: 'kenji@example.jp' })).timeZone).toBe('Asia/Tokyo');

    const wrong = await apply('mars@example.jp', 'Mars/Olympus');
    expect(wrong.response.status).toBe(422);
    expect(wrong.response.text).toContain(INVALID);
    expect(wrong.response.text).toContain('value="mars@example.jp"');
    expect(await candidates.findOneBy({ email: 'mars@example.jp' })).toBeNull();

    expect((await apply('nozone@example.jp', null)).response.status).toBe(303);
    expect((await candidates.findOneByOrFail({ email: 'nozone@example.jp' })).timeZone).toBeNull();
  });
});
