import request from 'supertest';
import type { Application } from '../src/candidates/entities/application.entity.js';
import { CandidatesService } from '../src/candidates/candidates.service.js';
import { CandidateDto } from '../src/candidates/dto/candidate.dto.js';
import { IntakeService } from '../src/careers/intake.service.js';
import { CompanyService } from '../src/company/company.service.js';
import { PrivacyNotice } from '../src/company/entities/privacy-notice.entity.js';
import { Outcome } from '../src/positions/entities/outcome.entity.js';
import { B2B_SALESPERSON } from '../src/positions/position-templates.js';
import { Position } from '../src/positions/entities/position.entity.js';
import { PositionsService } from '../src/positions/positions.service.js';
import { WritingGrade } from '../src/vetting/entities/writing-grade.entity.js';
import { WritingSubmission } from '../src/vetting/entities/writing-submission.entity.js';
import { csrfTokenIn, linkIn, outboxMessages, signedInAs, submitForm, type Agent } from './support/http.js';
import { configureVetting, publishedPosition, publishKit } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type Signed = Awaited<ReturnType<typeof signedInAs>>;

const NOTICE = 'We keep your application to decide on it.\n\nAsk hiring@example.com for a copy or for deletion.';
const words = (n: number) => Array.from({ length: n }, (_, i) => (i % 10 === 9 ? 'clinics.' : 'clear')).join(' ');

