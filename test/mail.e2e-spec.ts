import request from 'supertest';
import { OutboxMessage } from '../src/mail/entities/outbox-message.entity.js';
import { csrfTokenIn, PASSWORD, signedInAs, submitForm } from './support/http.js';
import { startSmtpServer } from './support/smtp.js';
import { readInvite } from './support/interviews.js';
import { interviewCalendar } from '../src/mail/calendar.js';
import { UnitOfWork } from '../src/database/unit-of-work.js';
import { MailService } from '../src/mail/mail.service.js';
import { OutboxWorker } from '../src/mail/outbox.worker.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Decodes a quoted-printable mail body enough to read links and text. */
function body(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe('Mail over SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let testApp: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    testApp = await createTestApp({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Keeper <keeper@acme.example>',
      BASE_URL: 'http://keeper.acme.example',
    });
  });
  afterAll(async () => {
    await testApp.close();
    await smtp.close();
  });

  const deliverDue = () => testApp.app.get(OutboxWorker).deliverDue();

  it('sends the invitation to the SMTP server, with a working link, and marks it sent in the outbox', async () => {
    const admin = await signedInAs(testApp, ['admin']);
    const response = await submitForm(
      admin.agent,
      '/people/invite',
      { name: 'Sam Smtp', email: 'sam@acme.example', roles: ['interviewer', 'manager'] },
      '/people',
    );
    expect(response.status).toBe(303);
    await deliverDue();

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.from).toBe('keeper@acme.example');
    expect(mail.to).toEqual(['sam@acme.example']);
    const text = body(mail.raw);
    expect(text).toMatch(/^Subject: Test Person \d+ invited you to Keeper/m);
    expect(text).toContain('Hiring manager, Interviewer');
    const link = /http:\/\/keeper\.acme\.example(\/invitations\/[\w-]+)/.exec(text);
    expect(link).not.toBeNull();
    await expect(
      testApp.dataSource.getRepository(OutboxMessage).findOneBy({ to: 'sam@acme.example' }),
    ).resolves.toMatchObject({
      status: 'sent',
      attempts: 1,
    });

    const agent = request.agent(testApp.server);
    const page = await agent.get(link![1]).expect(200);
    await agent
      .post(link![1])
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), name: 'Sam Smtp', password: PASSWORD, passwordConfirmation: PASSWORD })
      .expect(303);
    const home = await agent.get('/').expect(200);
    expect(home.text).toContain('Hello, Sam');
  });

  it('sends a calendar invitation the way calendar clients expect it: a text/calendar part with its METHOD', async () => {
    const calendar = interviewCalendar({
      method: 'REQUEST',
      uid: 'interview-smtp@keeper.acme.example',
      sequence: 0,
      startsAt: new Date('2026-12-03T13:30:00Z'),
      endsAt: new Date('2026-12-03T14:30:00Z'),
      summary: 'Interview: Amara Obi for Account Executive',
      description: 'Panel interview.',
      location: 'Room Lisbon',
      organizer: { name: 'Keeper', email: 'keeper@acme.example' },
      attendees: [{ name: 'Priya Shah', email: 'priya@acme.example', chair: true }],
    });
    const before = smtp.received.length;
    await testApp.app.get(MailService).send({
      to: 'priya@acme.example',
      subject: 'Interview',
      template: 'interview-cancelled',
      data: { name: 'Priya', when: 'soon', isCandidate: false, candidateName: 'Amara', positionTitle: 'AE' },
      calendar: { method: 'REQUEST', content: calendar },
    });
    await deliverDue();
    const [mail] = smtp.received.slice(before);
    expect(mail.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    const part =
      /Content-Type: text\/calendar[^\r\n]*\r?\nContent-Transfer-Encoding: ([\w-]+)\r?\n(?:[^\r\n]+\r?\n)*\r?\n([\s\S]*?)\r?\n--/i.exec(
        mail.raw,
      );
    expect(part).not.toBeNull();
    const decoded =
      part![1].toLowerCase() === 'base64'
        ? Buffer.from(part![2].replace(/\s/g, ''), 'base64').toString('utf8')
        : body(part![2]);
    expect(readInvite(decoded)).toMatchObject({
      method: 'REQUEST',
      uid: 'interview-smtp@keeper.acme.example',
      sequence: 0,
    });
  });

  it('keeps the invited person when the mail server refuses; the Outbox shows the message waiting with the error', async () => {
    const admin = await signedInAs(testApp, ['admin']);
    await smtp.close();
    const response = await submitForm(
      admin.agent,
      '/people/invite',
      { name: 'Nora Nomail', email: 'nora@acme.example', roles: 'interviewer' },
      '/people',
    );
    expect(response.status).toBe(303);
    await deliverDue();
    const page = await admin.agent.get(response.headers.location).expect(200);
    expect(page.text).toContain('Invitation to nora@acme.example is on its way.');
    expect(page.text).toContain('Send the invitation again');
    const outbox = await admin.agent.get('/admin/outbox?status=queued').expect(200);
    expect(outbox.text).toContain('nora@acme.example');
    expect(outbox.text).toContain('ECONNREFUSED');
    smtp = await startSmtpServer();
  });
});

describe('Mail kept in the outbox (no SMTP server)', () => {
  let testApp: TestApp;
  const message = (to: string) => ({
    to,
    subject: 'Kept',
    template: 'interview-cancelled',
    data: { name: 'Priya', when: 'soon', isCandidate: false, candidateName: 'Amara', positionTitle: 'AE' },
  });
  const kept = (to: string) => testApp.dataSource.getRepository(OutboxMessage).countBy({ to });

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it('keeps a message sent outside a unit of work at once', async () => {
    await testApp.app.get(MailService).send(message('outside@acme.example'));
    await expect(kept('outside@acme.example')).resolves.toBe(1);
    await expect(
      testApp.dataSource.getRepository(OutboxMessage).findOneBy({ to: 'outside@acme.example' }),
    ).resolves.toMatchObject({ status: 'kept', attempts: 0 });
    await expect(testApp.app.get(OutboxWorker).deliverDue()).resolves.toBe(0);
  });

  it('writes a message sent inside a unit of work in its transaction: kept on commit, gone on rollback', async () => {
    const mail = testApp.app.get(MailService);
    const uow = testApp.app.get(UnitOfWork);
    await uow.run(() => mail.send(message('committed@acme.example')));
    await expect(kept('committed@acme.example')).resolves.toBe(1);
    await expect(
      uow.run(async () => {
        await mail.send(message('rolled-back@acme.example'));
        throw new Error('a later step failed');
      }),
    ).rejects.toThrow('a later step failed');
    await expect(kept('rolled-back@acme.example')).resolves.toBe(0);
  });
});
