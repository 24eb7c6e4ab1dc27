import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import type { Router } from 'express';
import request from 'supertest';
import { User } from '../src/accounts/entities/user.entity.js';
import { AgencyRecruiter, AgencySubmission, Agency } from '../src/agencies/entities/agency.entity.js';
import { CandidatesService } from '../src/candidates/candidates.service.js';
import { CandidateDto } from '../src/candidates/dto/candidate.dto.js';
import { ApplicationAnswer } from '../src/candidates/entities/application-answer.entity.js';
import { Application } from '../src/candidates/entities/application.entity.js';
import { Candidate } from '../src/candidates/entities/candidate.entity.js';
import { IS_PUBLIC, OPEN_TO_RECRUITERS, ROLES } from '../src/common/decorators.js';
import { DEMO_PASSWORD, seedDemo } from '../src/demo/demo.seed.js';
import { Hire } from '../src/hires/entities/hire.entity.js';
import { Outcome } from '../src/positions/entities/outcome.entity.js';
import { Position } from '../src/positions/entities/position.entity.js';
import { PublishingService } from '../src/positions/publishing.service.js';
import { samplePdf, windowsProgram } from './support/files.js';
import {
  createUser,
  csrfTokenIn,
  linkIn,
  outboxMessages,
  PASSWORD,
  signIn,
  signedInAs,
  type Agent,
} from './support/http.js';
import { publishedPosition } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** An agency and one recruiter assigned to the positions, written straight to the database. */
async function agencyWithRecruiter(testApp: TestApp, name: string, positionIds: number[], agencyId?: number) {
  const agency = agencyId
    ? await testApp.dataSource.getRepository(Agency).findOneByOrFail({ id: agencyId })
    : await testApp.dataSource
        .getRepository(Agency)
        .save({ name, feePercent: 20, guaranteeMonths: 3, feeTerms: null, active: true });
  const user = await createUser(testApp, ['recruiter']);
  await testApp.dataSource.getRepository(AgencyRecruiter).save({ agencyId: agency.id, userId: user.id });
  for (const positionId of positionIds)
    await testApp.dataSource.query(
      `INSERT INTO recruiter_positions ("recruiterId", "positionId", "createdAt") VALUES (${user.id}, ${positionId}, CURRENT_TIMESTAMP)`,
    );
  return { agency, user, agent: await signIn(testApp, user.email) };
}

