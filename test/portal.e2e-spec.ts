import { jest } from '@jest/globals';
import request from 'supertest';
import { PipelineService } from '../src/candidates/pipeline.service.js';
import { Application } from '../src/candidates/entities/application.entity.js';
import { OutboxMessage } from '../src/mail/entities/outbox-message.entity.js';
import { OutboxWorker } from '../src/mail/outbox.worker.js';
import { PortalLink } from '../src/vetting/entities/portal-link.entity.js';
import { WritingSubmission } from '../src/vetting/entities/writing-submission.entity.js';
import { csrfTokenIn, linkIn, outboxMessages, signedInAs, type Agent } from './support/http.js';
import { publishedPosition } from './support/positions.js';
import { startSmtpServer } from './support/smtp.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const PROMPT =
  'Write a follow-up email to a prospect you met at an industry event who asked how we shorten patient intake.';
const words = (n: number) => Array.from({ length: n }, (_, i) => (i % 12 === 11 ? 'results.' : 'clear')).join(' ');

describe('Candidate portal and the writing test', () => {
  let testApp: TestApp;
  let manager: Awaited<ReturnType<typeof signedInAs>>;
  let positionId: number;

  beforeAll(async () => {
    testApp = await createTestApp();
    await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    const graders = [await signedInAs(testApp, ['interviewer']), await signedInAs(testApp, ['interviewer'])];
    positionId = await publishedPosition(testApp, manager.user);
    const page = await manager.agent.get(`/positions/${positionId}/vetting`).expect(200);
    const saved = await manager.agent
      .post(`/positions/${positionId}/vetting`)
      .type('form')
      .send({
        _csrf: csrfTokenIn(page.text),
        assessmentRequired: '1',
        minEligibility: '60',
        minSuitability: '60',
        writingRequired: '1',
        writingPassMean: '3',
        writingMinWords: '40',
        writingMaxWords: '120',
        writingTimeLimitMinutes: '30',
        prompts: [PROMPT, ''],
        graderIds: graders.map((grader) => String(grader.user.id)),
        presentationPassMean: '3',
        presentationBrief: 'Research our company and present it as your target customer.',
      });
    expect(saved.status).toBe(303);
  });
  afterAll(() => testApp.close());

  /** Adds a candidate, sends their portal link and returns the link's path from the mail. */
  async function candidateWithPortal(name: string): Promise<{ applicationId: number; portal: string; email: string }> {
    const email = `${name.toLowerCase().replace(/\s/g, '.')}@example.com`;
    const page = await manager.agent.get(`/candidates/new?position=${positionId}`).expect(200);
    const created = await manager.agent
      .post('/candidates')
      .field('_csrf', csrfTokenIn(page.text))
      .field('positionId', String(positionId))
      .field('name', name)
      .field('email', email)
      .field('source', 'careers-page');
    const applicationId = Number(created.headers.location.split('/').pop());
    const applicationPage = await manager.agent.get(`/applications/${applicationId}`).expect(200);
    await manager.agent
      .post(`/applications/${applicationId}/portal`)
      .type('form')
      .send({ _csrf: csrfTokenIn(applicationPage.text) })
      .expect(303);
    const mail = (await outboxMessages(testApp.dataSource)).filter((message) => message.to === email).at(-1)!;
    expect(mail.subject).toContain('Your next steps for');
    return { applicationId, portal: linkIn(mail.text), email };
  }

  async function write(agent: Agent, portal: string, text: string, intent: 'save' | 'submit', confirm = true) {
    const page = await agent.get(`${portal}/writing`).expect(200);
    return agent
      .post(`${portal}/writing`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), text, intent, ...(confirm ? { confirm: '1' } : {}) });
  }

  it('lets a candidate without an account read the position, write a draft that survives a reload, and submit once', async () => {
    const { portal, applicationId } = await candidateWithPortal('Rosa Quinn');
    const candidate = request.agent(testApp.server);
    const home = await candidate.get(portal).expect(200);
    expect(home.text).toContain('Hello Rosa Quinn');
    expect(home.text).toContain('Billings at an annualized pace of $500,000');
    expect(home.text).not.toContain('Sign out');

    const intro = await candidate.get(`${portal}/writing`).expect(200);
    await candidate
      .post(`${portal}/writing/start`)
      .type('form')
      .send({ _csrf: csrfTokenIn(intro.text) })
      .expect(303);
    expect(
      (await write(candidate, portal, 'Dear Dana, thank you for your time at the summit.', 'save', false)).status,
    ).toBe(303);

    // A new browser (the tab was closed): the draft is still there.
    const reopened = await request.agent(testApp.server).get(`${portal}/writing`).expect(200);
    expect(reopened.text).toContain(PROMPT);
    expect(reopened.text).toContain('Dear Dana, thank you for your time at the summit.');

    const unconfirmed = await write(candidate, portal, words(60), 'submit', false);
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.text).toContain('Tick the box to confirm');
    const tooShort = await write(candidate, portal, words(10), 'submit');
    expect(tooShort.status).toBe(422);
    expect(tooShort.text).toContain('Your text has 10 words; write between 40 and 120');

    const text = `Dear Dana, it was good to meet you at the summit. ${words(50)}`;
    const tokenBeforeSubmit = csrfTokenIn((await candidate.get(`${portal}/writing`).expect(200)).text);
    expect((await write(candidate, portal, text, 'submit')).status).toBe(303);
    const submission = await testApp.dataSource.getRepository(WritingSubmission).findOneByOrFail({ applicationId });
    expect(submission.text).toBe(text);
    expect(submission.signals?.words).toBe(61);
    const changed = await candidate
      .post(`${portal}/writing`)
      .type('form')
      .send({ _csrf: tokenBeforeSubmit, text: 'changed afterwards', intent: 'save' });
    expect(changed.status).toBe(409);
    expect(changed.text).toContain('already submitted');
    const after = await candidate.get(portal).expect(200);
    expect(after.text).toContain('Thank you');

    const managerView = await manager.agent.get(`/applications/${applicationId}`).expect(200);
    expect(managerView.text).toContain('it was good to meet you at the summit');
    expect(managerView.text).toContain('Submitted; 0 of 2 blind grades in.');
    const link = await testApp.dataSource.getRepository(PortalLink).findOneByOrFail({ applicationId });
    expect(link.firstOpenedAt).not.toBeNull();
  });

  it('enforces the time limit on the server: after it, the last saved draft is what is submitted', async () => {
    const { portal, applicationId } = await candidateWithPortal('Tim Late');
    const candidate = request.agent(testApp.server);
    const intro = await candidate.get(`${portal}/writing`).expect(200);
    await candidate
      .post(`${portal}/writing/start`)
      .type('form')
      .send({ _csrf: csrfTokenIn(intro.text) })
      .expect(303);
    await write(candidate, portal, 'Saved in time.', 'save');
    const open = await candidate.get(`${portal}/writing`).expect(200);
    await testApp.dataSource
      .getRepository(WritingSubmission)
      .update({ applicationId }, { deadlineAt: new Date(Date.now() - 5 * 60 * 1000) });

    // The form was open when time ran out; what it sends now is not accepted.
    const late = await candidate
      .post(`${portal}/writing`)
      .type('form')
      .send({
        _csrf: csrfTokenIn(open.text),
        text: `${words(80)} written after the deadline`,
        intent: 'submit',
        confirm: '1',
      });
    expect(late.status).toBe(303);
    const submission = await testApp.dataSource.getRepository(WritingSubmission).findOneByOrFail({ applicationId });
    expect(submission.text).toBe('Saved in time.');
    expect(submission.submittedAt).not.toBeNull();
    const home = await candidate.get(late.headers.location).expect(200);
    expect(home.text).toContain('The time limit had passed, so your last saved draft was submitted.');
  });

  it('saves automatically, submits on the final save only once time is up, and ignores saves after submitting', async () => {
    const { portal, applicationId } = await candidateWithPortal('Ada Auto');
    const candidate = request.agent(testApp.server);
    const intro = await candidate.get(`${portal}/writing`).expect(200);
    await candidate
      .post(`${portal}/writing/start`)
      .type('form')
      .send({ _csrf: csrfTokenIn(intro.text) })
      .expect(303);
    const open = await candidate.get(`${portal}/writing`).expect(200);
    const token = csrfTokenIn(open.text);
    const autosave = (fields: Record<string, string>) =>
      candidate.post(`${portal}/writing/autosave`).type('form').set('Accept', 'application/json').send(fields);
    const submission = () => testApp.dataSource.getRepository(WritingSubmission).findOneByOrFail({ applicationId });

    // No token, no save.
    expect((await autosave({ text: 'Forged.' })).status).toBe(403);
    const saved = await autosave({ _csrf: token, text: 'First words, unsaved by hand.' }).expect(200);
    expect(saved.body).toMatchObject({ submitted: false, words: 5 });
    expect((await submission()).draft).toBe('First words, unsaved by hand.');

    // A "final" save while time remains is only a save: a page cannot end the test early.
    await autosave({ _csrf: token, text: 'Still writing.', final: '1' }).expect(200);
    expect(await submission()).toMatchObject({ draft: 'Still writing.', submittedAt: null });

    // Too long: refused with the reason, the saved draft untouched.
    const tooLong = await autosave({ _csrf: token, text: 'x'.repeat(30001) });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.errors.text[0]).toContain('Your text is 30,001 characters long');
    expect((await submission()).draft).toBe('Still writing.');

    // Time is up: the page's final save submits what it sends, even under the word range.
    await testApp.dataSource
      .getRepository(WritingSubmission)
      .update({ applicationId }, { deadlineAt: new Date(Date.now() - 1000) });
    const final = await autosave({ _csrf: token, text: 'The last sentence, typed as time ran out.', final: '1' });
    expect(final.body).toMatchObject({ submitted: true });
    const closed = await submission();
    expect(closed.text).toBe('The last sentence, typed as time ran out.');
    expect(closed.submittedAt).not.toBeNull();

    // A save from a tab left open afterwards changes nothing.
    await autosave({ _csrf: token, text: 'Typed after the end.' }).expect(200);
    expect((await submission()).text).toBe('The last sentence, typed as time ran out.');
  });

  it('shows one candidate nothing of another, and refuses revoked, expired and made-up links with a clear page', async () => {
    const a = await candidateWithPortal('Ana Alpha');
    const b = await candidateWithPortal('Bo Beta');
    const pageA = await request(testApp.server).get(a.portal).expect(200);
    expect(pageA.text).not.toContain('Bo Beta');
    expect(pageA.text).not.toContain(b.email);
    expect(pageA.text).not.toMatch(/eligibility|suitability|Rosa Quinn/i);

    // Reissuing revokes the old link.
    const applicationPage = await manager.agent.get(`/applications/${a.applicationId}`).expect(200);
    await manager.agent
      .post(`/applications/${a.applicationId}/portal`)
      .type('form')
      .send({ _csrf: csrfTokenIn(applicationPage.text) })
      .expect(303);
    const revoked = await request(testApp.server).get(a.portal).expect(410);
    expect(revoked.text).toContain('This link no longer works');

    await testApp.dataSource
      .getRepository(PortalLink)
      .update({ applicationId: b.applicationId }, { expiresAt: new Date(Date.now() - 1000) });
    const expired = await request(testApp.server).get(b.portal).expect(410);
    expect(expired.text).toContain('This link has expired');

    const unknown = await request(testApp.server).get('/portal/not-a-real-token').expect(404);
    expect(unknown.text).toContain('This link is not valid');
    // An upload to a made-up link is refused before the file is read.
    await request(testApp.server)
      .post('/portal/not-a-real-token/presentation')
      .attach('deck', Buffer.from('%PDF-1.4 tiny'), 'deck.pdf')
      .expect(404);
  });

  it('shows the development plan only once it is shared, and records when the candidate first opened it', async () => {
    const d = await candidateWithPortal('Dee Plan');
    const before = await request(testApp.server).get(d.portal).expect(200);
    expect(before.text).not.toContain('First-year development plan');
    expect(before.text).not.toContain('30% of the annualized billings pace');

    const page = await manager.agent.get(`/applications/${d.applicationId}`).expect(200);
    await manager.agent
      .post(`/applications/${d.applicationId}/plan/share`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text) })
      .expect(303);
    const shared = await manager.agent.get(`/applications/${d.applicationId}`).expect(200);
    expect(shared.text).toContain('not opened by the candidate yet');

    const after = await request(testApp.server).get(d.portal).expect(200);
    expect(after.text).toContain('First-year development plan');
    expect(after.text).toContain('30% of the annualized billings pace');
    const opened = await manager.agent.get(`/applications/${d.applicationId}`).expect(200);
    expect(opened.text).toContain('the candidate opened it');
    await expect(
      testApp.dataSource.getRepository(Application).findOneByOrFail({ id: d.applicationId }),
    ).resolves.toMatchObject({ planOpenedAt: expect.any(Date) });
  });

  it('issues a new link, its history note and its mail as one unit: a failure midway leaves the old link working', async () => {
    const e = await candidateWithPortal('Eve Unit');
    const mailsBefore = (await outboxMessages(testApp.dataSource)).length;
    const page = await manager.agent.get(`/applications/${e.applicationId}`).expect(200);
    const note = jest
      .spyOn(testApp.app.get(PipelineService), 'note')
      .mockRejectedValueOnce(new Error('The history could not be written'));
    await manager.agent
      .post(`/applications/${e.applicationId}/portal`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text) })
      .expect(500);
    note.mockRestore();
    await request(testApp.server).get(e.portal).expect(200);
    const links = await testApp.dataSource.getRepository(PortalLink).findBy({ applicationId: e.applicationId });
    expect(links).toHaveLength(1);
    expect(links[0].revokedAt).toBeNull();
    await expect(outboxMessages(testApp.dataSource)).resolves.toHaveLength(mailsBefore);
  });

  it('stops the portal link working when the application is rejected', async () => {
    const c = await candidateWithPortal('Cy Closed');
    await request(testApp.server).get(c.portal).expect(200);
    const page = await manager.agent.get(`/applications/${c.applicationId}/reject`).expect(200);
    const reasonId = /<option value="(\d+)">Position filled or closed/.exec(page.text)![1];
    await manager.agent
      .post(`/applications/${c.applicationId}/reject`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), reasonId, send: 'none' })
      .expect(303);
    // The link no longer opens the tasks: it shows the closing page, in the company's name.
    const closed = await request(testApp.server).get(c.portal).expect(200);
    expect(closed.text).toContain('Thank you for your time');
    expect(closed.text).not.toContain('Your tasks');
    await request(testApp.server).get(`${c.portal}/writing`).expect(410);
  });
});