describe('Careers site, staff side: settings, listing, answers, graders and the portal in Applied', () => {
  let testApp: TestApp;
  let admin: Signed;
  let manager: Signed;
  let otherManager: Signed;
  let graders: Signed[];

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    otherManager = await signedInAs(testApp, ['manager']);
    graders = [await signedInAs(testApp, ['interviewer']), await signedInAs(testApp, ['interviewer'])];
  });
  afterAll(() => testApp.close());

  const positions = () => testApp.dataSource.getRepository(Position);
  const notices = () => testApp.dataSource.getRepository(PrivacyNotice);

  /** A published position with its interview kit: ready to recruit. */
  async function readyPosition(title?: string): Promise<number> {
    const id = await publishedPosition(testApp, manager.user, title);
    await publishKit(testApp, manager.user, id);
    return id;
  }

  async function ensureNotice(): Promise<number> {
    return (await testApp.app.get(CompanyService).publishNotice(NOTICE, 12, admin.user.id)).version;
  }

  /** Posts the careers settings form as the browser would, with the page's token and version unless overridden. */
  async function saveCareers(agent: Agent, id: number, fields: Record<string, string | string[]>) {
    const page = await agent.get(`/positions/${id}/careers`).expect(200);
    const { lockVersion } = await positions().findOneByOrFail({ id });
    return agent
      .post(`/positions/${id}/careers`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), lockVersion: String(lockVersion), answerWordLimit: '150', ...fields });
  }

  async function outcomeIds(positionId: number): Promise<number[]> {
    const outcomes = await testApp.dataSource.getRepository(Outcome).find({
      where: { positionId },
      order: { sortOrder: 'ASC' },
    });
    return outcomes.map((outcome) => outcome.id);
  }

  /** A candidate applying on the careers site (the public form is another page; the intake behind it is the same). */
  async function applyOnCareersSite(positionId: number, name: string, answers: Record<number, string>) {
    const position = await testApp.app.get(PositionsService).findOrFail(positionId);
    const email = `${name.toLowerCase().replace(/\s/g, '.')}@example.com`;
    const result = await testApp.app.get(IntakeService).receive(
      position,
      {
        name,
        email,
        phone: null,
        location: null,
        answers: Object.fromEntries(Object.entries(answers).map(([id, text]) => [`answer_${id}`, text])),
        resume: null,
      },
      { kind: 'careers', privacyNoticeVersion: (await testApp.app.get(CompanyService).currentNotice())!.version },
    );
    const mail = (await outboxMessages(testApp.dataSource)).filter((message) => message.to === email).at(-1)!;
    return { application: result.application as Application, email, portal: linkIn(mail.text) };
  }

  describe('Settings → Company and careers site', () => {
    it('saves the name and introduction, refuses an empty or overlong name with the values kept', async () => {
      const page = await admin.agent.get('/admin/settings').expect(200);
      expect(page.text).toContain('href="/admin/company"');
      expect(page.text).toContain('href="/admin/privacy-notice"');

      const empty = await submitForm(admin.agent, '/admin/company', {
        companyName: '  ',
        introduction: 'We make clinic software.',
      });
      expect(empty.status).toBe(422);
      expect(empty.text).toContain('Enter the company name candidates know');
      expect(empty.text).toContain('We make clinic software.');
      const long = await submitForm(admin.agent, '/admin/company', { companyName: 'x'.repeat(121), introduction: '' });
      expect(long.status).toBe(422);
      await expect(testApp.app.get(CompanyService).profile()).resolves.toEqual({
        companyName: 'Our company',
        introduction: null,
        timeZone: 'UTC',
        logo: null,
      });

      const saved = await submitForm(admin.agent, '/admin/company', {
        companyName: 'Northwind Health',
        introduction: 'We make clinic software.\r\n\r\nSmall team, big clinics.',
        timeZone: 'Europe/Dublin',
      });
      expect(saved.status).toBe(303);
      await expect(testApp.app.get(CompanyService).profile()).resolves.toEqual({
        companyName: 'Northwind Health',
        introduction: 'We make clinic software.\n\nSmall team, big clinics.',
        timeZone: 'Europe/Dublin',
        logo: null,
      });
      const shown = await admin.agent.get('/admin/company').expect(200);
      expect(shown.text).toContain('value="Northwind Health"');
      expect(shown.text).toContain('Company profile saved');
    });

    it('is for admins only, and needs the CSRF token', async () => {
      await manager.agent.get('/admin/company').expect(403);
      const token = csrfTokenIn((await manager.agent.get('/positions').expect(200)).text);
      await manager.agent
        .post('/admin/company')
        .type('form')
        .send({ _csrf: token, companyName: 'Hijacked' })
        .expect(403);
      await admin.agent.post('/admin/company').type('form').send({ companyName: 'No token' }).expect(403);
      expect((await testApp.app.get(CompanyService).profile()).companyName).not.toMatch(/Hijacked|No token/);
    });
  });

  describe('Settings → Privacy notice', () => {
    it('saves a new version only when the text or the period changes, and keeps earlier versions readable', async () => {
      await notices().clear();
      const empty = await admin.agent.get('/admin/privacy-notice').expect(200);
      expect(empty.text).toContain('No privacy notice is written yet');

      for (const retentionMonths of ['abc', '0', '-3', '121', '1e9', '99999999999999999999', ''])
        expect((await submitForm(admin.agent, '/admin/privacy-notice', { body: NOTICE, retentionMonths })).status).toBe(
          422,
        );
      const short = await submitForm(admin.agent, '/admin/privacy-notice', { body: 'Short.', retentionMonths: '12' });
      expect(short.status).toBe(422);
      expect(short.text).toContain('Write the notice candidates read and accept');
      await expect(notices().count()).resolves.toBe(0);

      const first = await submitForm(admin.agent, '/admin/privacy-notice', { body: NOTICE, retentionMonths: '12' });
      expect(first.status).toBe(303);
      // The same text from a browser (CRLF line breaks, trailing space) is the same notice.
      const same = await submitForm(admin.agent, '/admin/privacy-notice', {
        body: `${NOTICE.replace(/\n/g, '\r\n')}  `,
        retentionMonths: '12',
      });
      expect(same.status).toBe(303);
      expect((await admin.agent.get('/admin/privacy-notice')).text).toContain('Nothing changed, so version 1');
      await expect(notices().count()).resolves.toBe(1);

      const changedPeriod = await submitForm(admin.agent, '/admin/privacy-notice', {
        body: NOTICE,
        retentionMonths: '24',
      });
      expect(changedPeriod.status).toBe(303);
      const changedText = await submitForm(admin.agent, '/admin/privacy-notice', {
        body: `${NOTICE}\n\nWe never sell your data.`,
        retentionMonths: '24',
      });
      expect(changedText.status).toBe(303);
      expect((await notices().find({ order: { version: 'ASC' } })).map((n) => [n.version, n.retentionMonths])).toEqual([
        [1, 12],
        [2, 24],
        [3, 24],
      ]);

      const page = await admin.agent.get('/admin/privacy-notice').expect(200);
      expect(page.text).toContain('<strong>version 3</strong>');
      expect(page.text).toContain('href="/admin/privacy-notice/versions/1"');
      expect(page.text).toContain('href="/admin/privacy-notice/versions/2"');
      expect(page.text).toContain('We never sell your data.');
      const v1 = await admin.agent.get('/admin/privacy-notice/versions/1').expect(200);
      expect(v1.text).toContain('An earlier version');
      expect(v1.text).toContain('kept 12 months');
      expect(v1.text).not.toContain('We never sell your data.');
      expect((await admin.agent.get('/admin/privacy-notice/versions/3').expect(200)).text).toContain(
        'We never sell your data.',
      );
      await admin.agent.get('/admin/privacy-notice/versions/9').expect(404);
      await admin.agent.get('/admin/privacy-notice/versions/abc').expect(404);
    });

    it('refuses managers: no page, no version, no new version', async () => {
      await ensureNotice();
      const before = await notices().count();
      await manager.agent.get('/admin/privacy-notice').expect(403);
      await manager.agent.get('/admin/privacy-notice/versions/1').expect(403);
      const token = csrfTokenIn((await manager.agent.get('/positions').expect(200)).text);
      await manager.agent
        .post('/admin/privacy-notice')
        .type('form')
        .send({ _csrf: token, body: 'A notice written by someone who may not.', retentionMonths: '1' })
        .expect(403);
      await expect(notices().count()).resolves.toBe(before);
    });
  });

  describe('A position on the careers site', () => {
    it('refuses to list a draft, a position not ready to recruit, or any position without a privacy notice', async () => {
      const draft = await testApp.app.get(PositionsService).create(manager.user, B2B_SALESPERSON.key, undefined);
      const notReady = await publishedPosition(testApp, manager.user, 'Published, no kit');
      const ready = await readyPosition('Ready but no notice');
      await notices().clear();

      const noNotice = await saveCareers(manager.agent, ready, { onCareersSite: '1' });
      expect(noNotice.status).toBe(422);
      expect(noNotice.text).toContain('It cannot be shown on the careers site yet');
      expect(noNotice.text).toContain('no privacy notice is written yet');
      await ensureNotice();

      const refusedDraft = await saveCareers(manager.agent, draft.id, { onCareersSite: '1' });
      expect(refusedDraft.status).toBe(422);
      expect(refusedDraft.text).toContain('no version is published');
      const refusedNotReady = await saveCareers(manager.agent, notReady, { onCareersSite: '1' });
      expect(refusedNotReady.status).toBe(422);
      expect(refusedNotReady.text).toContain('the interview kit is not published');
      // The form comes back as typed: the box still ticked.
      expect(refusedNotReady.text).toMatch(/name="onCareersSite" value="1" checked/);
      for (const id of [draft.id, notReady, ready]) {
        const position = await positions().findOneByOrFail({ id });
        expect([position.onCareersSite, position.careersListedAt]).toEqual([false, null]);
      }
      const page = await manager.agent.get(`/positions/${notReady}/careers`).expect(200);
      expect(page.text).toContain('To do:</span> the interview kit is not published');
    });

    it('lists a ready position, saves its questions and who reads the answers, and keeps the first listing date', async () => {
      await ensureNotice();
      const id = await readyPosition();
      const [first, second, third] = await outcomeIds(id);
      const show = await manager.agent.get(`/positions/${id}`).expect(200);
      expect(show.text).toContain(`href="/positions/${id}/careers"`);

      const saved = await saveCareers(manager.agent, id, {
        onCareersSite: '1',
        ask: [String(first), String(third)],
        required: [String(first)],
        answerWordLimit: '120',
        answersToGraders: '1',
      });
      expect(saved.status).toBe(303);
      const listed = await positions().findOneByOrFail({ id });
      expect(listed).toMatchObject({ onCareersSite: true, answerWordLimit: 120, answersToGraders: true });
      expect(listed.careersListedAt).toBeInstanceOf(Date);
      const outcomes = await testApp.dataSource.getRepository(Outcome).findBy({ positionId: id });
      const flags = (outcomeId: number) => {
        const outcome = outcomes.find((row) => row.id === outcomeId)!;
        return [outcome.askOnApplication, outcome.answerRequired];
      };
      expect([flags(first), flags(second), flags(third)]).toEqual([
        [true, true],
        [false, false],
        [true, false],
      ]);

      const page = await manager.agent.get(`/positions/${id}/careers`).expect(200);
      expect(page.text).toContain('On the careers site since');
      expect(page.text).toContain(`/careers/${id}-account-executive-mid-market-healthcare`);
      expect(page.text).toContain('The position is on the careers site.');

      // Off and on again: the first listing date stays (it is the job posting's date).
      await saveCareers(manager.agent, id, { ask: [String(first)] }).then((r) => expect(r.status).toBe(303));
      expect((await positions().findOneByOrFail({ id })).onCareersSite).toBe(false);
      await saveCareers(manager.agent, id, { onCareersSite: '1' }).then((r) => expect(r.status).toBe(303));
      expect((await positions().findOneByOrFail({ id })).careersListedAt).toEqual(listed.careersListedAt);

      // On hold: off the site at once (the site lists published positions); the choice is kept and said so.
      const hold = await submitForm(
        manager.agent,
        `/positions/${id}/status?status=on-hold`,
        { status: 'on-hold', confirm: 'yes' },
        `/positions/${id}/status`,
      );
      expect(hold.status).toBe(303);
      const onHold = await manager.agent.get(`/positions/${id}/careers`).expect(200);
      expect(onHold.text).toContain('Not on the careers site while the position is On hold');
      // Saving other settings while on hold keeps the listing without asking for readiness again.
      await saveCareers(manager.agent, id, { onCareersSite: '1', answerWordLimit: '200' }).then((r) =>
        expect(r.status).toBe(303),
      );
      expect(await positions().findOneByOrFail({ id })).toMatchObject({ onCareersSite: true, answerWordLimit: 200 });
    });

    it('validates the word limit and the questions without a server error, changing nothing', async () => {
      const id = await readyPosition();
      const [first] = await outcomeIds(id);
      const bad: Record<string, string | string[]>[] = [
        { answerWordLimit: 'abc' },
        { answerWordLimit: '-5' },
        { answerWordLimit: '19' },
        { answerWordLimit: '501' },
        { answerWordLimit: '1e3' },
        { answerWordLimit: '99999999999999999999999' },
        { answerWordLimit: '' },
        { ask: ['abc'] },
        { ask: ['99999999999'] },
        { ask: ['2147483647'] },
        { required: [String(first)] },
        { lockVersion: 'x' },
      ];
      for (const fields of bad) {
        const response = await saveCareers(manager.agent, id, fields);
        expect({ fields, status: response.status }).toEqual({ fields, status: 422 });
      }
      const required = await saveCareers(manager.agent, id, { required: [String(first)] });
      expect(required.text).toContain('only a question asked can be required');
      const tooMany = await saveCareers(manager.agent, id, { answerWordLimit: '9000' });
      expect(tooMany.text).toContain('Enter a whole number of words from 20 to 500');
      expect(tooMany.text).toContain('value="9000"');

      const seen = (await positions().findOneByOrFail({ id })).lockVersion - 1;
      const stale = await saveCareers(manager.agent, id, { lockVersion: String(seen), answerWordLimit: '99' });
      expect(stale.status).toBe(409);
      expect(stale.text).toContain('Someone else saved this');
      const position = await positions().findOneByOrFail({ id });
      expect(position).toMatchObject({ answerWordLimit: 150, onCareersSite: false });
      expect(await testApp.dataSource.getRepository(Outcome).countBy({ positionId: id, askOnApplication: true })).toBe(
        0,
      );
    });

    it('refuses another manager, an interviewer and a request without the CSRF token', async () => {
      await ensureNotice();
      const id = await readyPosition();
      await otherManager.agent.get(`/positions/${id}/careers`).expect(403);
      await graders[0].agent.get(`/positions/${id}/careers`).expect(403);
      const { lockVersion } = await positions().findOneByOrFail({ id });
      const token = csrfTokenIn((await otherManager.agent.get('/positions').expect(200)).text);
      const refused = await otherManager.agent
        .post(`/positions/${id}/careers`)
        .type('form')
        .send({ _csrf: token, lockVersion: String(lockVersion), onCareersSite: '1', answerWordLimit: '300' });
      expect(refused.status).toBe(403);
      await manager.agent
        .post(`/positions/${id}/careers`)
        .type('form')
        .send({ lockVersion: String(lockVersion), onCareersSite: '1', answerWordLimit: '300' })
        .expect(403);
      expect(await positions().findOneByOrFail({ id })).toMatchObject({
        onCareersSite: false,
        answerWordLimit: 150,
        lockVersion,
      });
      // The position page offers the link only to those who may use it.
      expect((await otherManager.agent.get(`/positions/${id}`).expect(200)).text).not.toContain(
        `href="/positions/${id}/careers"`,
      );
      // An admin may.
      expect((await saveCareers(admin.agent, id, { onCareersSite: '1' })).status).toBe(303);
    });
  });

  describe('Careers applications', () => {
    let positionId: number;
    let outcomes: number[];

    beforeAll(async () => {
      await ensureNotice();
      positionId = await readyPosition('Careers applications');
      outcomes = await outcomeIds(positionId);
      const saved = await configureVetting(manager.agent, positionId, {
        writingRequired: '1',
        graderIds: graders.map((grader) => String(grader.user.id)),
      });
      expect(saved.status).toBe(303);
      const listed = await saveCareers(manager.agent, positionId, {
        onCareersSite: '1',
        ask: [String(outcomes[0]), String(outcomes[1])],
        required: [String(outcomes[0])],
      });
      expect(listed.status).toBe(303);
    });

    it('shows the source, the notice accepted, the confirmation and the answers, escaped with line breaks kept', async () => {
      const { application } = await applyOnCareersSite(positionId, 'Ines Marlow', {
        [outcomes[0]]: 'First I would call the top ten clinics.\nThen <script>alert(1)</script> the rest.',
        [outcomes[1]]: 'Weekly pipeline reviews.',
      });
      const page = await manager.agent.get(`/applications/${application.id}`).expect(200);
      expect(page.text).toContain('From the careers site');
      expect(page.text).toContain('Careers page');
      expect(page.text).toMatch(/Version \d+ accepted/);
      expect(page.text).toContain('Confirmed reading the outcomes');
      expect(page.text).toContain('Answers to the outcome questions');
      expect(page.text).toContain(
        'First I would call the top ten clinics.\nThen &lt;script&gt;alert(1)&lt;/script&gt; the rest.',
      );
      expect(page.text).not.toContain('<script>alert(1)</script>');
      expect(page.text).toContain('Weekly pipeline reviews.');

      // An application a member of staff entered, with the candidate's own source: nothing more to show.
      const { application: typedIn } = await testApp.app.get(CandidatesService).create(
        manager.user,
        Object.assign(new CandidateDto(), {
          name: 'Paul Typed',
          email: 'paul.typed@example.com',
          source: 'referral',
          phone: null,
          notes: null,
          positionId,
        }),
        null,
      );
      const plain = await manager.agent.get(`/applications/${typedIn!.id}`).expect(200);
      expect(plain.text).not.toContain('id="intake-heading"');
    });

    it('puts a careers applicant in Applied on a status page with no task until they are invited to vetting', async () => {
      const { application, email, portal } = await applyOnCareersSite(positionId, 'Nadia Park', {
        [outcomes[0]]: 'I would start with the clinics we already know.',
      });
      const candidate = request.agent(testApp.server);
      const home = await candidate.get(portal).expect(200);
      expect(home.text).toContain('We have your application');
      expect(home.text).toContain('Your tasks open when you are invited to vetting');
      expect(home.text).toContain('Billings at an annualized pace of $500,000');
      expect(home.text).not.toContain('Open the writing test');
      const writing = await candidate.get(`${portal}/writing`).expect(200);
      expect(writing.text).toContain('the writing test opens when you are invited to vetting');
      expect(writing.text).not.toContain('Start the writing test');
      // No form offers it; a hand-made request with a valid token is refused all the same.
      const token = csrfTokenIn((await candidate.get('/login').expect(200)).text);
      const start = await candidate.post(`${portal}/writing/start`).type('form').send({ _csrf: token });
      expect(start.status).toBe(409);
      expect(start.text).toContain('Your tasks open when the hiring manager invites you to vetting');
      await candidate
        .post(`${portal}/writing`)
        .type('form')
        .send({ _csrf: token, text: 'early', intent: 'save' })
        .expect(409);
      await expect(
        testApp.dataSource.getRepository(WritingSubmission).countBy({ applicationId: application.id }),
      ).resolves.toBe(0);
      const managerView = await manager.agent.get(`/applications/${application.id}`).expect(200);
      expect(managerView.text).toContain('it shows where their application stands, and no task yet');

      // Moving to Vetting mails the candidate their next steps with a new link; the tasks open there.
      const moved = await submitForm(
        manager.agent,
        `/applications/${application.id}`,
        { to: 'vetting' },
        `/applications/${application.id}/move`,
      );
      expect(moved.status).toBe(303);
      const invitation = (await outboxMessages(testApp.dataSource)).filter((m) => m.to === email).at(-1)!;
      expect(invitation.subject).toBe('Your next steps for Careers applications');
      const invited = linkIn(invitation.text);
      expect(invited).not.toBe(portal);
      expect((await candidate.get(invited).expect(200)).text).toContain('Open the writing test');
      await candidate.get(portal).expect(410);
    });

    it('shows blind graders the answers only when the position says so, masked, and never the name', async () => {
      const { application, email } = await applyOnCareersSite(positionId, 'Nadia Okafor', {
        [outcomes[0]]: 'I am Nadia Okafor (nadia.okafor@example.com). Okafor plans start with ten clinics.',
      });
      await submitForm(
        manager.agent,
        `/applications/${application.id}`,
        { to: 'vetting' },
        `/applications/${application.id}/move`,
      ).then((r) => expect(r.status).toBe(303));
      const portal = linkIn((await outboxMessages(testApp.dataSource)).filter((m) => m.to === email).at(-1)!.text);
      const candidate = request.agent(testApp.server);
      const intro = await candidate.get(`${portal}/writing`).expect(200);
      await candidate
        .post(`${portal}/writing/start`)
        .type('form')
        .send({ _csrf: csrfTokenIn(intro.text) })
        .expect(303);
      const form = await candidate.get(`${portal}/writing`).expect(200);
      await candidate
        .post(`${portal}/writing`)
        .type('form')
        .send({ _csrf: csrfTokenIn(form.text), text: words(40), intent: 'submit', confirm: '1' })
        .expect(303);
      const submission = await testApp.dataSource
        .getRepository(WritingSubmission)
        .findOneByOrFail({ applicationId: application.id });
      const grade = await testApp.dataSource
        .getRepository(WritingGrade)
        .findOneByOrFail({ submissionId: submission.id });
      const grader = graders.find((signed) => signed.user.id === grade.graderId)!;

      // Off (the default, as saved above): graders see nothing of the answers.
      const hidden = await grader.agent.get(`/grading/${grade.id}`).expect(200);
      expect(hidden.text).not.toContain('Answers to the outcome questions');
      expect(hidden.text).not.toContain('ten clinics');

      // On: the answers under the same anonymous code, masked like the text.
      await saveCareers(manager.agent, positionId, {
        onCareersSite: '1',
        ask: [String(outcomes[0]), String(outcomes[1])],
        required: [String(outcomes[0])],
        answersToGraders: '1',
      }).then((r) => expect(r.status).toBe(303));
      const shown = await grader.agent.get(`/grading/${grade.id}`).expect(200);
      expect(shown.text).toContain('Answers to the outcome questions');
      expect(shown.text).toContain('I am [candidate] ([email]). [candidate] plans start with ten clinics.');
      expect(shown.text).toContain(application.code);
      expect(shown.text).not.toMatch(/Nadia|Okafor|nadia\.okafor/i);
    });

    it('keeps tasks open for a candidate the hiring team sent the portal link themselves while in Applied', async () => {
      const { application } = await testApp.app.get(CandidatesService).create(
        manager.user,
        Object.assign(new CandidateDto(), {
          name: 'Ravi Sent',
          email: 'ravi.sent@example.com',
          source: 'referral',
          phone: null,
          notes: null,
          positionId,
        }),
        null,
      );
      const sent = await submitForm(
        manager.agent,
        `/applications/${application!.id}`,
        {},
        `/applications/${application!.id}/portal`,
      );
      expect(sent.status).toBe(303);
      const mail = (await outboxMessages(testApp.dataSource)).filter((m) => m.to === 'ravi.sent@example.com').at(-1)!;
      const home = await request(testApp.server).get(linkIn(mail.text)).expect(200);
      expect(home.text).toContain('Open the writing test');
      expect(home.text).not.toContain('We have your application');
    });
  });
});
