import type { FindOptionsWhere } from 'typeorm';
import type { User } from '../src/accounts/entities/user.entity.js';
import { AuditEvent } from '../src/audit/audit-event.entity.js';
import { CandidatesRepository } from '../src/candidates/candidates.repository.js';
import { Candidate } from '../src/candidates/entities/candidate.entity.js';
import { UnitOfWork } from '../src/database/unit-of-work.js';
import { Application } from '../src/candidates/entities/application.entity.js';
import { Hire, OnboardingTask } from '../src/hires/entities/hire.entity.js';
import { Interview } from '../src/interviews/entities/interview.entity.js';
import { WritingSubmission } from '../src/vetting/entities/writing-submission.entity.js';
import { samplePdf } from './support/files.js';
import { csrfTokenIn, signedInAs, submitForm, type Agent } from './support/http.js';
import { applicationInInterview, scheduleFields, underway } from './support/interviews.js';
import { publishedPosition, publishKit } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type Person = { agent: Agent; user: User };

async function redirected(response: Promise<{ status: number; text: string }>) {
  const result = await response;
  if (result.status !== 303) throw new Error(`Expected 303, got ${result.status}: ${result.text.slice(0, 400)}`);
  return result;
}

const today = () => new Date().toISOString().slice(0, 10);
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