describe('Agencies and the agency portal', () => {
  let testApp: TestApp;
  let admin: Awaited<ReturnType<typeof signedInAs>>;
  let manager: Awaited<ReturnType<typeof signedInAs>>;
  let assigned: number;
  let other: number;
  let questions: Outcome[];
  let agencyId: number;
  let rita: User;
  let recruiter: Agent;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    assigned = await publishedPosition(testApp, manager.user, 'Account Executive');
    other = await publishedPosition(testApp, manager.user, 'Field Sales Lead');
    const outcomes = await testApp.dataSource
      .getRepository(Outcome)
      .find({ where: { positionId: assigned }, order: { sortOrder: 'ASC' } });
    await testApp.dataSource
      .getRepository(Outcome)
      .update(outcomes[0].id, { askOnApplication: true, answerRequired: true });
    await testApp.dataSource.getRepository(Outcome).update(outcomes[1].id, { askOnApplication: true });
    questions = outcomes.slice(0, 2);
  });
  afterAll(() => testApp.close());

  async function postForm(agent: Agent, pagePath: string, action: string, fields: Record<string, string | string[]>) {
    const page = await agent.get(pagePath).expect(200);
    return agent
      .post(action)
      .type('form')
      .send({ ...fields, _csrf: csrfTokenIn(page.text) });
  }

  /** The recruiter's form, as the browser sends it: multipart, the resume last. */
  async function submit(
    agent: Agent,
    positionId: number,
    fields: Record<string, string>,
    resume: Buffer | null | 'pdf' = 'pdf',
  ) {
    const page = await agent.get(`/agency/positions/${positionId}`).expect(200);
    const post = agent.post(`/agency/positions/${positionId}`).field('_csrf', csrfTokenIn(page.text));
    for (const [key, value] of Object.entries(fields)) post.field(key, value);
    if (resume)
      post.attach('resume', resume === 'pdf' ? await samplePdf('Resume') : resume, {
        filename: 'cv.pdf',
        contentType: 'application/pdf',
      });
    return post;
  }

  const answers = (first: string, second = '') => ({
    [`answers[answer_${questions[0].id}]`]: first,
    [`answers[answer_${questions[1].id}]`]: second,
  });

  async function staffCandidate(name: string, email: string, positionId: number) {
    return testApp.app
      .get(CandidatesService)
      .create(
        manager.user,
        Object.assign(new CandidateDto(), { name, email, source: 'referral', phone: null, notes: null, positionId }),
        null,
      );
  }

  it('lets an admin add an agency with checked terms, invite a recruiter who accepts, and assign a position', async () => {
    const empty = await admin.agent.get('/admin/agencies').expect(200);
    expect(empty.text).toContain('No agencies yet');
    expect((await admin.agent.get('/admin/settings').expect(200)).text).toContain('href="/admin/agencies"');

    const refused = await postForm(admin.agent, '/admin/agencies/new', '/admin/agencies', {
      name: 'Northbridge Talent',
      feePercent: '100.5',
      guaranteeMonths: '25',
      feeTerms: 'Due 30 days after the start date.',
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Enter a percentage from 0 to 100');
    expect(refused.text).toContain('Enter a whole number of months from 0 to 24');
    expect(refused.text).toContain('value="Northbridge Talent"');
    expect(await testApp.dataSource.getRepository(Agency).count()).toBe(0);

    const created = await postForm(admin.agent, '/admin/agencies/new', '/admin/agencies', {
      name: 'Northbridge Talent',
      feePercent: '17.5',
      guaranteeMonths: '6',
      feeTerms: 'Due 30 days after the start date.',
    });
    expect(created.status).toBe(303);
    agencyId = Number(/\/admin\/agencies\/(\d+)$/.exec(created.headers.location)![1]);
    const agency = await testApp.dataSource.getRepository(Agency).findOneByOrFail({ id: agencyId });
    expect([agency.feePercent, agency.guaranteeMonths, agency.active]).toEqual([17.5, 6, true]);

    const twice = await postForm(admin.agent, '/admin/agencies/new', '/admin/agencies', {
      name: 'northbridge talent',
      feePercent: '20',
      guaranteeMonths: '3',
    });
    expect(twice.status).toBe(422);
    expect(twice.text).toContain('There is already an agency called northbridge talent');

    const invited = await postForm(
      admin.agent,
      `/admin/agencies/${agencyId}`,
      `/admin/agencies/${agencyId}/recruiters`,
      {
        name: 'Rita Vance',
        email: 'Rita@Northbridge.example',
      },
    );
    expect(invited.status).toBe(303);
    rita = await testApp.dataSource.getRepository(User).findOneByOrFail({ email: 'rita@northbridge.example' });
    expect(rita.roles).toEqual(['recruiter']);
    const mail = (await outboxMessages(testApp.dataSource)).find((message) => message.to === rita.email)!;
    expect(mail.text).toContain('as a recruiter for Northbridge Talent');

    // Accepting the invitation signs her in; her home is the agency portal.
    recruiter = request.agent(testApp.server);
    const accepted = await postForm(recruiter, linkIn(mail.text), linkIn(mail.text), {
      name: 'Rita Vance',
      password: PASSWORD,
      passwordConfirmation: PASSWORD,
    });
    expect(accepted.status).toBe(303);
    expect((await recruiter.get('/').expect(303)).headers.location).toBe('/agency');
    const portal = await recruiter.get('/agency').expect(200);
    expect(portal.text).toContain('No positions for you right now');
    expect(portal.text).toContain('href="/agency/submissions"');
    expect(portal.text).not.toContain('href="/positions"');
    expect(portal.text).not.toMatch(/<a href="\/"[^>]*>Home</);

    // Only published positions can be given; the draft is refused, the published one saved.
    const draft = await testApp.dataSource.getRepository(Position).save({
      title: 'Draft role',
      hiringManagerId: manager.user.id,
      createdById: manager.user.id,
      status: 'draft',
    });
    const page = `/admin/agencies/${agencyId}/recruiters/${rita.id}`;
    expect((await admin.agent.get(page).expect(200)).text).not.toContain('Draft role');
    const wrong = await postForm(admin.agent, page, `${page}/positions`, { positionIds: [String(draft.id)] });
    expect(wrong.status).toBe(422);
    expect((await postForm(admin.agent, page, `${page}/positions`, { positionIds: [String(assigned)] })).status).toBe(
      303,
    );
    const agencyPage = await admin.agent.get(`/admin/agencies/${agencyId}`).expect(200);
    expect(agencyPage.text).toContain('Rita Vance');
    expect(agencyPage.text).toContain('Active');
    expect(agencyPage.text).toContain('Account Executive');
  });

  it('keeps recruiters out of the People page’s roles', async () => {
    const invite = await admin.agent.get('/people/invite').expect(200);
    expect(invite.text).not.toContain('value="recruiter"');
    const person = await admin.agent.get(`/people/${rita.id}`).expect(200);
    expect(person.text).toContain('is an agency recruiter');
    const refused = await postForm(admin.agent, `/people/${rita.id}`, `/people/${rita.id}/roles`, {
      roles: ['manager'],
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Rita Vance is an agency recruiter and holds no other role');
    const staffer = await createUser(testApp, ['interviewer']);
    const asRecruiter = await postForm(admin.agent, `/people/${staffer.id}`, `/people/${staffer.id}/roles`, {
      roles: ['recruiter'],
    });
    expect(asRecruiter.status).toBe(422);
    const reloaded = await testApp.dataSource
      .getRepository(User)
      .find({ where: [{ id: rita.id }, { id: staffer.id }] });
    expect(reloaded.map((user) => user.roles).sort()).toEqual([['interviewer'], ['recruiter']]);
  });

  it('shows a recruiter only their assigned published positions, with the brief and nothing internal', async () => {
    await staffCandidate('Hidden Applicant', 'hidden@example.com', assigned);
    const list = await recruiter.get('/agency').expect(200);
    expect(list.text).toContain(`href="/agency/positions/${assigned}"`);
    expect(list.text).not.toContain('Field Sales Lead');

    const brief = await recruiter.get(`/agency/positions/${assigned}`).expect(200);
    expect(brief.text).toContain('The outcomes this position is measured by');
    expect(brief.text).toContain('By the close of month');
    expect(brief.text).toContain('A short writing test');
    expect(brief.text).toContain('Then a panel interview');
    expect(brief.text).not.toContain('Hidden Applicant');
    expect(brief.text).not.toContain('Harrison');
    expect(brief.text).toContain(`name="answers[answer_${questions[0].id}]"`);

    const unassigned = await recruiter.get(`/agency/positions/${other}`).expect(404);
    const missing = await recruiter.get('/agency/positions/2147483647').expect(404);
    expect(unassigned.text).toBe(missing.text);

    // On hold: gone from the list and from the brief's URL at once.
    await testApp.app.get(PublishingService).changeStatus(manager.user, assigned, 'on-hold');
    expect((await recruiter.get('/agency').expect(200)).text).not.toContain(`/agency/positions/${assigned}`);
    const held = await recruiter.get(`/agency/positions/${assigned}`).expect(404);
    expect(held.text).toBe(missing.text);
    await testApp.app.get(PublishingService).changeStatus(manager.user, assigned, 'published');
  });

  it('puts a new candidate forward: a credited application with answers, and a confirmation mail naming the agency', async () => {
    const incomplete = await submit(recruiter, assigned, {
      name: 'Nora Quist',
      email: 'nora@example.com',
      ...answers(''),
      note: 'Ran a territory of 40 clinics.',
    });
    expect(incomplete.status).toBe(422);
    expect(incomplete.text).toContain('Write a short answer to this outcome');
    expect(incomplete.text).toContain('value="Nora Quist"');
    expect(incomplete.text).toContain('Ran a territory of 40 clinics.');
    expect(incomplete.text).toContain('choose the resume again');

    const fields = { name: 'Nora Quist', email: 'nora@example.com', ...answers('My plan.') };
    const tooLarge = await submit(
      recruiter,
      assigned,
      fields,
      Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(11 * 1024 * 1024, 0x20)]),
    );
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.text).toContain('The file is larger than 10 MB');
    expect(tooLarge.text).toContain('value="Nora Quist"');
    const program = await submit(recruiter, assigned, fields, windowsProgram());
    expect(program.status).toBe(422);
    expect(program.text).toContain('That file is not a PDF or Word (DOCX) document');
    const noResume = await submit(recruiter, assigned, fields, null);
    expect(noResume.status).toBe(422);
    expect(noResume.text).toContain('Choose the candidate’s resume');
    const garbled = await submit(recruiter, assigned, { ...fields, 'answers[answer_x][y]': 'z' });
    expect(garbled.status).toBe(422);
    expect(await testApp.dataSource.getRepository(Candidate).countBy({ email: 'nora@example.com' })).toBe(0);

    const done = await submit(recruiter, assigned, {
      name: 'Nora Quist',
      email: 'Nora@Example.com',
      phone: '+1 555 0101',
      location: 'Leeds',
      ...answers('I would start with the ten largest clinic groups.', 'A referral loop.'),
      note: 'Ran a territory of 40 clinics.',
    });
    expect(done.status).toBe(303);
    expect(done.headers.location).toMatch(/^\/agency\/submissions\/\d+$/);
    const result = await recruiter.get(done.headers.location).expect(200);
    expect(result.text).toContain('<h1>Submitted</h1>');

    const candidate = await testApp.dataSource.getRepository(Candidate).findOneByOrFail({ email: 'nora@example.com' });
    const application = await testApp.dataSource
      .getRepository(Application)
      .findOneByOrFail({ candidateId: candidate.id, positionId: assigned });
    expect([candidate.source, application.source, application.agencyId, application.recruiterId]).toEqual([
      'recruiter',
      'recruiter',
      agencyId,
      rita.id,
    ]);
    const saved = await testApp.dataSource.getRepository(ApplicationAnswer).findBy({ applicationId: application.id });
    expect(saved.map((answer) => answer.answer).sort()).toEqual([
      'A referral loop.',
      'I would start with the ten largest clinic groups.',
    ]);
    const submission = await testApp.dataSource
      .getRepository(AgencySubmission)
      .findOneByOrFail({ candidateId: candidate.id });
    expect(submission).toMatchObject({
      agencyId,
      recruiterId: rita.id,
      applicationId: application.id,
      alreadyKnown: false,
      note: 'Ran a territory of 40 clinics.',
    });
    const mail = (await outboxMessages(testApp.dataSource)).find((message) => message.to === 'nora@example.com')!;
    expect(mail.text).toContain('Northbridge Talent has put you forward for the Account Executive position');
    expect(linkIn(mail.text)).toMatch(/^\/portal\//);

    const hub = await manager.agent.get(`/applications/${application.id}`).expect(200);
    expect(hub.text).toContain('Submitted by <strong>Northbridge Talent</strong> — Rita Vance');
    expect(hub.text).toContain('Ran a territory of 40 clinics.');

    // A position that is not hers: the upload is not read, and the answer is the page's 404.
    const elsewhere = recruiter
      .post(`/agency/positions/${other}`)
      .field('_csrf', csrfTokenIn(result.text))
      .field('name', 'Someone')
      .field('email', 'someone@example.com');
    expect((await elsewhere.attach('resume', await samplePdf(), 'cv.pdf')).status).toBe(404);
    expect(await testApp.dataSource.getRepository(Candidate).countBy({ email: 'someone@example.com' })).toBe(0);
  });

  it('keeps an already known candidate as they are and tells the recruiter only that', async () => {
    // Applied to this very position through the hiring team.
    const { candidate: known, application: first } = await staffCandidate('Known One', 'known@example.com', assigned);
    const same = await submit(recruiter, assigned, {
      name: 'Known One',
      email: 'KNOWN@example.com',
      ...answers('My approach.'),
    });
    expect(same.status).toBe(303);
    const page = await recruiter.get(same.headers.location).expect(200);
    const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(page.text)![1];
    expect(main).toContain('<h1>This candidate is already in our process.</h1>');
    expect(main).not.toMatch(/Known One|Applied|Vetting|referral/i);
    expect(
      await testApp.dataSource.getRepository(AgencySubmission).findOneByOrFail({ candidateId: known.id }),
    ).toMatchObject({
      alreadyKnown: true,
      applicationId: null,
    });
    expect(await testApp.dataSource.getRepository(Candidate).findOneByOrFail({ id: known.id })).toMatchObject({
      source: 'referral',
    });
    expect(await testApp.dataSource.getRepository(Application).findOneByOrFail({ id: first!.id })).toMatchObject({
      source: 'referral',
      agencyId: null,
      recruiterId: null,
    });
    const hub = await manager.agent.get(`/applications/${first!.id}`).expect(200);
    expect(hub.text).toContain('Also put forward by <strong>Northbridge Talent</strong> on');
    expect(hub.text).toContain('(already known — not credited)');

    // Applied to another position this year: a new application here, with the candidate's own source.
    const { candidate: elsewhere } = await staffCandidate('Known Two', 'known2@example.com', other);
    await submit(recruiter, assigned, { name: 'Known Two', email: 'known2@example.com', ...answers('Mine.') });
    const second = await testApp.dataSource
      .getRepository(Application)
      .findOneByOrFail({ candidateId: elsewhere.id, positionId: assigned });
    expect([second.source, second.agencyId]).toEqual(['referral', null]);
    expect(
      (await testApp.dataSource.getRepository(AgencySubmission).findOneByOrFail({ candidateId: elsewhere.id }))
        .alreadyKnown,
    ).toBe(true);

    // Met more than 12 months ago: the agency is credited; the candidate keeps their source.
    const { candidate: old } = await staffCandidate('Old Friend', 'old@example.com', other);
    const longAgo = new Date(Date.now() - 400 * 86400000);
    await testApp.dataSource.getRepository(Candidate).update(old.id, { createdAt: longAgo });
    await testApp.dataSource.getRepository(Application).update({ candidateId: old.id }, { createdAt: longAgo });
    const credited = await submit(recruiter, assigned, {
      name: 'Old Friend',
      email: 'old@example.com',
      ...answers('Yes.'),
    });
    expect((await recruiter.get(credited.headers.location).expect(200)).text).toContain('<h1>Submitted</h1>');
    const renewed = await testApp.dataSource
      .getRepository(Application)
      .findOneByOrFail({ candidateId: old.id, positionId: assigned });
    expect([renewed.source, renewed.agencyId]).toEqual(['recruiter', agencyId]);
    expect((await testApp.dataSource.getRepository(Candidate).findOneByOrFail({ id: old.id })).source).toBe('referral');
  });

  it('lists the recruiter’s own submissions as Active, Rejected or Hired, with the month-10 review', async () => {
    const ids = await testApp.dataSource
      .getRepository(AgencySubmission)
      .find({ where: { recruiterId: rita.id, alreadyKnown: false }, relations: { candidate: true } });
    const byName = (name: string) => ids.find((submission) => submission.candidate.name === name)!;
    const nora = byName('Nora Quist');
    const oldFriend = byName('Old Friend');
    await testApp.dataSource.getRepository(Application).update(nora.applicationId!, { stage: 'interview' });
    let list = await recruiter.get('/agency/submissions').expect(200);
    expect(list.text).toMatch(/Nora Quist[\s\S]*?<span class="badge badge-submission-active">Active<\/span>/);
    expect(list.text).not.toContain('Interview');
    expect(list.text).toMatch(/Known One[\s\S]*?Already in our process/);
    expect(list.text).not.toContain('Hidden Applicant');
    expect(list.text).not.toContain('Ran a territory');

    await testApp.dataSource.getRepository(Application).update(oldFriend.applicationId!, { stage: 'rejected' });
    await testApp.dataSource.getRepository(Application).update(nora.applicationId!, { stage: 'hired' });
    const newHire = await createUser(testApp, ['new-hire']);
    const hire = await testApp.dataSource.getRepository(Hire).save({
      applicationId: nora.applicationId!,
      positionId: assigned,
      userId: newHire.id,
      managerId: manager.user.id,
      startDate: '2026-01-05',
      keeper: null,
    });
    list = await recruiter.get('/agency/submissions').expect(200);
    expect(list.text).toMatch(/Old Friend[\s\S]*?>Rejected</);
    expect(list.text).toMatch(/Nora Quist[\s\S]*?>Hired<\/span><\/td>\s*<td>Not reviewed yet \(month 10\)/);
    await testApp.dataSource.getRepository(Hire).update(hire.id, { keeper: true });
    list = await recruiter.get('/agency/submissions').expect(200);
    expect(list.text).toMatch(/Nora Quist[\s\S]*?>Hired<\/span><\/td>\s*<td>Yes, a keeper/);
  });

  it('never shows a recruiter a colleague’s or another agency’s submissions', async () => {
    const mine = await testApp.dataSource.getRepository(AgencySubmission).findBy({ recruiterId: rita.id });
    const second = await agencyWithRecruiter(testApp, 'Second Search', [assigned]);
    const colleague = await agencyWithRecruiter(testApp, '', [assigned], agencyId);
    for (const outsider of [second, colleague]) {
      const list = await outsider.agent.get('/agency/submissions').expect(200);
      expect(list.text).toContain('No submissions yet');
      for (const name of ['Nora Quist', 'Known One', 'Old Friend']) expect(list.text).not.toContain(name);
      for (const submission of mine) await outsider.agent.get(`/agency/submissions/${submission.id}`).expect(404);
      await outsider.agent.get(`/applications/${mine[0].applicationId}`).expect(403);
    }
    // Her own list, a page at a time.
    const candidates = testApp.dataSource.getRepository(Candidate);
    for (let index = 0; index < 24; index += 1) {
      const candidate = await candidates.save({
        name: `Bulk ${index}`,
        email: `bulk${index}@example.com`,
        source: 'recruiter',
      });
      await testApp.dataSource.getRepository(AgencySubmission).save({
        agencyId,
        recruiterId: rita.id,
        positionId: assigned,
        candidateId: candidate.id,
        applicationId: null,
        alreadyKnown: true,
        note: null,
      });
    }
    const first = await recruiter.get('/agency/submissions').expect(200);
    expect(first.text).toContain('Page 1 of 2');
    expect((await recruiter.get('/agency/submissions?page=2').expect(200)).text).toContain('Nora Quist');
  });

  it('removes a recruiter and pauses an agency only after a confirmation step', async () => {
    const second = await agencyWithRecruiter(testApp, 'Third Partners', [assigned]);
    const removePage = `/admin/agencies/${second.agency.id}/recruiters/${second.user.id}/remove`;
    expect((await admin.agent.get(removePage).expect(200)).text).toContain('will be signed out on every device');
    expect((await postForm(admin.agent, removePage, removePage, {})).status).toBe(303);
    expect((await second.agent.get('/agency').expect(303)).headers.location).toMatch(/^\/login/);
    expect(
      await testApp.dataSource.query(`SELECT * FROM recruiter_positions WHERE "recruiterId" = ${second.user.id}`),
    ).toEqual([]);

    const confirm = `/admin/agencies/${agencyId}/deactivate`;
    expect((await admin.agent.get(confirm).expect(200)).text).toContain('will no longer see any position');
    expect((await postForm(admin.agent, confirm, confirm, {})).status).toBe(303);
    expect((await recruiter.get('/agency').expect(200)).text).toContain('Northbridge Talent’s access is paused');
    await recruiter.get(`/agency/positions/${assigned}`).expect(404);
    await recruiter.get('/agency/submissions').expect(200);
    const list = await admin.agent.get('/admin/agencies').expect(200);
    expect(list.text).toMatch(/Northbridge Talent[\s\S]*?Inactive/);
  });
});

