import type { DataSource } from 'typeorm';
import type { User } from '../src/accounts/entities/user.entity.js';
import { AuditEvent } from '../src/audit/audit-event.entity.js';
import { ApplicationAnswer } from '../src/candidates/entities/application-answer.entity.js';
import { ApplicationEvent } from '../src/candidates/entities/application-event.entity.js';
import type { Application } from '../src/candidates/entities/application.entity.js';
import { Candidate } from '../src/candidates/entities/candidate.entity.js';
import { mayMailCandidate } from '../src/candidates/candidate-mail.js';
import { AnonymisationService, REMOVED_TEXT } from '../src/data-protection/anonymisation.service.js';
import { FilesRepository } from '../src/files/files.repository.js';
import { ScorecardRating } from '../src/interviews/entities/interview.entity.js';
import { OutboxMessage } from '../src/mail/entities/outbox-message.entity.js';
import { SelfIdentification } from '../src/self-identification/entities/self-identification.entity.js';
import { Assessment } from '../src/vetting/entities/assessment.entity.js';
import { PortalLink } from '../src/vetting/entities/portal-link.entity.js';
import { Presentation, PresentationScore } from '../src/vetting/entities/presentation.entity.js';
import { WritingGrade } from '../src/vetting/entities/writing-grade.entity.js';
import { WritingSubmission } from '../src/vetting/entities/writing-submission.entity.js';
import { samplePdf } from './support/files.js';
import request from 'supertest';
import { csrfTokenIn, submitForm, signedInAs, type Agent } from './support/http.js';
import { DataRequest } from '../src/data-protection/entities/data-request.entity.js';
import { ERASED_RECIPIENT, OutboxRepository } from '../src/mail/outbox.repository.js';
import { history, panel, person } from './support/insights-data.js';
import { publishedPosition } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const SYSTEM = { kind: 'system' as const, id: null };

/** Every text column of every table, from the database's own catalogue. */
async function textColumns(dataSource: DataSource): Promise<{ table: string; column: string }[]> {
  if (dataSource.options.type === 'postgres') {
    const rows = (await dataSource.query(
      `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('character varying', 'text', 'character', 'json', 'jsonb')`,
    )) as { table: string; column: string }[];
    return rows;
  }
  const tables = (await dataSource.query(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  )) as { name: string }[];
  const columns: { table: string; column: string }[] = [];
  for (const { name } of tables) {
    const info = (await dataSource.query(`PRAGMA table_info("${name}")`)) as { name: string; type: string }[];
    for (const column of info)
      if (/char|text|clob|json/i.test(column.type)) columns.push({ table: name, column: column.name });
  }
  return columns;
}

/** "table.column" for every text value anywhere that contains `needle`, case ignored. */
async function whereFound(dataSource: DataSource, needle: string): Promise<string[]> {
  const found: string[] = [];
  const postgres = dataSource.options.type === 'postgres';
  for (const { table, column } of await textColumns(dataSource)) {
    const [row] = (await dataSource.query(
      `SELECT COUNT(*) AS n FROM "${table}" WHERE LOWER(CAST("${column}" AS TEXT)) LIKE ${postgres ? '$1' : '?'}`,
      [`%${needle.toLowerCase()}%`],
    )) as { n: number | string }[];
    if (Number(row.n) > 0) found.push(`${table}.${column}`);
  }
  return found;
}