describe('The audit trail', () => {
  let testApp: TestApp;
  let admin: Person;
  let manager: Person;
  let alice: Person;
  let bob: Person;
  let positionId: number;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    alice = await signedInAs(testApp, ['interviewer']);
    bob = await signedInAs(testApp, ['interviewer']);
    positionId = await publishedPosition(testApp, manager.user);
    await publishKit(testApp, manager.user, positionId);
  });
  afterAll(() => testApp.close());

  const events = (where: FindOptionsWhere<AuditEvent> = {}) =>
    testApp.dataSource.getRepository(AuditEvent).find({ where, order: { id: 'ASC' } });

  /** Adds a candidate with a resume through the form, as the manager; the new application's id. */
  async function addCandidate(name: string, email: string): Promise<{ applicationId: number; candidateId: number }> {
    const page = await manager.agent.get(`/candidates/new?position=${positionId}`).expect(200);
    const post = manager.agent.post('/candidates').field('_csrf', csrfTokenIn(page.text));
    for (const [key, value] of Object.entries({ positionId: String(positionId), source: 'referral', consent: '1' }))
      post.field(key, value);
    post.field('name', name).field('email', email).field('phone', '+1 555 0142');
    post.attach('resume', await samplePdf(`Resume of ${name}`), { filename: 'cv.pdf', contentType: 'application/pdf' });
    const response = await post;
    expect(response.status).toBe(303);
    const applicationId = Number((response.headers.location as string).split('/').pop());
    const candidate = await testApp.dataSource.getRepository(Candidate).findOneByOrFail({ email });
    return { applicationId, candidateId: candidate.id };
  }

  it("records a change of a candidate's email once, masked old → new, by whoever changed it", async () => {
    const { applicationId, candidateId } = await addCandidate('Rosa Quinn', 'rosa.quinn@example.com');
    const created = await events({ objectType: 'candidate', objectId: candidateId, action: 'created' });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ actorKind: 'user', actorId: manager.user.id, candidateId });

    const page = await manager.agent.get(`/candidates/${candidateId}/edit`).expect(200);
    const post = manager.agent.post(`/candidates/${candidateId}`).field('_csrf', csrfTokenIn(page.text));
    const fields = { name: 'Rosa Quinn', email: 'rq@northwind.net', phone: '+1 555 0142', source: 'referral' };
    for (const [key, value] of Object.entries({ ...fields, consent: '1' })) post.field(key, value);
    expect((await post).status).toBe(303);

    const changed = await events({ objectType: 'candidate', objectId: candidateId, action: 'changed' });
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ actorKind: 'user', actorId: manager.user.id, candidateId });
    expect(changed[0].changes).toEqual([{ field: 'email', from: 'r***@e***.com', to: 'r***@n***.net' }]);
    // Nowhere in the trail is the address as written, old or new, nor the name.
    const raw = JSON.stringify(await testApp.dataSource.query('SELECT * FROM audit_events'));
    expect(raw).not.toContain('rosa.quinn@example.com');
    expect(raw).not.toContain('northwind');
    expect(raw).not.toContain('Rosa Quinn');

    // The application's History shows it, newest first, with the manager's name from their record.
    const hub = await manager.agent.get(`/applications/${applicationId}`).expect(200);
    const history = hub.text.slice(hub.text.indexOf('id="audit-history-heading"'));
    expect(history).toContain(manager.user.name);
    expect(history).toContain('Changed candidate');
    expect(history).toContain('Email: r***@e***.com → r***@n***.net');
    expect(history.indexOf('Changed candidate')).toBeLessThan(history.indexOf('Created candidate'));
  });

  it('records a stage move old → new, and downloading the resume', async () => {
    const { applicationId, candidateId } = await addCandidate('Sam Ortiz', 'sam.ortiz@example.com');
    await redirected(
      submitForm(
        manager.agent,
        `/applications/${applicationId}`,
        { to: 'vetting' },
        `/applications/${applicationId}/move`,
      ),
    );
    const moves = await events({ objectType: 'application', objectId: applicationId, action: 'changed' });
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({ actorId: manager.user.id, applicationId, candidateId });
    expect(moves[0].changes).toEqual([{ field: 'stage', from: 'applied', to: 'vetting' }]);

    await manager.agent.get(`/candidates/${candidateId}/resume`).expect(200);
    const downloads = await events({ action: 'downloaded', candidateId });
    expect(downloads).toHaveLength(1);
    expect(downloads[0]).toMatchObject({ objectType: 'resume', actorId: manager.user.id });

    // The application page shows a submitted writing test: each showing is a view of the candidate's document.
    await manager.agent.get(`/applications/${applicationId}`).expect(200);
    expect(await events({ action: 'viewed', applicationId })).toHaveLength(0);
    const submission = await testApp.dataSource.getRepository(WritingSubmission).save({
      applicationId,
      prompt: 'Write to a clinic group.',
      draft: '',
      startedAt: new Date(),
      submittedAt: new Date(),
      text: 'Dear Dr Lee, thank you for your time.',
    });
    await manager.agent.get(`/applications/${applicationId}`).expect(200);
    const views = await events({ action: 'viewed', applicationId });
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ objectType: 'writing test', objectId: submission.id, candidateId });
    // Reloads by the same person within ten minutes are the same look: one line, not one per reload. Another
    // person's view is recorded, and so is every download.
    for (let i = 0; i < 3; i += 1) await manager.agent.get(`/applications/${applicationId}`).expect(200);
    expect(await events({ action: 'viewed', applicationId })).toHaveLength(1);
    await admin.agent.get(`/applications/${applicationId}`).expect(200);
    const both = await events({ action: 'viewed', applicationId });
    expect(both.map((view) => view.actorId).sort()).toEqual([admin.user.id, manager.user.id].sort());
    await manager.agent.get(`/candidates/${candidateId}/resume`).expect(200);
    expect(await events({ action: 'downloaded', candidateId })).toHaveLength(2);
  });

  it('records scorecards as they are saved and submitted, and the decision, with free text masked', async () => {
    const application = await applicationInInterview(testApp, manager.user, positionId);
    await redirected(
      submitForm(
        manager.agent,
        `/applications/${application.id}/interviews/new`,
        scheduleFields([alice.user.id, bob.user.id], alice.user.id),
        `/applications/${application.id}/interviews`,
      ),
    );
    const interview = await testApp.dataSource
      .getRepository(Interview)
      .findOneByOrFail({ applicationId: application.id });
    await underway(testApp, interview.id);
    const [question] = interview.questions;
    const evidence = 'SECRET-EVIDENCE named the clinic group’s CFO.';
    const notes = 'SECRET-NOTES asked for coaching.';
    const scorecard = (rating: number) => ({
      [`ratings[q${question.questionId}][rating]`]: String(rating),
      [`ratings[q${question.questionId}][evidence]`]: evidence,
      planReaction: 'embraces',
      planNotes: notes,
      recommendation: 'yes',
      action: 'submit',
    });
    for (const person of [alice, bob]) {
      await redirected(
        submitForm(person.agent, `/interviews/${interview.id}`, {}, `/interviews/${interview.id}/prepared`),
      );
      await redirected(submitForm(person.agent, `/interviews/${interview.id}/scorecard`, scorecard(3)));
    }
    const seats = await events({ objectType: 'scorecard', action: 'changed', applicationId: application.id });
    const alices = seats.filter((event) => event.actorId === alice.user.id);
    // Prepared, then submitted (the seat) and the ratings: three entries, all on the application.
    expect(alices).toHaveLength(3);
    expect(alices[1].changes).toEqual(
      expect.arrayContaining([
        { field: 'recommendation', from: null, to: 'yes' },
        { field: 'planNotes', from: null, to: `${notes.length} characters` },
        expect.objectContaining({ field: 'submittedAt', from: null }),
      ]),
    );
    expect(alices[2].changes).toEqual([
      { field: `question ${question.questionId} rating`, from: null, to: '3' },
      { field: `question ${question.questionId} evidence`, from: null, to: `${evidence.length} characters` },
    ]);
    expect(JSON.stringify(await testApp.dataSource.query('SELECT * FROM audit_events'))).not.toContain('SECRET');

    const rationale = 'Specific answers on prospecting; coach the pipeline plan in month one.';
    await redirected(
      submitForm(
        manager.agent,
        `/interviews/${interview.id}/debrief`,
        { decision: 'hire', rationale },
        `/interviews/${interview.id}/decision`,
      ),
    );
    const decisions = await events({ objectType: 'interview', objectId: interview.id, action: 'changed' });
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ actorId: manager.user.id, applicationId: application.id });
    expect(decisions[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'decision', from: null, to: 'hire' },
        { field: 'rationale', from: null, to: `${rationale.length} characters` },
        { field: 'decidedById', from: null, to: String(manager.user.id) },
      ]),
    );
    const move = await events({ objectType: 'application', objectId: application.id, action: 'changed' });
    expect(move.at(-1)!.changes).toEqual([{ field: 'stage', from: 'interview', to: 'offer' }]);
  });

  it("records the offer's answer and the hire's plan on the hire page's History, for the hire's manager", async () => {
    // A position of its own: hiring fills it.
    const filled = await publishedPosition(testApp, manager.user, 'Account Executive, East');
    const application = await applicationInInterview(testApp, manager.user, filled);
    await testApp.dataSource.getRepository(Application).update(application.id, { stage: 'offer' });
    const page = `/applications/${application.id}/offer`;
    await redirected(
      submitForm(
        manager.agent,
        page,
        { offeredOn: '2026-11-20', terms: 'USD 95,000 base.' },
        `/applications/${application.id}/offers`,
      ),
    );
    const form = await manager.agent.get(page).expect(200);
    const offerId = Number(/\/offers\/(\d+)\/accept/.exec(form.text)![1]);
    await redirected(
      manager.agent
        .post(`/applications/${application.id}/offers/${offerId}/accept`)
        .type('form')
        .send({ _csrf: csrfTokenIn(form.text), startDate: today() }),
    );
    const answer = await events({ objectType: 'offer', objectId: offerId, action: 'changed' });
    expect(answer.map((event) => event.changes)).toEqual([[{ field: 'status', from: 'extended', to: 'accepted' }]]);
    const hire = await testApp.dataSource.getRepository(Hire).findOneByOrFail({ applicationId: application.id });
    const task = await testApp.dataSource.getRepository(OnboardingTask).findOneOrFail({ where: { hireId: hire.id } });
    await redirected(submitForm(manager.agent, `/hires/${hire.id}`, { done: '1' }, `/onboarding/tasks/${task.id}`));
    const ticked = await events({ objectType: 'onboarding task', objectId: task.id, action: 'changed' });
    expect(ticked).toHaveLength(1);
    expect(ticked[0]).toMatchObject({
      hireId: hire.id,
      applicationId: application.id,
      candidateId: application.candidateId,
    });

    const hub = await manager.agent.get(`/hires/${hire.id}`).expect(200);
    const history = hub.text.slice(hub.text.indexOf('id="audit-history-heading"'));
    expect(history).toContain(`Changed onboarding task #${task.id}`);
    const total = await testApp.dataSource.getRepository(AuditEvent).countBy({ hireId: hire.id });
    expect(total).toBeGreaterThan(10);
    expect(history).toContain(`All ${total} entries`);
    const pages = Math.ceil(total / 25);
    const last = await manager.agent.get(`/hires/${hire.id}/history?page=${pages}`).expect(200);
    expect(last.text).toContain(`of ${total}`);
    expect(last.text).toContain(`Created hire #${hire.id}`);
    await alice.agent.get(`/hires/${hire.id}/history`).expect(404);
  });

  it('records a CSV export with what was exported', async () => {
    const response = await admin.agent.get('/insights/funnel?format=csv').expect(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const exports = await events({ action: 'exported' });
    expect(exports).toHaveLength(1);
    expect(exports[0]).toMatchObject({ objectType: 'report', actorId: admin.user.id });
    expect(exports[0].detail).toMatch(/^funnel\.csv \(\d+ rows\)$/);
  });

  it('refuses a raw UPDATE, DELETE (and TRUNCATE on PostgreSQL) of audit rows in the database itself', async () => {
    const before = await testApp.dataSource.getRepository(AuditEvent).count();
    expect(before).toBeGreaterThan(5);
    await expect(testApp.dataSource.query(`UPDATE audit_events SET "detail" = 'rewritten'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(testApp.dataSource.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
    await expect(testApp.dataSource.getRepository(AuditEvent).delete({ action: 'created' })).rejects.toThrow(
      /append-only/,
    );
    if (testApp.dataSource.options.type === 'postgres')
      await expect(testApp.dataSource.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    expect(await testApp.dataSource.getRepository(AuditEvent).count()).toBe(before);
    expect(await testApp.dataSource.getRepository(AuditEvent).countBy({ detail: 'rewritten' })).toBe(0);
  });

  it('leaves no audit row behind a change that rolls back', async () => {
    const { candidateId } = await addCandidate('Uma Roll', 'uma.roll@example.com');
    const before = await testApp.dataSource.getRepository(AuditEvent).count();
    const uow = testApp.app.get(UnitOfWork);
    const candidates = testApp.app.get(CandidatesRepository);
    await expect(
      uow.run(async () => {
        await candidates.saveCandidate({ id: candidateId, phone: '+44 20 7946 0999' });
        throw new Error('Something later in the same action failed');
      }),
    ).rejects.toThrow('Something later');
    expect(await testApp.dataSource.getRepository(AuditEvent).count()).toBe(before);
    const candidate = await testApp.dataSource.getRepository(Candidate).findOneByOrFail({ id: candidateId });
    expect(candidate.phone).toBe('+1 555 0142');
    // The same change, committed, is recorded once.
    await uow.run(() => candidates.saveCandidate({ id: candidateId, phone: '+44 20 7946 0999' }));
    const changed = await events({ objectType: 'candidate', objectId: candidateId, action: 'changed' });
    expect(changed.map((event) => event.changes)).toEqual([[{ field: 'phone', from: '***42', to: '***99' }]]);
    expect(changed[0].actorKind).toBe('system');
  });

  it('shows admins the trail filtered by person, object and date, a page at a time, and nobody else', async () => {
    await manager.agent.get('/admin/audit').expect(403);
    await alice.agent.get('/admin/audit').expect(403);

    const candidate = await testApp.dataSource
      .getRepository(Candidate)
      .findOneByOrFail({ email: 'sam.ortiz@example.com' });
    // Enough entries for two pages: each download is one.
    for (let i = 0; i < 10; i += 1) await manager.agent.get(`/candidates/${candidate.id}/resume`).expect(200);
    const all = await admin.agent.get('/admin/audit').expect(200);
    const total = await testApp.dataSource.getRepository(AuditEvent).count();
    expect(total).toBeGreaterThan(25);
    expect(all.text).toContain(`Showing 1–25 of ${total}`);
    expect(all.text).toContain('rel="next"');
    const second = await admin.agent.get('/admin/audit?page=2').expect(200);
    expect(second.text).toContain(`Showing 26–${Math.min(50, total)} of ${total}`);

    const byAlice = await admin.agent.get(`/admin/audit?actor=${alice.user.id}`).expect(200);
    const alicesCount = await testApp.dataSource.getRepository(AuditEvent).countBy({ actorId: alice.user.id });
    expect(alicesCount).toBeGreaterThan(0);
    expect(byAlice.text).toContain(`of ${alicesCount}`);
    expect(byAlice.text).not.toContain(manager.user.name + '</td>');

    const resumes = await admin.agent.get('/admin/audit?type=resume').expect(200);
    expect(resumes.text).toContain('Downloaded resume');
    expect(resumes.text).not.toContain('Changed candidate');
    expect(resumes.text).toContain('Sam Ortiz');

    const theirs = await admin.agent.get(`/admin/audit?candidate=${candidate.id}`).expect(200);
    const theirsCount = await testApp.dataSource.getRepository(AuditEvent).countBy({ candidateId: candidate.id });
    expect(theirs.text).toContain(`of ${theirsCount}`);

    const from = await admin.agent.get(`/admin/audit?from=${today()}&to=${today()}`).expect(200);
    expect(from.text).toContain(`of ${total}`);
    const future = await admin.agent.get(`/admin/audit?from=${tomorrow()}`).expect(200);
    expect(future.text).toContain('Nothing recorded matches these filters');
    await admin.agent.get('/admin/audit?from=yesterday').expect(422);
  });
});
