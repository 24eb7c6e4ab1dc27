import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { CompanyService } from '../src/company/company.service.js';
import { OutboxMessage } from '../src/mail/entities/outbox-message.entity.js';
import { OutboxWorker } from '../src/mail/outbox.worker.js';
import { csrfTokenIn, linkIn, signedInAs, type Agent } from './support/http.js';
import { pdfText } from './support/pdf-text.js';
import { publishedPosition } from './support/positions.js';
import { startSmtpServer } from './support/smtp.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const PNG = readFileSync(new URL('../src/demo/assets/brightline-logo.png', import.meta.url));
const HOSTILE_SVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 40" onload="alert('onload')">
  <script>alert('script')</script>
  <foreignObject width="100" height="40"><div xmlns="http://www.w3.org/1999/xhtml">embedded page</div></foreignObject>
  <defs><linearGradient id="brand-fill"><stop offset="0" stop-color="#0b6e99"/></linearGradient></defs>
  <rect id="mark" width="40" height="40" fill="url(#brand-fill)" onclick="alert('click')"/>
  <rect x="50" width="10" height="10" fill="url(https://tracker.example/pixel)"/>
  <use xlink:href="https://evil.example/sprite.svg#icon"/>
  <use href="#mark" x="60"/>
  <a href="javascript:alert('link')"><text x="70" y="30">Acme</text></a>