type Route = { method: 'GET' | 'POST'; path: string };

/** Every GET and POST route the Express router holds: what the app really answers. */
function registeredRoutes(testApp: TestApp): Route[] {
  const router = (testApp.app.getHttpAdapter().getInstance() as { router: Router }).router;
  const routes: Route[] = [];
  for (const layer of router.stack as { route?: { path: string; methods: Record<string, boolean> } }[]) {
    if (!layer.route) continue;
    // Nest registers a controller's root route with a trailing slash ("/careers/"); its metadata has none.
    const path = layer.route.path.replace(/(.)\/$/, '$1');
    if (layer.route.methods.get) routes.push({ method: 'GET', path });
    if (layer.route.methods.post) routes.push({ method: 'POST', path });
  }
  return routes;
}

type Openness = 'public' | 'open to recruiters' | 'recruiter role';

/** Routes a recruiter may use by design, from Nest's metadata: @Public(), @OpenToRecruiters(), or @Roles naming them. */
function routesOpenToRecruiters(testApp: TestApp): Map<string, Openness> {
  const discovery = testApp.app.get(DiscoveryService, { strict: false });
  const scanner = new MetadataScanner();
  const open = new Map<string, Openness>();
  for (const { metatype, instance } of discovery.getControllers()) {
    if (!metatype || !instance) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
    const prototype = Object.getPrototypeOf(instance) as Record<string, object>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const flag = (key: string) => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, metatype);
      const roles = (flag(ROLES) as string[] | undefined) ?? [];
      const openness: Openness | null = flag(IS_PUBLIC)
        ? 'public'
        : flag(OPEN_TO_RECRUITERS)
          ? 'open to recruiters'
          : roles.includes('recruiter')
            ? 'recruiter role'
            : null;
      if (!openness) continue;
      const path = `/${[base, String(Reflect.getMetadata(PATH_METADATA, handler) ?? '')]
        .map((part) => part.replace(/^\/|\/$/g, ''))
        .filter(Boolean)
        .join('/')}`;
      open.set(`${RequestMethod[method]} ${path}`, openness);
    }
  }
  return open;
}

