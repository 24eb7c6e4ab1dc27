import { Application } from '../src/candidates/entities/application.entity.js';
import { ApplicationEvent } from '../src/candidates/entities/application-event.entity.js';
import { CompanyService } from '../src/company/company.service.js';
import { OutboxMessage } from '../src/mail/entities/outbox-message.entity.js';
import { OutboxWorker } from '../src/mail/outbox.worker.js';
import request from 'supertest';
import { csrfTokenIn, linkIn, signedInAs, submitForm } from './support/http.js';
import { samplePdf } from './support/files.js';
import { formFields } from './support/forms.js';
import { publishedPosition } from './support/positions.js';
import { startSmtpServer } from './support/smtp.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const DAY = 86_400_000;

describe('A humane rejection: the step, the scheduled message, undo and reopen', () => {
  let testApp: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let admin: Awaited<ReturnType<typeof signedInAs>>;
  let manager: Awaited<ReturnType<typeof signedInAs>>;
  let otherManager: Awaited<ReturnType<typeof signedInAs>>;
  let positionId: number;
  let sequence = 0;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    testApp = await createTestApp({ SMTP_URL: smtp.url, OUTBOX_POLL_SECONDS: '0' });
    await testApp.app.get(CompanyService).saveProfile({ companyName: 'Acme Clinics', introduction: null });
    admin = await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    otherManager = await signedInAs(testApp, ['manager']);
    positionId = await publishedPosition(testApp, manager.user, 'Account Executive');
  });
  afterAll(async () => {
    await testApp.close();
    await smtp.close();
  });

  const applications = () => testApp.dataSource.getRepository(Application);
  const messages = () => testApp.dataSource.getRepository(OutboxMessage);
  const worker = () => testApp.app.get(OutboxWorker);
  // The messages with this subject that reached the candidate (entering Vetting also invited them to the writing test).
  const received = (email: string, subject: string) =>
    smtp.received.filter((mail) => mail.to.includes(email) && mail.raw.includes(`Subject: ${subject}`)).length;
  const history = async (id: number) =>
    (await testApp.dataSource.getRepository(ApplicationEvent).findBy({ applicationId: id })).map((e) => e.summary);

  async function addCandidate(stage: 'applied' | 'vetting' = 'vetting'): Promise<{ id: number; email: string }> {
    sequence += 1;
    const email = `candidate${sequence}@example.com`;
    const page = await manager.agent.get(`/candidates/new?position=${positionId}`).expect(200);
    const created = await manager.agent
      .post('/candidates')
      .field('_csrf', csrfTokenIn(page.text))
      .field('positionId', String(positionId))
      .field('name', `Robin Number${sequence}`)
      .field('email', email)
      .field('source', 'referral');
    expect(created.status).toBe(303);
    const id = Number(created.headers.location.split('/').pop());
    if (stage === 'vetting')
      expect(
        (await submitForm(manager.agent, `/applications/${id}`, { to: 'vetting' }, `/applications/${id}/move`)).status,
      ).toBe(303);
    return { id, email };
  }

  async function reasonId(label: string): Promise<string> {
    const page = await admin.agent.get('/admin/rejection-reasons').expect(200);
    const row = page.text.slice(page.text.indexOf(`>${label}</th>`));
    return /rejection-reasons\/(\d+)\/group/.exec(row)![1];
  }

  /** The step's form as the page fills it in, with the person's choices. */
  async function reject(id: number, choices: Record<string, string>, agent = manager.agent) {
    const page = await agent.get(`/applications/${id}/reject`).expect(200);
    const fields = { ...formFields(page.text, `/applications/${id}/reject`), ...choices };
    return agent.post(`/applications/${id}/reject`).type('form').send(fields);
  }

  it('offers only the reasons that fit the stage, none pre-selected, and refuses the vetting reason before vetting', async () => {
    const early = await addCandidate('applied');
    const vetting = await reasonId('Did not pass vetting');
    const step = await manager.agent.get(`/applications/${early.id}/reject`).expect(200);
    expect(step.text).not.toContain('Did not pass vetting');
    expect(step.text).toContain('Position filled or closed');
    expect(step.text).not.toMatch(/<option value="\d+" selected>/);
    expect(step.text).toContain('Rejection before vetting');
    expect(step.text).toContain('Hello Robin,');

    const refused = await reject(early.id, { reasonId: vetting, send: 'none' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Choose one of the reasons offered for this stage');
    expect((await applications().findOneByOrFail({ id: early.id })).stage).toBe('applied');

    const later = await addCandidate('vetting');
    const offered = await manager.agent.get(`/applications/${later.id}/reject`).expect(200);
    expect(offered.text).toContain('Did not pass vetting');
    expect(offered.text).toContain('Rejection after vetting');
  });

  it('records the rejection at once and sends the delayed message exactly once, when it is due', async () => {
    const { id, email } = await addCandidate();
    const response = await reject(id, {
      reasonId: await reasonId('Did not pass vetting'),
      send: 'message',
      when: 'later',
      subject: 'About your application, Robin',
    });
    expect(response.status).toBe(303);
    const application = await applications().findOneByOrFail({ id });
    expect(application).toMatchObject({ stage: 'rejected', rejectedFromStage: 'vetting' });
    const message = await messages().findOneByOrFail({ id: application.rejectionMessageId! });
    expect(message).toMatchObject({ status: 'scheduled', templateKey: 'rejection-after-vetting', to: email });
    expect(message.subject).toBe('About your application, Robin');
    expect(message.text).not.toContain('Did not pass vetting');
    const due = message.nextAttemptAt!.getTime();
    expect(Math.abs(due - (Date.now() + 2 * DAY))).toBeLessThan(60_000);

    const page = await manager.agent.get(`/applications/${id}`).expect(200);
    expect(page.text).toContain('Rejected — message goes on');
    expect(page.text).toContain(`/applications/${id}/reject/undo`);

    await worker().deliverDue();
    await worker().deliverDue(new Date(due - 60_000));
    expect(received(email, message.subject)).toBe(0);
    expect((await messages().findOneByOrFail({ id: message.id })).status).toBe('scheduled');

    await worker().deliverDue(new Date(due + 1000));
    await worker().deliverDue(new Date(due + 2000));
    expect(received(email, message.subject)).toBe(1);
    expect((await messages().findOneByOrFail({ id: message.id })).status).toBe('sent');

    const after = await manager.agent.get(`/applications/${id}`).expect(200);
    expect(after.text).not.toContain(`/applications/${id}/reject/undo`);
    expect(after.text).toContain(`/applications/${id}/reopen`);
    const undo = await manager.agent
      .post(`/applications/${id}/reject/undo`)
      .type('form')
      .send({ _csrf: csrfTokenIn(after.text) });
    expect(undo.status).toBe(409);
    expect((await applications().findOneByOrFail({ id })).stage).toBe('rejected');
  });

  it('undoes before the message goes: the stage comes back, the message is cancelled and never sent', async () => {
    const { id, email } = await addCandidate();
    await reject(id, { reasonId: await reasonId('Position filled or closed'), send: 'message', when: 'later' });
    const { rejectionMessageId } = await applications().findOneByOrFail({ id });
    const page = await manager.agent.get(`/applications/${id}`).expect(200);
    const undo = await manager.agent
      .post(`/applications/${id}/reject/undo`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text) });
    expect(undo.status).toBe(303);
    expect(await applications().findOneByOrFail({ id })).toMatchObject({
      stage: 'vetting',
      rejectionReasonId: null,
      rejectedFromStage: null,
      rejectionMessageId: null,
    });
    const cancelled = await messages().findOneByOrFail({ id: rejectionMessageId! });
    expect(cancelled.status).toBe('cancelled');
    await worker().deliverDue(new Date(Date.now() + 30 * DAY));
    expect(received(email, cancelled.subject)).toBe(0);
    expect(smtp.received.filter((mail) => mail.to.includes(email))).toHaveLength(1);
    const events = await history(id);
    expect(
      events.some(
        (e) => e.includes(`${manager.user.name} undid the rejection`) && e.includes('Nothing was sent again'),
      ),
    ).toBe(true);
    const log = await manager.agent.get(`/applications/${id}`).expect(200);
    expect(log.text).toContain('Cancelled (not sent)');
  });

  it('sends nothing when the manager chooses not to, and the rejection can still be undone', async () => {
    const { id, email } = await addCandidate();
    const before = (await messages().findBy({ to: email })).length;
    expect((await reject(id, { reasonId: await reasonId('Position filled or closed'), send: 'none' })).status).toBe(
      303,
    );
    expect(await applications().findOneByOrFail({ id })).toMatchObject({ stage: 'rejected', rejectionMessageId: null });
    expect(await messages().findBy({ to: email })).toHaveLength(before);
    const page = await manager.agent.get(`/applications/${id}`).expect(200);
    expect(page.text).toContain('no message to the candidate');
    expect(page.text).toContain(`/applications/${id}/reject/undo`);
  });

  it('reopens after the message went, with a written reason, into the stage it left', async () => {
    const { id } = await addCandidate();
    await reject(id, { reasonId: await reasonId('Position filled or closed'), send: 'message', when: 'now' });
    await worker().deliverDue();
    const page = await manager.agent.get(`/applications/${id}`).expect(200);
    const empty = await manager.agent
      .post(`/applications/${id}/reopen`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), reopenReason: '  ' });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('Write why the application is reopened');
    const reopened = await manager.agent
      .post(`/applications/${id}/reopen`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), reopenReason: 'The position was reopened after all' });
    expect(reopened.status).toBe(303);
    expect((await applications().findOneByOrFail({ id })).stage).toBe('vetting');
    expect(await history(id)).toContain(
      `Back to Vetting: ${manager.user.name} reopened the application: “The position was reopened after all”.`,
    );
  });

  it('refuses every step to a manager who cannot manage the application', async () => {
    const { id } = await addCandidate();
    const reason = await reasonId('Position filled or closed');
    const other = otherManager.agent;
    const home = await other.get('/').expect(200);
    const csrf = csrfTokenIn(home.text);
    await other.get(`/applications/${id}/reject`).expect(403);
    await other
      .post(`/applications/${id}/reject`)
      .type('form')
      .send({ _csrf: csrf, reasonId: reason, send: 'none' })
      .expect(403);
    await other.get(`/positions/${positionId}/applications/reject?ids=${id}`).expect(403);
    await other
      .post(`/positions/${positionId}/applications/reject`)
      .type('form')
      .send({ _csrf: csrf, ids: String(id), reasonId: reason, send: 'none', confirm: 'yes' })
      .expect(403);
    await reject(id, { reasonId: reason, send: 'message', when: 'later' });
    await other.post(`/applications/${id}/reject/undo`).type('form').send({ _csrf: csrf }).expect(403);
    await other
      .post(`/applications/${id}/reopen`)
      .type('form')
      .send({ _csrf: csrf, reopenReason: 'Because' })
      .expect(403);
    expect((await applications().findOneByOrFail({ id })).stage).toBe('rejected');
  });

  it('rejects a selection all or nothing, with one reason valid for every stage and each stage’s template', async () => {
    const early = await addCandidate('applied');
    const later = await addCandidate('vetting');
    const closed = await addCandidate('vetting');
    await reject(closed.id, { reasonId: await reasonId('Position filled or closed'), send: 'none' });
    const ids = [early.id, later.id];

    const refusedClosed = await manager.agent.get(
      `/positions/${positionId}/applications/reject?ids=${early.id}&ids=${closed.id}`,
    );
    expect(refusedClosed.status).toBe(422);
    const step = await manager.agent
      .get(`/positions/${positionId}/applications/reject?ids=${ids.join('&ids=')}`)
      .expect(200);
    expect(step.text).toContain('Reject 2 applications');
    expect(step.text).not.toContain('Did not pass vetting');
    expect(step.text).toContain('Rejection before vetting');
    expect(step.text).toContain('Rejection after vetting');

    const post = (fields: Record<string, string | string[]>) =>
      manager.agent
        .post(`/positions/${positionId}/applications/reject`)
        .type('form')
        .send({ _csrf: csrfTokenIn(step.text), ...fields });
    const wrongReason = await post({
      ids: ids.map(String),
      reasonId: await reasonId('Did not pass vetting'),
      send: 'none',
    });
    expect(wrongReason.status).toBe(422);
    const withClosed = await post({
      ids: [...ids, closed.id].map(String),
      reasonId: await reasonId('Position filled or closed'),
      send: 'message',
      when: 'later',
    });
    expect(withClosed.status).toBe(422);
    for (const id of ids) expect((await applications().findOneByOrFail({ id })).stage).not.toBe('rejected');

    // Without the confirmation nothing is rejected and the step is shown again with the choices kept.
    const unconfirmed = await post({
      ids: ids.map(String),
      reasonId: await reasonId('Position filled or closed'),
      send: 'message',
      when: 'later',
    });
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.text).toContain('Reject 2 applications?');
    for (const id of ids) expect((await applications().findOneByOrFail({ id })).stage).not.toBe('rejected');
    const done = await post({
      ids: ids.map(String),
      reasonId: await reasonId('Position filled or closed'),
      send: 'message',
      when: 'later',
      confirm: 'yes',
    });
    expect(done.status).toBe(303);
    const rows = await applications().findBy(ids.map((id) => ({ id })));
    expect(rows.every((row) => row.stage === 'rejected')).toBe(true);
    const keys = await Promise.all(
      rows.map(async (row) => (await messages().findOneByOrFail({ id: row.rejectionMessageId! })).templateKey),
    );
    expect(keys.sort()).toEqual(['rejection-after-vetting', 'rejection-before-vetting']);
  });

  it('shows the candidate a courteous closing page in the company’s name, with their documents for 30 days', async () => {
    const page = await manager.agent.get(`/candidates/new?position=${positionId}`).expect(200);
    const created = await manager.agent
      .post('/candidates')
      .field('_csrf', csrfTokenIn(page.text))
      .field('positionId', String(positionId))
      .field('name', 'Noor Closing')
      .field('email', 'noor@example.com')
      .field('source', 'referral')
      .attach('resume', await samplePdf('Resume of Noor Closing'), {
        filename: 'noor-resume.pdf',
        contentType: 'application/pdf',
      });
    const id = Number(created.headers.location.split('/').pop());
    const app = await manager.agent.get(`/applications/${id}`).expect(200);
    await manager.agent
      .post(`/applications/${id}/portal`)
      .type('form')
      .send({ _csrf: csrfTokenIn(app.text) })
      .expect(303);
    const portal = linkIn(
      (await messages().findOneByOrFail({ to: 'noor@example.com', templateKey: 'portal-link' })).text,
    );
    await request(testApp.server).get(portal).expect(200);

    await reject(id, { reasonId: await reasonId('Position filled or closed'), send: 'message', when: 'now' });
    const closing = await request(testApp.server).get(portal).expect(200);
    expect(closing.text).toContain('Thank you for your time, Noor');
    expect(closing.text).toContain('Acme Clinics');
    expect(closing.text).not.toContain('Position filled or closed');
    expect(closing.text).not.toMatch(/href="\/(login)?"/);
    expect(closing.text).toContain('noor-resume.pdf');
    const resume = await request(testApp.server).get(`${portal}/documents/resume`).expect(200);
    expect(resume.headers['content-disposition']).toContain('noor-resume.pdf');
    await request(testApp.server).get(`${portal}/writing`).expect(410);

    await applications().update({ id }, { stageChangedAt: new Date(Date.now() - 31 * DAY) });
    const late = await request(testApp.server).get(portal).expect(200);
    expect(late.text).toContain('Thank you for your time, Noor');
    expect(late.text).not.toContain('noor-resume.pdf');
    await request(testApp.server).get(`${portal}/documents/resume`).expect(410);
  });

  it('lets an admin set when a reason may be given and the default delay', async () => {
    const reason = await reasonId('Position filled or closed');
    const page = await admin.agent.get('/admin/rejection-reasons').expect(200);
    const csrf = csrfTokenIn(page.text);
    await admin.agent
      .post(`/admin/rejection-reasons/${reason}/group`)
      .type('form')
      .send({ _csrf: csrf, stageGroup: 'after-interview' })
      .expect(303);
    await admin.agent
      .post('/admin/rejection-reasons/delay')
      .type('form')
      .send({ _csrf: csrf, rejectionDelayDays: '5' })
      .expect(303);
    const bad = await admin.agent
      .post('/admin/rejection-reasons/delay')
      .type('form')
      .send({ _csrf: csrf, rejectionDelayDays: '99' });
    expect(bad.status).toBe(422);
    const { id } = await addCandidate();
    const step = await manager.agent.get(`/applications/${id}/reject`).expect(200);
    expect(step.text).not.toContain('Position filled or closed');
    expect(step.text).toContain('After 5 days');
    await manager.agent.get(`/admin/rejection-reasons`).expect(403);
  });
});
