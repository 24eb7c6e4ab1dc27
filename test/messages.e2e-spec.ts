import request from 'supertest';
import { Application } from '../src/candidates/entities/application.entity.js';
import { CompanyService } from '../src/company/company.service.js';
import { OutboxMessage } from '../src/mail/entities/outbox-message.entity.js';
import { OutboxWorker } from '../src/mail/outbox.worker.js';
import { csrfTokenIn, signedInAs, submitForm, type Agent } from './support/http.js';
import { publishedPosition } from './support/positions.js';
import { startSmtpServer, type ReceivedMail } from './support/smtp.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const COMPANY = 'Acme Clinics';
const REPLY_TO = 'hiring@acme.example';

/** The decoded text of one MIME part of a received message (quoted-printable or base64, as nodemailer chose). */
function partOf(raw: string, type: string): string {
  const start = raw.indexOf(`Content-Type: ${type}`);
  if (start < 0) throw new Error(`No ${type} part`);
  const headerEnd = raw.indexOf('\r\n\r\n', start);
  const headers = raw.slice(start, headerEnd);
  const body = raw.slice(headerEnd + 4, raw.indexOf('\r\n--', headerEnd));
  if (/base64/i.test(headers)) return Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(headers))
    return Buffer.from(
      body
        .replace(/=\r\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  return body;
}

describe('Messages to candidates: templates, the communication log and writing to a candidate', () => {
  let testApp: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let admin: Awaited<ReturnType<typeof signedInAs>>;
  let manager: Awaited<ReturnType<typeof signedInAs>>;
  let otherManager: Awaited<ReturnType<typeof signedInAs>>;
  let positionId: number;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    testApp = await createTestApp({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Keeper <keeper@acme.example>',
      MAIL_REPLY_TO: REPLY_TO,
      OUTBOX_POLL_SECONDS: '0',
    });
    await testApp.app.get(CompanyService).saveProfile({ companyName: COMPANY, introduction: null });
    admin = await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    otherManager = await signedInAs(testApp, ['manager']);
    positionId = await publishedPosition(testApp, manager.user, 'Account Executive, Enterprise');
  });
  afterAll(async () => {
    await testApp.close();
    await smtp.close();
  });

  const outbox = () => testApp.dataSource.getRepository(OutboxMessage).find({ order: { id: 'ASC' } });
  const mailsTo = async (email: string) => (await outbox()).filter((message) => message.to === email);
  const deliver = () => testApp.app.get(OutboxWorker).deliverDue();

  async function addCandidate(name: string, email: string): Promise<number> {
    const page = await manager.agent.get(`/candidates/new?position=${positionId}`).expect(200);
    const created = await manager.agent
      .post('/candidates')
      .field('_csrf', csrfTokenIn(page.text))
      .field('positionId', String(positionId))
      .field('name', name)
      .field('email', email)
      .field('source', 'careers-page');
    expect(created.status).toBe(303);
    return Number(created.headers.location.split('/').pop());
  }

  async function sendPortalLink(applicationId: number): Promise<void> {
    const page = await manager.agent.get(`/applications/${applicationId}`).expect(200);
    await manager.agent
      .post(`/applications/${applicationId}/portal`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text) })
      .expect(303);
  }

  async function saveTemplate(agent: Agent, key: string, fields: Record<string, string>, action = '') {
    return submitForm(agent, `/admin/messages/${key}`, fields, `/admin/messages/${key}${action}`);
  }

  it('refuses an unknown placeholder with its name and a syntax error, keeping what was typed; admins only', async () => {
    const unknown = await saveTemplate(admin.agent, 'portal-link', {
      subject: 'Next steps, {{candidateFirstName}}',
      body: 'Hello {{candidateFirstName}}, your score was {{assessmentScore}}.',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.text).toContain('Unknown placeholder {{assessmentScore}}');
    expect(unknown.text).toContain('your score was {{assessmentScore}}.</textarea>');
    const broken = await saveTemplate(admin.agent, 'portal-link', {
      subject: 'Next steps',
      body: 'Hello\n{{candidateFirstName',
    });
    expect(broken.status).toBe(422);
    expect(broken.text).toContain('The template cannot be read on line 2');
    const blank = await saveTemplate(admin.agent, 'portal-link', { subject: '', body: 'Hello' });
    expect(blank.status).toBe(422);
    expect(blank.text).toContain('Write a subject');
    const preview = await saveTemplate(admin.agent, 'portal-link', { subject: 'x', body: '{{notes}}' }, '/preview');
    expect(preview.status).toBe(422);
    expect(preview.text).toContain('Unknown placeholder {{notes}}');
    await expect(testApp.dataSource.query('SELECT * FROM message_templates')).resolves.toEqual([]);

    await admin.agent.get('/admin/messages/no-such-message').expect(404);
    const odd = await admin.agent
      .post('/admin/messages/portal-link')
      .type('form')
      .send({ subject: ['a', 'b'] });
    expect(odd.status).toBeLessThan(500);
    await manager.agent.get('/admin/messages').expect(403);
    await manager.agent.get('/admin/messages/portal-link').expect(403);
  });

  it('sends the next message with a changed template, and with the default again once it is restored', async () => {
    const saved = await saveTemplate(admin.agent, 'portal-link', {
      subject: 'Welcome, {{candidateFirstName}}: {{positionTitle}}',
      body: 'Hello {{candidateFirstName}},\n\nYour page at {{companyName}}: {{portalLink}}',
    });
    expect(saved.status).toBe(303);
    const list = await admin.agent.get('/admin/messages').expect(200);
    expect(list.text).toMatch(
      /href="\/admin\/messages\/portal-link">Portal link<\/a>\s*<span class="badge badge-changed">changed/,
    );
    expect(list.text).toMatch(/Application received<\/a>\s*<span class="badge badge-default">default/);

    const preview = await saveTemplate(
      admin.agent,
      'portal-link',
      { subject: 'Hi {{candidateFirstName}}', body: 'Hello {{candidateName}} from {{companyName}}' },
      '/preview',
    );
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('Hello Hana Sato from Acme Clinics</pre>');
    expect(preview.text).toContain('sandbox srcdoc="');

    const first = await addCandidate('Rosa Quinn', 'rosa@example.com');
    await sendPortalLink(first);
    const [changed] = await mailsTo('rosa@example.com');
    expect(changed).toMatchObject({
      subject: 'Welcome, Rosa: Account Executive, Enterprise',
      templateKey: 'portal-link',
      applicationId: first,
      authorId: null,
    });
    expect(changed.text).toMatch(/^Hello Rosa,\n\nYour page at Acme Clinics: http:\/\/localhost:\d+\/portal\/\S+$/);

    const confirm = await admin.agent.get('/admin/messages/portal-link/restore').expect(200);
    expect(confirm.text).toContain('Restore the default text of “Portal link”?');
    await admin.agent
      .post('/admin/messages/portal-link/restore')
      .type('form')
      .send({ _csrf: csrfTokenIn(confirm.text) })
      .expect(303);
    expect((await admin.agent.get('/admin/messages').expect(200)).text).toMatch(
      /Portal link<\/a>\s*<span class="badge badge-default">/,
    );
    await sendPortalLink(first);
    expect((await mailsTo('rosa@example.com')).at(-1)!.subject).toBe(
      'Your next steps for Account Executive, Enterprise',
    );
  });

  it('escapes the name in the HTML part, keeps it literal in the text, and sends with the company name, Reply-To and Auto-Submitted', async () => {
    const id = await addCandidate('<b>Eve</b> Stone', 'eve@example.com');
    await sendPortalLink(id);
    const [row] = await mailsTo('eve@example.com');
    expect(row.text).toContain('Hello <b>Eve</b>,');
    expect(row.html).toContain('Hello &lt;b&gt;Eve&lt;/b&gt;,');
    expect(row.html).not.toContain('<b>');

    await deliver();
    const received = smtp.received.find((mail: ReceivedMail) => mail.to.includes('eve@example.com'))!;
    expect(received.from).toBe('keeper@acme.example');
    expect(received.raw).toMatch(/^From: Acme Clinics <keeper@acme\.example>\r$/m);
    expect(received.raw).toMatch(new RegExp(`^Reply-To: ${REPLY_TO}\\r$`, 'm'));
    expect(received.raw).toMatch(/^Auto-Submitted: auto-generated\r$/m);
    expect(partOf(received.raw, 'text/plain')).toContain('Hello <b>Eve</b>,');
    const html = partOf(received.raw, 'text/html');
    expect(html).toContain('Hello &lt;b&gt;Eve&lt;/b&gt;,');
    expect(html).toMatch(/<a href="http:\/\/localhost:\d+\/portal\/[^"]+">/);
  });

  it('lists the messages of that application only, newest first, with their status; admins get the outbox link', async () => {
    const mine = await addCandidate('Lena Log', 'lena@example.com');
    const other = await addCandidate('Otto Other', 'otto@example.com');
    await sendPortalLink(mine);
    await sendPortalLink(other);
    await sendPortalLink(mine);
    await deliver();
    const [failing] = await mailsTo('lena@example.com');
    await testApp.dataSource
      .getRepository(OutboxMessage)
      .update(failing.id, { status: 'failed', lastError: '550 mailbox unavailable' });

    const page = await manager.agent.get(`/applications/${mine}`).expect(200);
    const section = page.text.slice(page.text.indexOf('id="messages"'));
    expect(section.match(/<td>Portal link<\/td>/g)).toHaveLength(2);
    expect(section).toContain('Your next steps for Account Executive, Enterprise');
    expect(section).not.toContain('otto@example.com');
    expect(section).toContain('>Sent</span>');
    expect(section).toContain('>Failed</span>');
    expect(section).toContain('550 mailbox unavailable');
    // Newest first: the failed (first) message is the last row.
    expect(section.lastIndexOf('Failed')).toBeGreaterThan(section.indexOf('>Sent</span>'));
    expect(section).not.toContain('/admin/outbox/');
    const otto = await manager.agent.get(`/applications/${other}`).expect(200);
    expect(otto.text.slice(otto.text.indexOf('id="messages"')).match(/<td>Portal link<\/td>/g)).toHaveLength(1);
    const asAdmin = await admin.agent.get(`/applications/${mine}`).expect(200);
    expect(asAdmin.text).toContain(`href="/admin/outbox/${failing.id}"`);
  });

  it('writes to the candidate once, in the author’s name; refused for another manager and after a withdrawal', async () => {
    const id = await addCandidate('Wren Write', 'wren@example.com');
    const draft = await manager.agent
      .get(`/applications/${id}/messages/new?template=rejection-before-vetting`)
      .expect(200);
    expect(draft.text).toContain('value="Your application for Account Executive, Enterprise at Acme Clinics"');
    expect(draft.text).toContain('Hello Wren,');
    await manager.agent.get(`/applications/${id}/messages/new?template=%3Cscript%3E`).expect(422);

    const empty = await manager.agent
      .post(`/applications/${id}/messages`)
      .type('form')
      .send({ _csrf: csrfTokenIn(draft.text), subject: ' ', body: 'Kept text' });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('Write a subject');
    expect(empty.text).toContain('Kept text</textarea>');

    const sent = await manager.agent
      .post(`/applications/${id}/messages`)
      .type('form')
      .send({
        _csrf: csrfTokenIn(draft.text),
        subject: 'A question about your start date',
        body: 'Hello Wren,\n\nWhen could you start?',
      });
    expect(sent.status).toBe(303);
    const mails = await mailsTo('wren@example.com');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      subject: 'A question about your start date',
      applicationId: id,
      templateKey: null,
      authorId: manager.user.id,
    });
    await deliver();
    const received = smtp.received.find((mail: ReceivedMail) => mail.to.includes('wren@example.com'))!;
    expect(received.raw).not.toMatch(/^Auto-Submitted:/m);
    const page = await manager.agent.get(`/applications/${id}`).expect(200);
    expect(page.text).toContain(`<td>Written by ${manager.user.name}</td>`);

    const othersPage = await otherManager.agent.get('/').expect(200);
    await otherManager.agent.get(`/applications/${id}/messages/new`).expect(403);
    await otherManager.agent
      .post(`/applications/${id}/messages`)
      .type('form')
      .send({ _csrf: csrfTokenIn(othersPage.text), subject: 'Hi', body: 'Hi' })
      .expect(403);

    await testApp.dataSource.getRepository(Application).update(id, { stage: 'withdrawn' });
    const refused = await manager.agent
      .post(`/applications/${id}/messages`)
      .type('form')
      .send({ _csrf: csrfTokenIn(draft.text), subject: 'One more thing', body: 'Hello' });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('withdrew this application');
    await expect(mailsTo('wren@example.com')).resolves.toHaveLength(1);
    const withdrawn = await manager.agent.get(`/applications/${id}`).expect(200);
    expect(withdrawn.text).toContain('The candidate withdrew, so Keeper sends them no further messages.');
    expect(withdrawn.text).not.toContain('Write to the candidate</button>');
    await request(testApp.server).get(`/applications/${id}/messages/new`).set('Accept', 'text/html').expect(303);
  });
});