</svg>`;

/** Every "Keeper" on a page that is not "powered by Keeper". */
const bareKeeper = (html: string) => html.replace(/powered by Keeper/gi, '').match(/keeper/gi) ?? [];

describe("The company's brand: logo upload, the public logo, and the name on every candidate surface", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let testApp: TestApp;
  let admin: { agent: Agent };
  let manager: Awaited<ReturnType<typeof signedInAs>>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    testApp = await createTestApp({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Keeper <keeper@acme.example>',
      OUTBOX_POLL_SECONDS: '0',
    });
    admin = await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    await testApp.app.get(CompanyService).saveProfile({ companyName: 'Acme Clinics', introduction: null });
  });
  afterAll(async () => {
    await testApp.close();
    await smtp.close();
  });

  const company = () => testApp.app.get(CompanyService);

  async function upload(agent: Agent, data: Buffer, fileName: string) {
    const page = await agent.get('/admin/company/logo').expect(200);
    return agent
      .post('/admin/company/logo')
      .field('_csrf', csrfTokenIn(page.text))
      .attach('logo', data, { filename: fileName, contentType: 'application/octet-stream' });
  }

  it('is for admins only', async () => {
    await manager.agent.get('/admin/company/logo').expect(403);
    await manager.agent.get('/admin/company/logo/remove').expect(403);
    const page = await manager.agent.get('/').expect(200);
    await manager.agent
      .post('/admin/company/logo')
      .field('_csrf', csrfTokenIn(page.text))
      .attach('logo', PNG, 'logo.png')
      .expect(403);
    await expect(company().logo()).resolves.toBeNull();
  });

  it('refuses random bytes, a PNG named .svg, an SVG that is not XML, and an oversized file, with the form and a message', async () => {
    const random = await upload(admin.agent, randomBytes(4096), 'logo.png');
    expect(random.status).toBe(422);
    expect(random.text).toContain('That file is not a PNG or SVG image.');
    expect(random.text).toContain('aria-invalid="true"');

    const renamed = await upload(admin.agent, PNG, 'logo.svg');
    expect(renamed.status).toBe(422);
    expect(renamed.text).toContain('That file is named .svg but is a PNG image.');

    const broken = await upload(
      admin.agent,
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>'),
      'l.svg',
    );
    expect(broken.status).toBe(422);
    expect(broken.text).toContain('That SVG cannot be read: it is not well-formed XML.');

    const entity = await upload(
      admin.agent,
      Buffer.from(
        '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
      ),
      'l.svg',
    );
    expect(entity.status).toBe(422);

    const huge = Buffer.concat([PNG, Buffer.alloc(600 * 1024)]);
    const tooLarge = await upload(admin.agent, huge, 'logo.png');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.text).toContain('The logo is larger than 512 KB.');
    expect(tooLarge.text).toContain('name="logo"');
    expect(tooLarge.text).toContain('id="error-logo"');
    await expect(company().logo()).resolves.toBeNull();
  });

  it('keeps an SVG without its scripts, event handlers, foreign objects and outside references', async () => {
    const uploaded = await upload(admin.agent, Buffer.from(HOSTILE_SVG), 'logo.svg');
    expect(uploaded.status).toBe(303);
    const { logo } = await company().profile();
    const served = await request(testApp.server).get(logo!.url).buffer(true).parse(rawBody).expect(200);
    const svg = (served.body as Buffer).toString('utf8');
    expect(served.headers['content-type']).toBe('image/svg+xml');
    for (const gone of [
      '<script',
      'alert',
      'onload',
      'onclick',
      'foreignObject',
      'embedded page',
      'https:',
      'javascript:',
    ])
      expect(svg).not.toContain(gone);
    expect(svg).toContain('<rect id="mark"');
    expect(svg).toContain('fill="url(#brand-fill)"');
    expect(svg).toContain('href="#mark"');
    expect(svg).toContain('Acme');
    // The admin sees the hint that mail shows the name instead of an SVG.
    const page = await admin.agent.get('/admin/company/logo').expect(200);
    expect(page.text).toContain("Mail shows the company's name instead of an SVG logo");
  });

  it('serves a PNG at a stable address with its type, nosniff and a policy that runs nothing', async () => {
    expect((await upload(admin.agent, PNG, 'brightline.png')).status).toBe(303);
    const { logo } = await company().profile();
    expect(logo!.url).toMatch(/^\/brand\/logo\?v=\d+$/);
    const served = await request(testApp.server).get(logo!.url).buffer(true).parse(rawBody).expect(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((served.body as Buffer).equals(PNG)).toBe(true);
    const bare = await request(testApp.server).get('/brand/logo').expect(200);
    expect(bare.headers['cache-control']).toBe('no-cache');
  });

  it('shows the logo and the name on the careers site and the portal, mails the logo inline, and names the company on PDFs', async () => {
    const { logo } = await company().profile();
    const careers = await request(testApp.server).get('/careers').expect(200);
    expect(careers.text).toContain(
      `<img class="brand-logo" src="${logo!.url.replace('=', '&#x3D;')}" alt="Acme Clinics">`,
    );
    expect(careers.text).toContain('Careers at Acme Clinics');
    expect(bareKeeper(careers.text)).toEqual([]);

    const positionId = await publishedPosition(testApp, manager.user, 'Account Executive');
    const form = await manager.agent.get(`/candidates/new?position=${positionId}`).expect(200);
    const created = await manager.agent
      .post('/candidates')
      .field('_csrf', csrfTokenIn(form.text))
      .field('positionId', String(positionId))
      .field('name', 'Lena Brand')
      .field('email', 'lena@example.com')
      .field('source', 'referral')
      .expect(303);
    const applicationPath = created.headers.location as string;
    const hub = await manager.agent.get(applicationPath).expect(200);
    await manager.agent
      .post(`${applicationPath}/portal`)
      .type('form')
      .send({ _csrf: csrfTokenIn(hub.text) })
      .expect(303);
    await testApp.app.get(OutboxWorker).deliverDue();

    const message = await testApp.dataSource
      .getRepository(OutboxMessage)
      .findOneByOrFail({ to: 'lena@example.com', templateKey: 'portal-link' });
    const portal = linkIn(message.text);
    const home = await request(testApp.server).get(portal).expect(200);
    expect(home.text).toContain('alt="Acme Clinics"');
    expect(home.text).toContain('<title>Your application: Account Executive · Acme Clinics</title>');
    expect(bareKeeper(home.text)).toEqual([]);
    const writing = await request(testApp.server).get(`${portal}/writing`);
    expect(bareKeeper(writing.text)).toEqual([]);
    const missing = await request(testApp.server).get('/portal/not-a-real-token').expect(404);
    expect(missing.text).toContain('alt="Acme Clinics"');
    expect(bareKeeper(missing.text)).toEqual([]);

    const mail = smtp.received.find((received) => received.to.includes('lena@example.com'));
    expect(mail).toBeDefined();
    const raw = decodeQuotedPrintable(mail!.raw);
    expect(raw).toMatch(/^From: "?Acme Clinics"? <keeper@acme\.example>/m);
    expect(raw).toContain('<img src="cid:company-logo@keeper.mail" alt="Acme Clinics"');
    expect(raw).toMatch(/Content-Type: image\/png[\s\S]*?Content-ID: <company-logo@keeper\.mail>/i);
    expect(raw).toMatch(/Content-Disposition: inline/i);
    expect(bareKeeper(raw.replace(/keeper@acme\.example|company-logo@keeper\.mail/g, ''))).toEqual([]);

    const pdf = await request(testApp.server).get(`${portal}/description.pdf`).buffer(true).parse(rawBody).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.body as Buffer);
    expect(text).toContain('Acme Clinics');
    expect(text).toContain('Account Executive');
    expect(bareKeeper(text)).toEqual([]);
    // The plan is the candidate's only once it is shared.
    await request(testApp.server).get(`${portal}/plan.pdf`).expect(404);
  });

  it('sends only the name in mail when the logo is an SVG, and removes the logo after a confirmation step', async () => {
    expect((await upload(admin.agent, Buffer.from(HOSTILE_SVG), 'logo.svg')).status).toBe(303);
    const before = smtp.received.length;
    await testApp.app.get(OutboxWorker).deliverDue();
    const { id } = await testApp.dataSource
      .getRepository(OutboxMessage)
      .findOneByOrFail({ to: 'lena@example.com', templateKey: 'portal-link' });
    await testApp.dataSource.getRepository(OutboxMessage).update(id, { status: 'queued', nextAttemptAt: new Date() });
    await testApp.app.get(OutboxWorker).deliverDue();
    const raw = decodeQuotedPrintable(smtp.received.slice(before).at(-1)!.raw);
    expect(raw).not.toContain('cid:');
    expect(raw).toContain('font-weight: bold">Acme Clinics</p>');

    const confirm = await admin.agent.get('/admin/company/logo/remove').expect(200);
    expect(confirm.text).toContain('Remove the logo?');
    expect(confirm.text).toContain('Candidates will see the name Acme Clinics in its place');
    await expect(company().logo()).resolves.not.toBeNull();
    await admin.agent
      .post('/admin/company/logo/remove')
      .type('form')
      .send({ _csrf: csrfTokenIn(confirm.text) })
      .expect(303);
    await expect(company().logo()).resolves.toBeNull();
    await request(testApp.server).get('/brand/logo').expect(404);
    const careers = await request(testApp.server).get('/careers').expect(200);
    expect(careers.text).not.toContain('brand-logo');
    expect(careers.text).toContain('class="brand">Acme Clinics</a>');
  });
});

function rawBody(res: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

function decodeQuotedPrintable(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