describe('A recruiter crawling the demo company’s staff URLs', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
    await seedDemo(testApp.app);
  });
  afterAll(() => testApp.close());

  it('is refused (403 or 404, never 200 or 500) on every route that is not public, theirs or their account', async () => {
    const published = await testApp.dataSource.getRepository(Position).findOneByOrFail({ status: 'published' });
    const { agent } = await agencyWithRecruiter(testApp, 'Crawl Check Partners', [published.id]);
    const brief = await agent.get(`/agency/positions/${published.id}`).expect(200);
    const csrf = csrfTokenIn(brief.text);
    expect((await agent.get('/').expect(303)).headers.location).toBe('/agency');

    const open = routesOpenToRecruiters(testApp);
    const routes = registeredRoutes(testApp);
    const staff = routes.filter((route) => !open.has(`${route.method} ${route.path}`));
    // Besides public pages, a recruiter's routes are their portal, their home (a redirect) and their account.
    expect(
      routes
        .filter((route) => open.has(`${route.method} ${route.path}`) && !route.path.startsWith('/agency'))
        .filter((route) => open.get(`${route.method} ${route.path}`) !== 'public')
        .map((route) => `${route.method} ${route.path}`)
        .sort(),
    ).toEqual(['GET /', 'GET /account', 'GET /account/password', 'POST /account/password', 'POST /account/time-zone']);
    // The portal is theirs, and every route left must be a staff route.
    expect(staff.filter((route) => route.path.startsWith('/agency'))).toEqual([]);
    expect(staff.filter((route) => route.method === 'GET').length).toBeGreaterThan(60);

    // Real ids: the demo company has rows 1 to 3 in every table a staff URL names.
    const answered: string[] = [];
    for (const route of staff) {
      for (const id of ['1', '2', '3']) {
        const url = route.path.replace(/:[A-Za-z]+/g, id);
        const response =
          route.method === 'GET'
            ? await agent.get(url).redirects(0)
            : await agent.post(url).type('form').send({ _csrf: csrf }).redirects(0);
        if (![403, 404].includes(response.status))
          answered.push(`${route.method} ${route.path} (${id}) → ${response.status}`);
        if (!route.path.includes(':')) break;
      }
    }
    expect(answered).toEqual([]);
    // Nothing the crawl asked for changed the demo company: it can still sign in as before.
    await signIn(testApp, 'manager@keeper.demo', DEMO_PASSWORD);
  });
});
