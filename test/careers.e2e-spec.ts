import request from 'supertest';
import { AttemptLimitsService } from '../src/accounts/attempt-limits.service.js';
import { ApplicationAnswer } from '../src/candidates/entities/application-answer.entity.js';
import { Application } from '../src/candidates/entities/application.entity.js';
import { Candidate } from '../src/candidates/entities/candidate.entity.js';
import { CompanyService } from '../src/company/company.service.js';
import { StoredFile } from '../src/files/stored-file.entity.js';
import { Position } from '../src/positions/entities/position.entity.js';
import { PublishingService } from '../src/positions/publishing.service.js';
import { listedPosition as listedOnCareersSite, outcomesOf } from './support/careers.js';
import { samplePdf, windowsProgram } from './support/files.js';
import { csrfTokenIn, linkIn, outboxMessages, signedInAs, type Agent } from './support/http.js';
import { publishedPosition } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const COMPANY = 'Northwind Health';
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('The careers site', () => {
  let testApp: TestApp;
  let manager: Awaited<ReturnType<typeof signedInAs>>;
  let admin: Awaited<ReturnType<typeof signedInAs>>;
  let pdf: Buffer;
  let addressCount = 0;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    const company = testApp.app.get(CompanyService);
    await company.saveProfile({
      companyName: COMPANY,
      introduction: 'We build software that shortens patient intake for clinics.',
    });
    await company.publishNotice('We use your application only to consider you for positions.', 18, admin.user.id);
    pdf = await samplePdf('Resume of a careers-site candidate');
  });
  afterAll(() => testApp.close());

  const listedPosition = (title: string, fields: Partial<Position> = {}) =>
    listedOnCareersSite(testApp, manager.user, title, fields);
  const questions = (positionId: number) => outcomesOf(testApp, positionId);

  /** Each test applies from its own network address, so the limit per address is met only where a test means to. */
  function visitor(): { agent: Agent; address: string } {
    addressCount += 1;
    return { agent: request.agent(testApp.server), address: `198.51.100.${addressCount}` };
  }

  /** Opens the position's page like a first-time visitor and sends its form (multipart, the resume last). */
  async function apply(
    path: string,
    fields: Record<string, string>,
    options: { resume?: { data: Buffer; name: string } | null; who?: { agent: Agent; address: string } } = {},
  ) {
    const who = options.who ?? visitor();
    const page = await who.agent.get(path).set('X-Forwarded-For', who.address).expect(200);
    const post = who.agent.post(path).set('X-Forwarded-For', who.address).field('_csrf', csrfTokenIn(page.text));
    for (const [key, value] of Object.entries(fields)) post.field(key, value);
    const resume = options.resume === undefined ? { data: pdf, name: 'resume.pdf' } : options.resume;
    if (resume) post.attach('resume', resume.data, { filename: resume.name, contentType: 'application/pdf' });
    return post;
  }

  async function completeForm(positionId: number, person: { name: string; email: string }) {
    const [first, second] = await questions(positionId);
    const notice = await testApp.app.get(CompanyService).currentNotice();
    return {
      name: person.name,
      email: person.email,
      phone: '+1 617 555 0100',
      location: 'Cambridge, MA',
      [`answer_${first.id}`]: 'I would map the forty clinic groups and meet their operations directors first.',
      [`answer_${second.id}`]: 'Build the pipeline from the discovery meetings.',
      outcomesConfirmed: '1',
      privacyAccepted: '1',
      noticeVersion: String(notice!.version),
    };
  }

  const applicationsTo = (positionId: number) =>
    testApp.dataSource.getRepository(Application).find({ where: { positionId }, relations: { candidate: true } });
  const mailsTo = async (email: string) =>
    (await outboxMessages(testApp.dataSource)).filter((message) => message.to === email);

  it('lists listed positions with the company’s introduction, the place and the first outcome', async () => {
    const listed = await listedPosition('Account Executive, Mid-Market');
    const hidden = await publishedPosition(testApp, manager.user, 'Unlisted Analyst');
    const list = await request(testApp.server).get('/careers').expect(200);
    expect(list.text).toContain(`Careers at ${COMPANY}`);
    expect(list.text).toContain('We build software that shortens patient intake for clinics.');
    expect(list.text).toContain(`href="/careers/${listed.id}-account-executive-mid-market"`);
    expect(list.text).toContain('Boston (hybrid)');
    expect(list.text).toContain('Billings at an annualized pace of $500,000');
    expect(list.text).not.toContain('Unlisted Analyst');
    expect(list.text).not.toContain('Sign out');
    // One place only: no filter to choose from.
    expect(list.text).not.toContain('name="place"');
    await request(testApp.server).get(`/careers/${hidden}`).expect(404);
  });

  it('filters by place when positions are in several places', async () => {
    const remote = await listedPosition('Remote Solutions Engineer', { location: null, workplace: 'remote' });
    const list = await request(testApp.server).get('/careers').expect(200);
    expect(list.text).toContain('name="place"');
    expect(list.text).toContain('<option value="Remote">Remote</option>');
    const onlyRemote = await request(testApp.server).get('/careers?place=Remote').expect(200);
    expect(onlyRemote.text).toContain(`href="${remote.path}"`);
    expect(onlyRemote.text).not.toContain('Account Executive, Mid-Market');
    const nowhere = await request(testApp.server).get('/careers?place=Atlantis').expect(200);
    expect(nowhere.text).toContain('No open positions in Atlantis right now');
    await request(testApp.server).get('/careers?page=abc').expect(422);
  });

  it('gives every position one canonical address: the id decides and any other spelling moves there for good', async () => {
    const { id, path } = await listedPosition('Account Executive, Mid-Market');
    expect(path).toBe(`/careers/${id}-account-executive-mid-market`);
    const wrong = await request(testApp.server).get(`/careers/${id}-old-title?utm_source=board`).expect(301);
    expect(wrong.headers.location).toBe(`${path}?utm_source=board`);
    const odd = await request(testApp.server).get(`/careers/${id}-Caf%C3%A9%20%3Cb%3E`).expect(301);
    expect(odd.headers.location).toBe(path);
    const page = await request(testApp.server).get(path).expect(200);
    expect(page.text).toContain(`<title>Account Executive, Mid-Market · ${COMPANY}</title>`);
    expect(page.text).toContain(`<link rel="canonical" href="${testApp.config.link(path)}">`);
    expect(page.text).toMatch(/<meta name="description" content="Northwind Health is hiring: Account Executive/);
    expect(page.text).toContain('<meta property="og:title" content="Account Executive, Mid-Market">');
    expect(page.text).toContain('<meta property="og:type" content="website">');
    expect(page.text).toContain(`<meta property="og:url" content="${testApp.config.link(path)}">`);
    expect(page.text).toMatch(/<meta property="og:description" content="[^"]+">/);
    // The outcomes, the plan's destination and route, and the selection in plain words.
    expect(page.text).toContain('Billings at an annualized pace of $500,000');
    expect(page.text).toMatch(
      /Deliver <small class="muted">· months 7–12<\/small> <span class="badge badge-destination">Destination<\/span>/,
    );
    expect(page.text).toContain('95% of first-year revenue retained');
    expect(page.text).toContain('Immersion');
    expect(page.text).toContain('A short writing test');
    expect(page.text).toContain('A research presentation');
    expect(page.text).toContain('A panel interview');
    expect(page.text).toContain('How would you approach this in your first ten months?');
    expect(page.text).toContain('Up to 40 words');
  });

  it('describes the position to search engines as a JobPosting whose JSON cannot break out of its script', async () => {
    const { path } = await listedPosition('Sales Lead </script><script>alert(1)</script>', {
      compensationMin: 90000,
      compensationMax: 110000,
      compensationCurrency: 'USD',
    });
    const page = await request(testApp.server).get(path).expect(200);
    const scripts = [...page.text.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(page.text).not.toContain('<script>alert(1)');
    const posting = JSON.parse(scripts[0][1]) as Record<string, unknown>;
    expect(posting).toMatchObject({
      '@context': 'https://schema.org/',
      '@type': 'JobPosting',
      title: 'Sales Lead </script><script>alert(1)</script>',
      datePosted: '2027-03-01',
      hiringOrganization: { '@type': 'Organization', name: COMPANY },
      employmentType: 'FULL_TIME',
      jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Boston' } },
      baseSalary: { currency: 'USD', value: { minValue: 90000, maxValue: 110000, unitText: 'YEAR' } },
    });
    expect(posting.description).toContain('<li>Billings at an annualized pace of $500,000');

    const remote = await listedPosition('Remote Closer', { workplace: 'remote', location: null });
    const remotePage = await request(testApp.server).get(remote.path).expect(200);
    const remotePosting = JSON.parse(
      /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(remotePage.text)![1],
    ) as Record<string, unknown>;
    expect(remotePosting.jobLocationType).toBe('TELECOMMUTE');
    expect(remotePosting.jobLocation).toBeUndefined();
    expect(remotePosting.baseSalary).toBeUndefined();
  });

  it('answers 404 for drafts, unknown ids, nonsense and published positions not on the careers site', async () => {
    const draft = await listedPosition('Draft Position');
    await testApp.dataSource.getRepository(Position).update(draft.id, { status: 'draft' });
    const page = await request(testApp.server).get(draft.path).expect(404);
    expect(page.text).toContain('This page is not on our careers site');
    expect(page.text).toContain(COMPANY);
    expect(page.text).not.toContain('Go to your home page');
    const unlisted = await listedPosition('Switched Off');
    await testApp.dataSource.getRepository(Position).update(unlisted.id, { onCareersSite: false });
    await request(testApp.server).get(unlisted.path).expect(404);
    await request(testApp.server).get('/careers/999999-nothing').expect(404);
    await request(testApp.server).get('/careers/99999999999').expect(404);
    await request(testApp.server).get('/careers/abc').expect(404);
    await request(testApp.server).get('/careers/0-zero').expect(404);
  });

  it('says a closed or paused position is no longer open (410), drops it from the list at once and refuses its form', async () => {
    const closing = await listedPosition('Closing Soon Manager');
    const pausing = await listedPosition('Paused Coordinator');
    const form = await request(testApp.server).get(closing.path).expect(200);
    const publishing = testApp.app.get(PublishingService);
    await publishing.changeStatus(manager.user, closing.id, 'closed');
    await publishing.changeStatus(manager.user, pausing.id, 'on-hold');

    const gone = await request(testApp.server).get(closing.path).expect(410);
    expect(gone.text).toContain('This position is no longer open');
    expect(gone.text).toContain('href="/careers"');
    await request(testApp.server).get(pausing.path).expect(410);
    const list = await request(testApp.server).get('/careers').expect(200);
    expect(list.text).not.toContain('Closing Soon Manager');
    expect(list.text).not.toContain('Paused Coordinator');

    const late = await request(testApp.server)
      .post(closing.path)
      .field('_csrf', csrfTokenIn(form.text))
      .field('name', 'Late Applicant')
      .attach('resume', pdf, { filename: 'resume.pdf', contentType: 'application/pdf' });
    expect(late.status).toBe(410);
    expect(late.text).toContain('We are no longer taking applications for <strong>Closing Soon Manager</strong>');
    expect(late.text).toContain(`<a href="/careers" class="brand">${COMPANY}</a>`);
    expect(await applicationsTo(closing.id)).toHaveLength(0);
  });

  it('takes an application: candidate, answers, confirmations and privacy version stored, a mail with a working portal link', async () => {
    const { id, path } = await listedPosition('Account Executive, Enterprise');
    const fields = await completeForm(id, { name: 'Rosa Quinn', email: 'Rosa.Quinn@Example.com' });
    const before = new Date();
    const response = await apply(path, fields);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`${path}/thank-you`);
    const thanks = await request(testApp.server).get(response.headers.location).expect(200);
    expect(thanks.text).toContain('Thank you for applying');
    expect(thanks.text).toContain('A confirmation is on its way to your email, with a private link');

    const [application] = await applicationsTo(id);
    expect(application).toMatchObject({
      source: 'careers-page',
      stage: 'applied',
      createdById: null,
      agencyId: null,
      positionVersion: 1,
    });
    const notice = await testApp.app.get(CompanyService).currentNotice();
    expect(application.privacyNoticeVersion).toBe(notice!.version);
    expect(application.privacyAcceptedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(application.outcomesConfirmedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(application.candidate).toMatchObject({
      name: 'Rosa Quinn',
      email: 'rosa.quinn@example.com',
      phone: '+1 617 555 0100',
      location: 'Cambridge, MA',
      source: 'careers-page',
      createdById: null,
    });
    expect(application.candidate.resumeFileId).not.toBeNull();
    const resume = await testApp.dataSource
      .getRepository(StoredFile)
      .findOneByOrFail({ id: application.candidate.resumeFileId! });
    expect(resume.contentType).toBe('application/pdf');
    const answers = await testApp.dataSource
      .getRepository(ApplicationAnswer)
      .find({ where: { applicationId: application.id }, order: { sortOrder: 'ASC' } });
    expect(answers.map((answer) => answer.answer)).toEqual([
      'I would map the forty clinic groups and meet their operations directors first.',
      'Build the pipeline from the discovery meetings.',
    ]);
    expect(answers[0].outcomeSentence).toContain('Billings at an annualized pace');

    const [mail] = await mailsTo('rosa.quinn@example.com');
    expect(mail.subject).toBe('We have your application for Account Executive, Enterprise');
    expect(mail.text).toContain(`Thank you for applying for the Account Executive, Enterprise position at ${COMPANY}`);
    const portal = await request(testApp.server).get(linkIn(mail.text)).expect(200);
    expect(portal.text).toContain('Hello Rosa Quinn');

    const staffView = await manager.agent.get(`/positions/${id}/applications`).expect(200);
    expect(staffView.text).toContain('Rosa Quinn');
  });

  it('makes no second application for the same email: the candidate is told and mailed their link again', async () => {
    const { id, path } = await listedPosition('Account Executive, Twice');
    const fields = await completeForm(id, { name: 'Tom Twice', email: 'tom@example.com' });
    expect((await apply(path, fields)).status).toBe(303);
    const again = await apply(path, { ...fields, email: ' TOM@example.com ', name: 'Thomas Changed' });
    expect(again.status).toBe(303);
    expect(again.headers.location).toBe(`${path}/already-applied`);
    const page = await request(testApp.server).get(again.headers.location).expect(200);
    expect(page.text).toContain('You have already applied');
    expect(page.text).not.toContain('Tom Twice');

    const applications = await applicationsTo(id);
    expect(applications).toHaveLength(1);
    expect(applications[0].candidate.name).toBe('Tom Twice');
    const mails = await mailsTo('tom@example.com');
    expect(mails.map((mail) => mail.subject)).toEqual([
      'We have your application for Account Executive, Twice',
      'Your application for Account Executive, Twice',
    ]);
    // The new link works; the first one was replaced.
    await request(testApp.server).get(linkIn(mails[1].text)).expect(200);
    expect((await request(testApp.server).get(linkIn(mails[0].text))).status).not.toBe(200);
  });

  it('reuses a known candidate for another position without changing or revealing their record', async () => {
    const first = await listedPosition('Account Executive, East');
    const second = await listedPosition('Account Executive, West');
    const original = await completeForm(first.id, { name: 'Ana Known', email: 'ana@example.com' });
    expect((await apply(first.path, original)).status).toBe(303);
    const fields = await completeForm(second.id, { name: 'Someone Else', email: 'ANA@example.com' });
    const response = await apply(second.path, { ...fields, phone: '+44 20 0000 0000', location: 'London' });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`${second.path}/thank-you`);
    const thanks = await request(testApp.server).get(response.headers.location).expect(200);
    expect(thanks.text).not.toContain('Ana Known');

    const [east] = await applicationsTo(first.id);
    const [west] = await applicationsTo(second.id);
    expect(west.candidateId).toBe(east.candidateId);
    expect(west.candidate).toMatchObject({ name: 'Ana Known', phone: '+1 617 555 0100', location: 'Cambridge, MA' });
    expect(await testApp.dataSource.getRepository(Candidate).countBy({ email: 'ana@example.com' })).toBe(1);
  });

  it('thanks a bot that fills the hidden field, and stores and mails nothing', async () => {
    const { id, path } = await listedPosition('Account Executive, Honeypot');
    const page = await request(testApp.server).get(path).expect(200);
    expect(page.text).toMatch(/<div class="hp-field" aria-hidden="true">/);
    expect(page.text).toMatch(/name="website" type="text" tabindex="-1" autocomplete="off"/);
    const candidates = await testApp.dataSource.getRepository(Candidate).count();
    const mails = (await outboxMessages(testApp.dataSource)).length;
    const fields = await completeForm(id, { name: 'Spam Bot', email: 'bot@example.com' });
    const response = await apply(path, { ...fields, website: 'http://spam.example' });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`${path}/thank-you`);
    expect(await testApp.dataSource.getRepository(Candidate).count()).toBe(candidates);
    expect(await applicationsTo(id)).toHaveLength(0);
    expect((await outboxMessages(testApp.dataSource)).length).toBe(mails);
  });

  it('shows every problem at once beside its field, keeps what was typed and asks for the resume again', async () => {
    const { id, path } = await listedPosition('Account Executive, Errors');
    const [first, second] = await questions(id);
    const fields = await completeForm(id, { name: 'Eve Errors', email: 'not-an-email' });
    const response = await apply(
      path,
      { ...fields, [`answer_${first.id}`]: '   ', [`answer_${second.id}`]: 'My <b>plan</b> for the pipeline.' },
      { resume: null },
    );
    expect(response.status).toBe(422);
    expect(response.text).toContain('There are 3 problems');
    expect(response.text).toContain('Enter your email address, like name@example.com');
    expect(response.text).toContain('Write a short answer to this outcome');
    expect(response.text).toContain('Choose your resume');
    expect(response.text).toContain(`href="#field-answer_${first.id}"`);
    expect(response.text).toContain('value="Eve Errors"');
    expect(response.text).toContain('value="not-an-email"');
    expect(response.text).toContain('value="+1 617 555 0100"');
    expect(response.text).toContain('My &lt;b&gt;plan&lt;/b&gt; for the pipeline.</textarea>');
    expect(response.text).toMatch(/id="field-outcomesConfirmed" name="outcomesConfirmed" value="1" checked/);
    expect(response.text).toContain('choose it again');
    expect(response.text).toContain(`action="${path}#apply"`);

    const unticked = await apply(path, {
      ...(await completeForm(id, { name: 'Eve', email: 'eve@example.com' })),
      outcomesConfirmed: '',
      privacyAccepted: '',
    });
    expect(unticked.status).toBe(422);
    expect(unticked.text).toContain('Tick the box to confirm you have read the outcomes');
    expect(unticked.text).toContain('Tick the box to confirm you have read the privacy notice');

    const tooLong = await apply(path, {
      ...(await completeForm(id, { name: 'Eve', email: 'eve@example.com' })),
      [`answer_${second.id}`]: words(41),
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.text).toContain('Keep this answer to 40 words (it has 41)');
    expect(tooLong.text).toContain(words(41));
    expect(await applicationsTo(id)).toHaveLength(0);
  });

  it('reports a resume that is too large or not a PDF or DOCX beside the field, not as an error page', async () => {
    const { id, path } = await listedPosition('Account Executive, Files');
    const fields = await completeForm(id, { name: 'Fay Files', email: 'fay@example.com' });
    const big = await apply(path, fields, {
      resume: {
        data: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(11 * 1024 * 1024, 0x20)]),
        name: 'big.pdf',
      },
    });
    expect(big.status).toBe(413);
    expect(big.text).toMatch(/id="error-resume" class="field-error">The file is larger than 10 MB/);
    expect(big.text).toContain('value="Fay Files"');
    expect(big.text).toContain('I would map the forty clinic groups');
    expect(big.text).toContain('Apply for this position');

    const exe = await apply(path, fields, { resume: { data: windowsProgram(), name: 'resume.pdf' } });
    expect(exe.status).toBe(422);
    expect(exe.text).toMatch(/id="error-resume" class="field-error">That file is not a PDF or Word \(DOCX\) document/);
    expect(await applicationsTo(id)).toHaveLength(0);
    expect(await testApp.dataSource.getRepository(Candidate).countBy({ email: 'fay@example.com' })).toBe(0);
  });

  it('refuses applications past the limit for one address with a clear message, keeping every value', async () => {
    const { id, path } = await listedPosition('Account Executive, Limits');
    const who = visitor();
    const limits = testApp.app.get(AttemptLimitsService);
    // The address has sent the most applications an hour allows.
    for (let i = 0; i < 10; i += 1) await limits.startApplication(who.address);
    const fields = await completeForm(id, { name: 'Lee Limit', email: 'lee@example.com' });
    const refused = await apply(path, fields, { who });
    expect(refused.status).toBe(429);
    expect(refused.text).toContain('We have received many applications from your network in the last hour');
    expect(refused.text).toContain('value="Lee Limit"');
    expect(refused.text).toContain('I would map the forty clinic groups');
    expect(await applicationsTo(id)).toHaveLength(0);
    // Another address is not held back.
    expect((await apply(path, fields)).status).toBe(303);
  });

  it('asks again when the privacy notice changed while the form was open', async () => {
    const { id, path } = await listedPosition('Account Executive, Notice');
    const fields = await completeForm(id, { name: 'Nia Notice', email: 'nia@example.com' });
    const notice = await testApp.app
      .get(CompanyService)
      .publishNotice('A changed notice: we also keep your resume.', 12, admin.user.id);
    const stale = await apply(path, fields);
    expect(stale.status).toBe(422);
    expect(stale.text).toContain('Our privacy notice changed while this page was open');
    expect(stale.text).toContain(`name="noticeVersion" value="${notice.version}"`);
    expect((await apply(path, { ...fields, noticeVersion: String(notice.version) })).status).toBe(303);
    const [application] = await applicationsTo(id);
    expect(application.privacyNoticeVersion).toBe(notice.version);

    const privacy = await request(testApp.server).get('/careers/privacy').expect(200);
    expect(privacy.text).toContain('A changed notice: we also keep your resume.');
    expect(privacy.text).toContain(`Version ${notice.version}`);
    expect(privacy.text).toContain('for 12 months after your last application with us closes');
  });

  it('makes one application of two identical forms sent at the same moment', async () => {
    const { id, path } = await listedPosition('Account Executive, Double Click');
    const who = visitor();
    const page = await who.agent.get(path).set('X-Forwarded-For', who.address).expect(200);
    const token = csrfTokenIn(page.text);
    const fields = await completeForm(id, { name: 'Dee Double', email: 'dee@example.com' });
    const send = () => {
      const post = who.agent.post(path).set('X-Forwarded-For', who.address).field('_csrf', token);
      for (const [key, value] of Object.entries(fields)) post.field(key, value);
      return post.attach('resume', pdf, { filename: 'resume.pdf', contentType: 'application/pdf' });
    };
    const responses = await Promise.all([send(), send()]);
    expect(responses.map((response) => response.status)).toEqual([303, 303]);
    expect(responses.map((response) => response.headers.location).sort()).toEqual([
      `${path}/already-applied`,
      `${path}/thank-you`,
    ]);
    expect(await applicationsTo(id)).toHaveLength(1);
    expect(await testApp.dataSource.getRepository(Candidate).countBy({ email: 'dee@example.com' })).toBe(1);
  });

  it('shows 20 positions a page, the place filter kept in the links between pages', async () => {
    const boston = () =>
      testApp.dataSource
        .getRepository(Position)
        .countBy({ status: 'published', onCareersSite: true, location: 'Boston' });
    while ((await boston()) < 21) await listedPosition(`Account Executive ${await boston()}`);
    const total = await boston();
    const first = await request(testApp.server).get('/careers?place=Boston').expect(200);
    expect(first.text.match(/class="job-card"/g)).toHaveLength(20);
    expect(first.text).toContain(`Showing 1–20 of ${total}`);
    expect(first.text).toContain('href="/careers?place&#x3D;Boston&amp;page&#x3D;2" rel="next"');
    const second = await request(testApp.server).get('/careers?place=Boston&page=2').expect(200);
    expect(second.text.match(/class="job-card"/g)).toHaveLength(total - 20);
  });

  it('answers hostile input to the public form with a 4xx, never a 500, and stores nothing', async () => {
    const { id, path } = await listedPosition('Account Executive, Hostile');
    const [first] = await questions(id);
    const who = visitor();
    const page = await who.agent.get(path).expect(200);
    const csrf = csrfTokenIn(page.text);
    const form = (body: string) =>
      who.agent.post(path).type('form').set('X-Forwarded-For', who.address).send(`_csrf=${csrf}&${body}`);
    const statuses = [
      (await form('name[a][b]=c&email[]=x@example.com&outcomesConfirmed=1')).status,
      (await form('__proto__[admin]=1&constructor[prototype][admin]=1&name=x')).status,
      (await form(`answer_${first.id}[]=a&answer_${first.id}[]=b&name=x&email=x@example.com`)).status,
      (
        await form(
          `name=${'x'.repeat(5000)}&email=${'y'.repeat(5000)}@example.com&answer_${first.id}=${'z'.repeat(20000)}`,
        )
      ).status,
      (await form('name=%FF%FE%FD&email=%C0%AF&website[]=x')).status,
      (await form('outcomesConfirmed[]=1&privacyAccepted=yes&noticeVersion=-1')).status,
      (
        await who.agent
          .post(path)
          .set('X-Forwarded-For', who.address)
          .field('_csrf', csrf)
          .attach('resume', pdf, 'a.pdf')
          .attach('resume', pdf, 'b.pdf')
      ).status,
      (
        await who.agent
          .post(path)
          .set('X-Forwarded-For', who.address)
          .set('Content-Type', 'application/json')
          .set('X-CSRF-Token', csrf)
          .send('{"name": {"a": 1}, "email": ["x@example.com"]}')
      ).status,
      (await request(testApp.server).get('/careers/%FF%FE')).status,
      (await request(testApp.server).get(`/careers/${id}-%E0%A4%A`)).status,
      (await request(testApp.server).get('/careers?place[]=Boston')).status,
    ];
    for (const status of statuses) {
      expect(status).toBeGreaterThanOrEqual(300);
      expect(status).toBeLessThan(500);
    }
    expect(await applicationsTo(id)).toHaveLength(0);
    // Without the session's token, nothing is read.
    const forged = await request(testApp.server)
      .post(path)
      .type('form')
      .send({ ...(await completeForm(id, { name: 'Forged', email: 'forged@example.com' })) });
    expect(forged.status).toBe(403);
    expect(await applicationsTo(id)).toHaveLength(0);
  });
});