describe('Candidate portal links over SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let testApp: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    testApp = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Keeper <keeper@acme.example>' });
  });
  afterAll(async () => {
    await testApp.close();
    await smtp.close();
  });

  it('says whether the mail went out, which it knows only after the link is committed', async () => {
    await signedInAs(testApp, ['admin']);
    const manager = await signedInAs(testApp, ['manager']);
    const positionId = await publishedPosition(testApp, manager.user);
    const page = await manager.agent.get(`/candidates/new?position=${positionId}`).expect(200);
    const created = await manager.agent
      .post('/candidates')
      .field('_csrf', csrfTokenIn(page.text))
      .field('positionId', String(positionId))
      .field('name', 'Mo Mail')
      .field('email', 'mo@example.com')
      .field('source', 'referral');
    const app = created.headers.location as string;
    const send = async () => {
      const html = await manager.agent.get(app).expect(200);
      const sent = await manager.agent
        .post(`${app}/portal`)
        .type('form')
        .send({ _csrf: csrfTokenIn(html.text) })
        .expect(303);
      return (await manager.agent.get(sent.headers.location).expect(200)).text;
    };

    const deliverDue = () => testApp.app.get(OutboxWorker).deliverDue();
    expect(await send()).toContain('Portal link on its way to mo@example.com.');
    await deliverDue();
    expect(smtp.received.map((mail) => mail.to)).toEqual([['mo@example.com']]);

    await smtp.close();
    expect(await send()).toContain('Portal link on its way to mo@example.com.');
    await deliverDue();
    const waiting = await testApp.dataSource
      .getRepository(OutboxMessage)
      .find({ where: { to: 'mo@example.com' }, order: { id: 'ASC' } });
    expect(waiting.map((message) => message.status)).toEqual(['sent', 'queued']);
    expect(waiting[1].lastError).toContain('ECONNREFUSED');
    const applicationId = Number(app.split('/').pop());
    const links = await testApp.dataSource.getRepository(PortalLink).findBy({ applicationId });
    expect(links.filter((link) => !link.revokedAt)).toHaveLength(1);
    expect(links).toHaveLength(2);
    smtp = await startSmtpServer();
  });
});
