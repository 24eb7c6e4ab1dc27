import { CompanyService } from '../src/company/company.service.js';
import { JobRunner } from '../src/jobs/job-runner.js';
import { AppConfig } from '../src/config/app-config.js';
import { UnitOfWork } from '../src/database/unit-of-work.js';
import { OutboxMessage } from '../src/mail/entities/outbox-message.entity.js';
import { MailService } from '../src/mail/mail.service.js';
import { OutboxRepository } from '../src/mail/outbox.repository.js';
import { MAX_ATTEMPTS, OutboxWorker } from '../src/mail/outbox.worker.js';
import { csrfTokenIn, signedInAs, submitForm, type Agent } from './support/http.js';
import { freePort, startSmtpServer } from './support/smtp.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('Outbox: every message is written with its change and delivered by the worker', () => {
  let port: number;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>> | null = null;
  let testApp: TestApp;
  let admin: Agent;
  const messages = () => testApp.dataSource.getRepository(OutboxMessage);
  const worker = () => testApp.app.get(OutboxWorker);
  const receivedBy = (email: string) => smtp!.received.filter((mail) => mail.to.includes(email)).length;
  const makeDue = (to: string) => messages().update({ to }, { nextAttemptAt: new Date(Date.now() - 1000) });
  const note = (to: string) => ({
    to,
    subject: 'A note',
    template: 'interview-cancelled',
    data: { name: 'Priya', when: 'soon', isCandidate: false, candidateName: 'Amara', positionTitle: 'AE' },
  });
  /** A worker as another app process on the same database would have it. */
  const otherProcessWorker = () =>
    new OutboxWorker(
      testApp.app.get(OutboxRepository),
      testApp.app.get(AppConfig),
      testApp.app.get(JobRunner),
      testApp.app.get(CompanyService),
    );

  beforeAll(async () => {
    port = await freePort();
    testApp = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, OUTBOX_POLL_SECONDS: '0' });
    admin = (await signedInAs(testApp, ['admin'])).agent;
  });
  afterAll(async () => {
    await testApp.close();
    await smtp?.close();
  });

  it('answers an invitation at once while the mail server is down, and the Outbox shows it waiting with the error', async () => {
    const started = Date.now();
    const response = await submitForm(
      admin,
      '/people/invite',
      { name: 'Wen Waiting', email: 'wen@acme.example', roles: 'interviewer' },
      '/people',
    );
    expect(response.status).toBe(303);
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(worker().deliverDue()).resolves.toBe(0);

    const row = await messages().findOneByOrFail({ to: 'wen@acme.example' });
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 20_000);
    const page = await admin.get('/admin/outbox').expect(200);
    expect(page.text).toContain('wen@acme.example');
    expect(page.text).toContain('Waiting');
    expect(page.text).toContain('ECONNREFUSED');
    expect(page.text).toContain('Retry now');
  });

  it('delivers the waiting message exactly once when the mail server is back, however many workers run', async () => {
    smtp = await startSmtpServer(port);
    await worker().deliverDue();
    expect(receivedBy('wen@acme.example')).toBe(0); // not due yet: it waits its backoff
    await makeDue('wen@acme.example');
    const other = otherProcessWorker();
    try {
      const delivered = await Promise.all([worker().deliverDue(), worker().deliverDue(), other.deliverDue()]);
      expect(delivered.reduce((sum, n) => sum + n, 0)).toBe(1);
      await worker().deliverDue();
      await other.deliverDue();
    } finally {
      await other.onModuleDestroy();
    }
    expect(receivedBy('wen@acme.example')).toBe(1);
    await expect(messages().findOneByOrFail({ to: 'wen@acme.example' })).resolves.toMatchObject({
      status: 'sent',
      attempts: 2,
      lastError: null,
    });
    const page = await admin.get('/admin/outbox?status=sent').expect(200);
    expect(page.text).toContain('wen@acme.example');
  });

  it('splits many due messages between two concurrent workers without sending any twice', async () => {
    const mail = testApp.app.get(MailService);
    const uow = testApp.app.get(UnitOfWork);
    // Written in one unit: the kick after commit and the two workers race for them.
    await uow.run(async () => {
      for (let i = 0; i < 12; i++) await mail.send(note(`crowd${i}@acme.example`));
    });
    const other = otherProcessWorker();
    try {
      const [mine, theirs] = await Promise.all([worker().deliverDue(), other.deliverDue()]);
      expect(mine + theirs).toBeLessThanOrEqual(12);
      await Promise.all([worker().deliverDue(), other.deliverDue()]);
    } finally {
      await other.onModuleDestroy();
    }
    for (let i = 0; i < 12; i++) expect(receivedBy(`crowd${i}@acme.example`)).toBe(1);
  });

  it('writes nothing for a change that rolls back', async () => {
    const mail = testApp.app.get(MailService);
    await expect(
      testApp.app.get(UnitOfWork).run(async () => {
        await mail.send(note('rolled-back@acme.example'));
        throw new Error('a later step failed');
      }),
    ).rejects.toThrow('a later step failed');
    await worker().deliverDue();
    await expect(messages().countBy({ to: 'rolled-back@acme.example' })).resolves.toBe(0);
    expect(receivedBy('rolled-back@acme.example')).toBe(0);
  });

  it('takes over a message whose worker died while sending it', async () => {
    const row = await messages().save(
      messages().create({
        to: 'orphan@acme.example',
        subject: 'Orphaned',
        text: 'Claimed by a worker that died',
        attachments: null,
        status: 'sending',
        claimToken: 'dead-worker',
        claimedAt: new Date(Date.now() - 10 * 60_000),
        nextAttemptAt: new Date(Date.now() - 10 * 60_000),
      }),
    );
    await expect(worker().deliverDue()).resolves.toBe(1);
    expect(receivedBy('orphan@acme.example')).toBe(1);
    await expect(messages().findOneByOrFail({ id: row.id })).resolves.toMatchObject({ status: 'sent' });
  });

  it('marks a message failed after the last attempt, shows it to admins, and sends it on "Retry now"', async () => {
    await smtp!.close();
    await testApp.app.get(MailService).send(note('fay@acme.example'));
    await worker().deliverDue();
    const row = await messages().findOneByOrFail({ to: 'fay@acme.example' });
    await messages().update(row.id, { attempts: MAX_ATTEMPTS - 1, nextAttemptAt: new Date(Date.now() - 1000) });
    await worker().deliverDue();
    await expect(messages().findOneByOrFail({ id: row.id })).resolves.toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      nextAttemptAt: null,
    });
    const failed = await admin.get('/admin/outbox?status=failed').expect(200);
    expect(failed.text).toContain('fay@acme.example');
    expect(failed.text).toContain('ECONNREFUSED');
    expect(failed.text).not.toContain('wen@acme.example');

    const interviewer = (await signedInAs(testApp, ['interviewer'])).agent;
    const someone = await interviewer.get('/').expect(200);
    await interviewer
      .post(`/admin/outbox/${row.id}/retry`)
      .type('form')
      .send({ _csrf: csrfTokenIn(someone.text) })
      .expect(403);

    smtp = await startSmtpServer(port);
    const shown = await admin.get(`/admin/outbox/${row.id}`).expect(200);
    expect(shown.text).toContain('Failed');
    const retried = await admin
      .post(`/admin/outbox/${row.id}/retry`)
      .type('form')
      .send({ _csrf: csrfTokenIn(shown.text) })
      .expect(303);
    await worker().deliverDue();
    expect(receivedBy('fay@acme.example')).toBe(1);
    const after = await admin.get(retried.headers.location).expect(200);
    expect(after.text).toContain('will be sent again now');
    expect(after.text).toContain('Sent');
    await admin
      .post(`/admin/outbox/${row.id}/retry`)
      .type('form')
      .send({ _csrf: csrfTokenIn(after.text) })
      .expect(409);
  });
});