describe('Anonymising a candidate', () => {
  let testApp: TestApp;
  let admin: { agent: Agent; user: User };
  let manager: { agent: Agent; user: User };
  let grader: User;
  let positionId: number;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    grader = await person(testApp.dataSource, 'Grace Grader');
    positionId = await publishedPosition(testApp, manager.user);
  });
  afterAll(() => testApp.close());

  /**
   * A candidate with everything Keeper can hold about them: a resume, answers, a writing test graded with a
   * comment, an assessment report, a presentation deck, an interview with scores and evidence naming them, notes,
   * stage history, mail to them and about them, a portal link and self-identification answers.
   */
  async function seedCandidate(name: string, email: string, phone: string, location: string) {
    const data = testApp.dataSource;
    const files = testApp.app.get(FilesRepository);
    const application: Application = await history(data, {
      positionId,
      source: 'referral',
      applied: 0,
      moves: [
        ['applied', 'vetting', 2],
        ['vetting', 'interview', 9],
        ['interview', 'decision', 14],
      ],
      byId: manager.user.id,
    });
    const resume = await files.save(
      { fileName: 'cv.pdf', contentType: 'application/pdf', createdById: null },
      await samplePdf(`Resume of ${name}`),
    );
    const report = await files.save(
      { fileName: 'report.pdf', contentType: 'application/pdf', createdById: null },
      await samplePdf(`Assessment of ${name}`),
    );
    const deck = await files.save(
      { fileName: 'deck.pdf', contentType: 'application/pdf', createdById: null },
      await samplePdf(`Deck by ${name}`),
    );
    await data.getRepository(Candidate).update(application.candidateId, {
      name,
      email,
      phone,
      location,
      notes: `${name} was referred by Dana; call ${email} after 5pm.`,
      resumeFileId: resume.id,
      consentAt: new Date(),
    });
    await data.getRepository(ApplicationAnswer).insert({
      applicationId: application.id,
      outcomeSentence: 'Billings at an annualized pace of $500,000.',
      sortOrder: 0,
      answer: `I am ${name} and I grew billings at my last job.`,
    });
    await data.getRepository(ApplicationEvent).insert({
      applicationId: application.id,
      fromStage: 'interview',
      toStage: 'decision',
      summary: `Moved ${name} to Decision`,
      byId: manager.user.id,
    });
    const submission = await data.getRepository(WritingSubmission).save({
      applicationId: application.id,
      prompt: 'Write to a clinic group.',
      draft: `Draft — ${name}`,
      startedAt: new Date(),
      submittedAt: new Date(),
      text: `Dear Dr Lee, … Kind regards, ${name} (${email})`,
    });
    await data.getRepository(WritingGrade).insert({
      submissionId: submission.id,
      graderId: grader.id,
      levels: { clarity: 3 } as never,
      overall: 3,
      comment: `Clear letter; signed ${name}.`,
      assignedAt: new Date(),
      submittedAt: new Date(),
    });
    await data.getRepository(Assessment).insert({
      applicationId: application.id,
      provider: 'Harrison',
      takenOn: '2026-01-08',
      eligibility: 80,
      suitability: 75,
      traits: null,
      reportFileId: report.id,
      recordedById: manager.user.id,
      recordedAt: new Date(),
    });
    const presentation = await data
      .getRepository(Presentation)
      .save({ applicationId: application.id, deckFileId: deck.id, uploadedAt: new Date() });
    await data.getRepository(PresentationScore).insert({
      presentationId: presentation.id,
      evaluatorId: grader.id,
      levels: { hero: 4 } as never,
      overall: 4,
      comment: `${name} talked about the customer.`,
      assignedAt: new Date(),
      submittedAt: new Date(),
    });
    const interview = await panel(data, {
      applicationId: application.id,
      day: 12,
      decision: 'hire',
      byId: manager.user.id,
      seats: [{ user: grader, ratings: [4, 3], recommendation: 'yes', hoursLate: 1 }],
    });
    await data.query(
      `UPDATE interviews SET rationale = ${data.options.type === 'postgres' ? '$1' : '?'} WHERE id = ${interview.id}`,
      [`Hire ${name}: strong research.`],
    );
    await data
      .createQueryBuilder()
      .update(ScorecardRating)
      .set({ evidence: `${name} asked about the customer's outcomes.` })
      .where('"panelistId" IN (SELECT id FROM panelists WHERE "interviewId" = :id)', { id: interview.id })
      .execute();
    const outbox = data.getRepository(OutboxMessage);
    const queued = await outbox.save({
      to: email,
      subject: `Your interview, ${name}`,
      text: `Dear ${name}, see you soon.`,
      status: 'queued',
      applicationId: application.id,
    });
    await outbox.save({
      to: email,
      subject: 'Thank you for applying',
      text: `Dear ${name}, thank you.`,
      html: `<p>Dear ${name}</p>`,
      status: 'sent',
      sentAt: new Date(),
      applicationId: application.id,
    });
    await outbox.save({
      to: manager.user.email,
      subject: `New application from ${name}`,
      text: `${name} <${email}> applied.`,
      status: 'kept',
      applicationId: application.id,
    });
    await data.getRepository(PortalLink).insert({
      applicationId: application.id,
      token: `token-${application.id}-abcdefghijklmnop`,
      expiresAt: new Date(Date.now() + 86_400_000 * 30),
    });
    await data
      .getRepository(SelfIdentification)
      .insert({ applicationId: application.id, sex: 'female', race: 'declined', veteran: null, disability: 'no' });
    return { application, files: [resume.id, report.id, deck.id], queuedId: queued.id };
  }

  const funnel = async () =>
    (await manager.agent.get(`/insights/funnel?positionId=${positionId}&format=csv`).expect(200)).text;

  it('removes the name and email from every table, deletes the files, and keeps what the insights count', async () => {
    const erased = await seedCandidate('Hana Sato', 'hana.sato@example.com', '+1 555 0199', 'Portland, Maine');
    const kept = await seedCandidate('Ivo Petrov', 'ivo.petrov@example.com', '+1 555 0142', 'Sofia');
    const before = await funnel();
    const lists = ['/candidates', `/positions/${positionId}/applications`, `/positions/${positionId}/board`];
    for (const path of lists) expect((await manager.agent.get(path).expect(200)).text).toContain('Hana Sato');
    expect(await whereFound(testApp.dataSource, 'Hana Sato')).toEqual(
      expect.arrayContaining(['candidates.name', 'outbox_messages.text']),
    );

    const count = await testApp.app
      .get(AnonymisationService)
      .anonymise([erased.application.candidateId], { reason: 'Erasure request #1', actor: SYSTEM });
    expect(count).toBe(1);

    const data = testApp.dataSource;
    expect(await whereFound(data, 'Hana Sato')).toEqual([]);
    expect(await whereFound(data, 'hana.sato@example.com')).toEqual([]);
    expect(await whereFound(data, '555 0199')).toEqual([]);
    expect(await whereFound(data, 'Portland, Maine')).toEqual([]);

    // The record keeps the anonymous code, its applications and their stages; the files are gone.
    const candidate = await data.getRepository(Candidate).findOneByOrFail({ id: erased.application.candidateId });
    expect(candidate).toMatchObject({ name: erased.application.code, phone: null, resumeFileId: null, notes: null });
    expect(candidate.anonymisedAt).toBeInstanceOf(Date);
    const files = (await data.query('SELECT id FROM stored_files')) as { id: number }[];
    const remaining = files.map((row) => Number(row.id));
    for (const id of erased.files) expect(remaining).not.toContain(id);
    for (const id of kept.files) expect(remaining).toContain(id);
    expect(
      await data.getRepository(Assessment).findOneByOrFail({ applicationId: erased.application.id }),
    ).toMatchObject({ eligibility: 80, suitability: 75, reportFileId: null });
    expect(
      (await data.getRepository(ApplicationAnswer).findOneByOrFail({ applicationId: erased.application.id })).answer,
    ).toBe(REMOVED_TEXT);

    // Pending mail to them is cancelled; the portal link no longer opens.
    expect(await data.getRepository(OutboxMessage).findOneByOrFail({ id: erased.queuedId })).toMatchObject({
      status: 'cancelled',
    });
    expect(await data.getRepository(OutboxMessage).findOneByOrFail({ id: kept.queuedId })).toMatchObject({
      status: 'queued',
      to: 'ivo.petrov@example.com',
    });
    const link = await data.getRepository(PortalLink).findOneByOrFail({ applicationId: erased.application.id });
    expect(link.revokedAt).toBeInstanceOf(Date);

    // They leave every list and search; the other candidate stays.
    const { candidateId, id: applicationId } = erased.application;
    for (const path of [...lists, `/candidates?q=${erased.application.code}`]) {
      const page = (await manager.agent.get(path).expect(200)).text;
      expect(page).not.toContain(`/candidates/${candidateId}"`);
      expect(page).not.toContain(`/applications/${applicationId}"`);
      if (!path.includes('?q=')) expect(page).toContain('Ivo Petrov');
    }

    // Insights count the same; self-identification answers stay (aggregated only); scores and decisions stay.
    expect(await funnel()).toBe(before);
    expect(await data.getRepository(SelfIdentification).countBy({ applicationId: erased.application.id })).toBe(1);
    const [{ decision }] = (await data.query(
      `SELECT decision FROM interviews WHERE "applicationId" = ${erased.application.id}`,
    )) as { decision: string }[];
    expect(decision).toBe('hire');

    // The other candidate is untouched.
    expect(await whereFound(data, 'Ivo Petrov')).toEqual(
      expect.arrayContaining([
        'candidates.name',
        'candidates.notes',
        'application_answers.answer',
        'writing_submissions.text',
        'scorecard_ratings.evidence',
        'outbox_messages.subject',
      ]),
    );
    expect(await testApp.app.get(FilesRepository).readData(kept.files[0])).not.toBeNull();

    // One audit entry, without personal data; a second run changes nothing.
    const audit = await data.getRepository(AuditEvent).findBy({ action: 'anonymised' });
    expect(audit).toEqual([
      expect.objectContaining({ candidateId: candidate.id, actorKind: 'system', detail: 'Erasure request #1' }),
    ]);
    expect(
      await testApp.app.get(AnonymisationService).anonymise([candidate.id], { reason: 'Again', actor: SYSTEM }),
    ).toBe(0);
    expect(await data.getRepository(AuditEvent).countBy({ action: 'anonymised' })).toBe(1);

    // No mail ever goes to them again.
    expect(mayMailCandidate({ stage: 'interview', candidate }, 'interview-reminder')).toBe(false);
  });

  const tokenOf = (application: Application) => `token-${application.id}-abcdefghijklmnop`;

  /** The candidate's own browser: asks for erasure through the portal's confirmation step. */
  async function askForErasure(token: string) {
    const candidate = request.agent(testApp.server);
    const data = await candidate.get(`/portal/${token}/data`).expect(200);
    expect(data.text).toContain(`href="/portal/${token}/data.zip"`);
    const confirm = await candidate.get(`/portal/${token}/data/erase`).expect(200);
    expect(confirm.text).toContain('Erase your data?');
    const posted = await candidate
      .post(`/portal/${token}/data/erase`)
      .type('form')
      .send({ _csrf: csrfTokenIn(confirm.text) });
    expect(posted.status).toBe(303);
    return { candidate, csrf: csrfTokenIn(confirm.text) };
  }

  it('takes a request in the portal, queues it for admins, and on confirmation mails the candidate and erases them', async () => {
    const { application } = await seedCandidate('Jun Tanaka', 'jun.tanaka@example.com', '+1 555 0111', 'Osaka');
    const token = tokenOf(application);
    const portal = await request(testApp.server).get(`/portal/${token}`).expect(200);
    expect(portal.text).toContain(`href="/portal/${token}/data"`);

    const { candidate, csrf } = await askForErasure(token);
    const after = await candidate.get(`/portal/${token}/data`).expect(200);
    expect(after.text).toContain('We have your request');
    // A second request while the first is pending changes nothing.
    await candidate.post(`/portal/${token}/data/erase`).type('form').send({ _csrf: csrf }).expect(303);
    const requests = await testApp.dataSource
      .getRepository(DataRequest)
      .findBy({ candidateId: application.candidateId });
    expect(requests).toHaveLength(1);
    const [pending] = requests;
    expect(pending.status).toBe('pending');
    const days = (pending.dueAt.getTime() - pending.createdAt.getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(30);
    const notice = await testApp.dataSource.getRepository(OutboxMessage).findOneByOrFail({ to: admin.user.email });
    expect(notice.subject).toContain(`request #${pending.id}`);
    expect(notice.text).not.toContain('Jun Tanaka');

    // Admins only; the queue and the home page show it.
    await manager.agent.get('/admin/data-requests').expect(403);
    await manager.agent.get(`/admin/data-requests/${pending.id}`).expect(403);
    const queue = await admin.agent.get('/admin/data-requests').expect(200);
    expect(queue.text).toContain(`/admin/data-requests/${pending.id}"`);
    expect((await admin.agent.get('/').expect(200)).text).toContain('asked to erase their data');

    // "Other" without words is refused with a message, and the choice is kept.
    const page = `/admin/data-requests/${pending.id}`;
    const invalid = await submitForm(admin.agent, page, { reason: 'other', text: '  ' }, `${page}/refuse`);
    expect(invalid.status).toBe(422);
    expect(invalid.text).toContain('Write the legal reason');
    expect(invalid.text).toMatch(/value="other" checked/);

    const confirmed = await submitForm(admin.agent, page, {}, `${page}/confirm`);
    expect(confirmed.status).toBe(303);
    const data = testApp.dataSource;
    expect(await data.getRepository(DataRequest).findOneByOrFail({ id: pending.id })).toMatchObject({
      status: 'confirmed',
      decidedById: admin.user.id,
    });
    const erased = await data.getRepository(Candidate).findOneByOrFail({ id: application.candidateId });
    expect(erased.anonymisedAt).toBeInstanceOf(Date);
    // The confirmation went to the address before it was erased, and anonymisation left it to be delivered.
    const done = await data.getRepository(OutboxMessage).findOneByOrFail({ templateKey: 'erasure-done' });
    expect(done).toMatchObject({ to: 'jun.tanaka@example.com', status: 'kept' });
    expect(await whereFound(data, 'Jun Tanaka')).toEqual([]);
    expect(await whereFound(data, 'jun.tanaka@example.com')).toEqual(['outbox_messages.to']);
    // Once delivered, the outbox forgets the address too.
    await data.getRepository(OutboxMessage).update(done.id, { status: 'sending', claimToken: 'test-claim' });
    expect(
      await testApp.app.get(OutboxRepository).markSent({ ...done, status: 'sending' }, 'test-claim', new Date()),
    ).toBe(true);
    expect(await whereFound(data, 'jun.tanaka@example.com')).toEqual([]);
    expect((await data.getRepository(OutboxMessage).findOneByOrFail({ id: done.id })).to).toBe(ERASED_RECIPIENT);

    // Every step is in the audit trail: the request (by the candidate), its answer and the erasure (by the admin).
    const trail = await data
      .getRepository(AuditEvent)
      .find({ where: { candidateId: application.candidateId }, order: { id: 'ASC' } });
    const steps = trail.filter((event) => event.objectType === 'data request' || event.action === 'anonymised');
    expect(steps.map((event) => [event.action, event.actorKind, event.actorId])).toEqual([
      ['created', 'candidate', null],
      ['changed', 'user', admin.user.id],
      ['anonymised', 'user', admin.user.id],
    ]);
    // The link no longer opens anything.
    await request(testApp.server).get(`/portal/${token}/data`).expect(410);
    await request(testApp.server).get(`/portal/${token}`).expect(410);
  });

  it('refuses with the legal reason, told to the candidate by mail, and keeps their data', async () => {
    const { application } = await seedCandidate('Kai Berg', 'kai.berg@example.com', '+1 555 0122', 'Oslo');
    await askForErasure(tokenOf(application));
    const pending = await testApp.dataSource
      .getRepository(DataRequest)
      .findOneByOrFail({ candidateId: application.candidateId });
    const page = `/admin/data-requests/${pending.id}`;
    // Bad input is answered in words, never with a 500.
    const unknown = await submitForm(admin.agent, page, { reason: 'because' }, `${page}/refuse`);
    expect(unknown.status).toBe(422);
    expect(unknown.text).toContain('Choose the legal reason for keeping the data');
    await admin.agent.get('/admin/data-requests/abc').expect(404);
    await admin.agent.get('/admin/data-requests/999999').expect(404);
    await request(testApp.server).get('/portal/no-such-link/data').expect(404);
    expect((await submitForm(admin.agent, page, { reason: 'eeoc', text: '' }, `${page}/refuse`)).status).toBe(303);
    expect(await testApp.dataSource.getRepository(DataRequest).findOneByOrFail({ id: pending.id })).toMatchObject({
      status: 'refused',
      refusalReason: 'eeoc',
    });
    const mail = await testApp.dataSource
      .getRepository(OutboxMessage)
      .findOneByOrFail({ templateKey: 'erasure-refused', to: 'kai.berg@example.com' });
    expect(mail.text).toContain('29 CFR 1602.14');
    expect(
      await testApp.dataSource.getRepository(Candidate).findOneByOrFail({ id: application.candidateId }),
    ).toMatchObject({ name: 'Kai Berg', anonymisedAt: null });
    // Answered requests leave the queue; a second answer is refused.
    expect((await admin.agent.get('/admin/data-requests').expect(200)).text).not.toContain(`${page}"`);
    expect((await submitForm(admin.agent, '/admin/data-requests', {}, `${page}/confirm`)).status).toBe(409);
  });

  it('lets an admin, and only an admin, erase a candidate from their page after a confirmation step', async () => {
    const { application } = await seedCandidate('Lea Roth', 'lea.roth@example.com', '+1 555 0133', 'Bern');
    const path = `/candidates/${application.candidateId}`;
    expect((await manager.agent.get(path).expect(200)).text).not.toContain(`${path}/erase`);
    await manager.agent.get(`${path}/erase`).expect(403);
    expect((await admin.agent.get(path).expect(200)).text).toContain(`${path}/erase`);
    const erased = await submitForm(admin.agent, `${path}/erase`, {}, `${path}/erase`);
    expect(erased.status).toBe(303);
    expect(await whereFound(testApp.dataSource, 'Lea Roth')).toEqual([]);
    const shown = await admin.agent.get(path).expect(200);
    expect(shown.text).toContain('Anonymised');
    expect(shown.text).not.toContain(`${path}/erase`);
    const [event] = await testApp.dataSource
      .getRepository(AuditEvent)
      .findBy({ candidateId: application.candidateId, action: 'anonymised' });
    expect(event).toMatchObject({ actorKind: 'user', actorId: admin.user.id });
  });

  it('keeps a candidate under legal hold: the erase page says so and erasing is refused until the hold is lifted', async () => {
    const { application } = await seedCandidate('Ida Berg', 'ida.berg@example.com', '+1 555 0144', 'Oslo');
    const path = `/candidates/${application.candidateId}`;
    const held = await submitForm(admin.agent, `${path}/legal-hold`, { reason: 'Litigation hold from counsel' });
    expect(held.status).toBe(303);
    const page = await admin.agent.get(`${path}/erase`).expect(200);
    expect(page.text).toContain('is under a legal hold');
    expect(page.text).not.toContain('Erase the data</button>');
    const refused = await submitForm(admin.agent, `${path}/erase`, {});
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('A legal hold keeps this candidate’s data');
    expect(await whereFound(testApp.dataSource, 'Ida Berg')).not.toEqual([]);
  });
});
