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
import { signedInAs, type Agent } from './support/http.js';
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
  let manager: { agent: Agent; user: User };
  let grader: User;
  let positionId: number;

  beforeAll(async () => {
    testApp = await createTestApp();
    await signedInAs(testApp, ['admin']);
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
});
