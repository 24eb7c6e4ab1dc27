import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditEvent } from '../src/audit/audit-event.entity.js';
import { Application, type Stage } from '../src/candidates/entities/application.entity.js';
import { Candidate } from '../src/candidates/entities/candidate.entity.js';
import { RetentionRule } from '../src/data-protection/entities/retention-rule.entity.js';
import { LegalHoldService } from '../src/data-protection/legal-hold.service.js';
import { RetentionService } from '../src/data-protection/retention.service.js';
import { Offer } from '../src/hires/entities/hire.entity.js';
import { JobRunner } from '../src/jobs/job-runner.js';
import { csrfTokenIn, signedInAs, submitForm, type Agent } from './support/http.js';
import { history, T0 } from './support/insights-data.js';
import { publishedPosition } from './support/positions.js';
import { countQueries } from './support/query-counter.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const DAY = 86_400_000;
/** A day offset from T0 (what the history helper takes) for a moment this many days before now. */
const daysAgo = (days: number) => Math.round((Date.now() - days * DAY - T0.getTime()) / DAY);

describe('Retention: rules, preview, the daily run and legal holds', () => {
  let testApp: TestApp;
  let admin: { agent: Agent; user: { id: number } };
  let manager: Awaited<ReturnType<typeof signedInAs>>;
  let positions: { main: number; other: number; held: number };
  const people: Record<string, Candidate> = {};
  const applications: Record<string, Application> = {};

  /** A candidate whose one application ended (or stands) at `stage`, `ago` days ago. */
  async function candidate(key: string, positionId: number, stage: Stage, ago: number) {
    const application = await history(testApp.dataSource, {
      positionId,
      source: 'referral',
      applied: daysAgo(ago + 30),
      moves: [['applied', stage, daysAgo(ago)]],
      byId: manager.user.id,
    });
    people[key] = await testApp.dataSource.getRepository(Candidate).findOneByOrFail({ id: application.candidateId });
    applications[key] = application;
    return application;
  }

  async function offerFor(application: Application) {
    await testApp.dataSource.getRepository(Offer).insert({
      applicationId: application.id,
      offeredOn: '2024-01-01',
      terms: 'Base and commission',
      salary: null,
      status: 'declined',
      respondedAt: application.stageChangedAt,
      createdById: manager.user.id,
    });
  }

  const anonymised = async (key: string) =>
    (await testApp.dataSource.query(`SELECT "anonymisedAt" FROM candidates WHERE id = ${people[key].id}`))[0]
      .anonymisedAt !== null;

  async function saveRules(agent: Agent, months: Record<string, string>) {
    const page = await agent.get('/admin/retention').expect(200);
    const fields = { rejected: '', withdrawn: '', 'offer-not-taken': '', hired: '', ...months };
    const confirm = await agent
      .post('/admin/retention/confirm')
      .type('form')
      .send({ ...fields, _csrf: csrfTokenIn(page.text) });
    if (confirm.status !== 200) return confirm;
    return agent
      .post('/admin/retention')
      .type('form')
      .send({ ...fields, confirmed: '1', _csrf: csrfTokenIn(confirm.text) });
  }

  async function placeHold(path: string, reason: string) {
    return submitForm(admin.agent, `${path}/legal-hold`, { reason });
  }

  const previewNames = async () => {
    const page = await admin.agent.get('/admin/retention/preview').expect(200);
    return Object.entries(people)
      .filter(([, person]) => page.text.includes(`>${person.name}</a>`))
      .map(([key]) => key)
      .sort();
  };

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    positions = {
      main: await publishedPosition(testApp, manager.user, 'Account Executive'),
      other: await publishedPosition(testApp, manager.user, 'Sales Engineer'),
      held: await publishedPosition(testApp, manager.user, 'Channel Manager'),
    };
    await candidate('rejectedLongAgo', positions.main, 'rejected', 400);
    await candidate('rejectedRecently', positions.main, 'rejected', 300);
    await candidate('withdrewLongAgo', positions.main, 'withdrawn', 400);
    await candidate('withdrewVeryLongAgo', positions.main, 'withdrawn', 800);
    await candidate('hiredLongAgo', positions.main, 'hired', 2000);
    await offerFor(await candidate('declinedOffer', positions.main, 'withdrawn', 400));
    await candidate('heldCandidate', positions.main, 'rejected', 400);
    await candidate('heldByPosition', positions.held, 'rejected', 400);
    // Rejected long ago for one position, still in Interview for another: an open application keeps them.
    const stillOpen = await candidate('stillApplying', positions.main, 'rejected', 400);
    await testApp.dataSource.getRepository(Application).insert({
      ...stillOpen,
      id: undefined,
      positionId: positions.other,
      stage: 'interview',
      stageChangedAt: new Date(),
      code: 'OPEN-1',
    });
  });
  afterAll(() => testApp.close());

  it('refuses fewer than 12 months, explaining the EEOC floor, and saves nothing', async () => {
    const response = await saveRules(admin.agent, { rejected: '6' });
    expect(response.status).toBe(422);
    expect(response.text).toContain('at least 12 months');
    expect(response.text).toContain('29 CFR 1602.14');
    expect(response.text).toMatch(/value="6"/);
    // Straight to the save, skipping the confirmation, is refused the same way.
    const page = await admin.agent.get('/admin/retention').expect(200);
    await admin.agent
      .post('/admin/retention')
      .type('form')
      .send({ rejected: '11', confirmed: '1', _csrf: csrfTokenIn(page.text) })
      .expect(422);
    expect(await testApp.dataSource.getRepository(RetentionRule).count()).toBe(0);
    await manager.agent.get('/admin/retention').expect(403);
    await manager.agent.get('/admin/retention/preview').expect(403);
  });

  it('shows an empty preview with no rules, and asks for confirmation before saving', async () => {
    const empty = await admin.agent.get('/admin/retention/preview').expect(200);
    expect(empty.text).toContain('Nobody to anonymise');
    expect(empty.text).toContain('No retention rule is set');

    const page = await admin.agent.get('/admin/retention').expect(200);
    const confirm = await admin.agent
      .post('/admin/retention/confirm')
      .type('form')
      .send({ rejected: '12', withdrawn: '24', 'offer-not-taken': '12', hired: '', _csrf: csrfTokenIn(page.text) })
      .expect(200);
    expect(confirm.text).toContain('Save these retention rules?');
    expect(confirm.text).toMatch(/Rejected: Keep \(no limit\) → <strong>12 months<\/strong>/);
    // rejectedLongAgo, withdrewVeryLongAgo and declinedOffer (the holds come later in this spec).
    expect(confirm.text).toMatch(/would anonymise <strong>5 candidates<\/strong>/);
    expect(await testApp.dataSource.getRepository(RetentionRule).count()).toBe(0);

    const saved = await saveRules(admin.agent, { rejected: '12', withdrawn: '24', 'offer-not-taken': '12' });
    expect(saved.status).toBe(303);
    const rules = await testApp.dataSource.getRepository(RetentionRule).find({ order: { outcome: 'ASC' } });
    expect(rules.map((rule) => [rule.outcome, rule.months])).toEqual([
      ['offer-not-taken', 12],
      ['rejected', 12],
      ['withdrawn', 24],
    ]);
    const audit = await testApp.dataSource.getRepository(AuditEvent).findBy({ objectType: 'retention rule' });
    expect(audit).toHaveLength(3);
    expect(audit.every((event) => event.actorId === admin.user.id && event.action === 'created')).toBe(true);
    expect(audit.flatMap((event) => event.changes ?? [])).toContainEqual({ field: 'months', from: null, to: '24' });
  });

  it('places legal holds only with a reason, by admins, and shows the badge without the reason', async () => {
    const candidatePath = `/candidates/${people.heldCandidate.id}`;
    await manager.agent.get(`${candidatePath}/legal-hold`).expect(403);
    const missing = await placeHold(candidatePath, '  ');
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('Say why the data must be kept');

    expect((await placeHold(candidatePath, 'EEOC charge 123 filed by the candidate')).status).toBe(303);
    expect((await placeHold(`/positions/${positions.held}`, 'Litigation hold from counsel')).status).toBe(303);
    const service = testApp.app.get(LegalHoldService);
    expect(await service.isOnHold(people.heldCandidate.id)).toBe(true);
    expect(await service.isOnHold(people.heldByPosition.id)).toBe(true);
    expect(await service.isOnHold(people.rejectedLongAgo.id)).toBe(false);

    const asManager = await manager.agent.get(candidatePath).expect(200);
    expect(asManager.text).toContain('Legal hold');
    expect(asManager.text).not.toContain('EEOC charge 123');
    const asAdmin = await admin.agent.get(candidatePath).expect(200);
    expect(asAdmin.text).toContain('EEOC charge 123');
    expect(asAdmin.text).toContain('Lift the hold');
    const applicationPage = await manager.agent.get(`/applications/${applications.heldByPosition.id}`).expect(200);
    expect(applicationPage.text).toContain('A legal hold on this position keeps this candidate’s data');
    const unheld = await manager.agent.get(`/applications/${applications.rejectedLongAgo.id}`).expect(200);
    expect(unheld.text).not.toContain('badge-legal-hold');
    const byPosition = await manager.agent.get(`/candidates/${people.heldByPosition.id}`).expect(200);
    expect(byPosition.text).toContain('Kept by a legal hold on a position they applied to');
    const positionPage = await admin.agent.get(`/positions/${positions.held}`).expect(200);
    expect(positionPage.text).toContain('Litigation hold from counsel');
    const audit = await testApp.dataSource.getRepository(AuditEvent).findBy({ objectType: 'legal hold' });
    expect(audit).toHaveLength(2);
    expect(audit.find((event) => event.candidateId === people.heldCandidate.id)).toBeDefined();
  });

  it('previews exactly the expired, not-held candidates, and the run anonymises exactly those, once', async () => {
    const funnel = () =>
      admin.agent.get(`/insights/funnel?positionId=${positions.main}&from=2015-01-01&format=csv`).expect(200);
    const before = (await funnel()).text;
    expect(before).toMatch(/^\W*Stage,Entered.*\nApplied,8,/s);
    const expected = ['declinedOffer', 'rejectedLongAgo', 'withdrewVeryLongAgo'];
    expect(await previewNames()).toEqual(expected);
    // The rules, the page of candidates (and their count, when there is more than a page), their applications:
    // the same for three candidates as for thousands, never a statement per candidate.
    const retention = testApp.app.get(RetentionService);
    expect(await countQueries(testApp.dataSource, () => retention.preview(1))).toBeLessThanOrEqual(4);

    const confirm = await admin.agent.get('/admin/retention/run').expect(200);
    expect(confirm.text).toContain('Anonymise 3 candidates');
    const ran = await admin.agent
      .post('/admin/retention/run')
      .type('form')
      .send({ _csrf: csrfTokenIn(confirm.text) })
      .expect(303);
    expect(ran.headers.location).toBe('/admin/retention/preview');

    for (const key of Object.keys(people)) expect([key, await anonymised(key)]).toEqual([key, expected.includes(key)]);
    const gone = await testApp.dataSource.getRepository(Candidate).findOneByOrFail({ id: people.rejectedLongAgo.id });
    expect(gone.name).not.toBe(people.rejectedLongAgo.name);
    expect(gone.email).not.toBe(people.rejectedLongAgo.email);
    const entries = await testApp.dataSource.getRepository(AuditEvent).findBy({ action: 'anonymised' });
    expect(entries.map((entry) => [entry.candidateId, entry.actorId]).sort()).toEqual(
      expected.map((key) => [people[key].id, admin.user.id]).sort(),
    );
    expect((await funnel()).text).toBe(before);
    expect(await previewNames()).toEqual([]);

    // The next run, scheduled or not, finds nothing more to do.
    const second = await testApp.app.get(RetentionService).run(null);
    expect([second.expired, second.anonymised, second.failed]).toEqual([0, 0, 0]);
    const runs = await testApp.dataSource.getRepository(AuditEvent).find({
      where: { objectType: 'retention run' },
      order: { id: 'ASC' },
    });
    expect(runs.map((event) => [event.actorKind, event.action])).toEqual([
      ['user', 'created'],
      ['system', 'created'],
    ]);
    expect(runs[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'expired', from: null, to: '3' },
        { field: 'anonymised', from: null, to: '3' },
      ]),
    );
    // Counts only: no name or email of anyone in the run's entries.
    expect(JSON.stringify(runs)).not.toContain(people.rejectedLongAgo.name);
  });

  it('runs daily on the job runner, at most once a day however often it ticks', async () => {
    const jobs = (testApp.app.get(JobRunner) as unknown as { jobs: { name: string }[] }).jobs;
    expect(jobs.map((job) => job.name)).toContain('retention');
    const retention = testApp.app.get(RetentionService);
    // The scheduled run above was minutes ago: ticks within the day do nothing, the first a day later runs.
    expect(await retention.runIfDue()).toBeNull();
    expect(await retention.runIfDue(new Date(Date.now() + 22 * 3_600_000))).toBeNull();
    const next = await retention.runIfDue(new Date(Date.now() + 24 * 3_600_000));
    expect(next).toMatchObject({ trigger: 'schedule', expired: 0, anonymised: 0 });
  });

  it('lets anonymisation through once a hold on the position is lifted', async () => {
    const lift = await submitForm(admin.agent, `/positions/${positions.held}/legal-hold/lift`, {});
    expect(lift.status).toBe(303);
    expect(await testApp.app.get(LegalHoldService).isOnHold(people.heldByPosition.id)).toBe(false);
    expect(await previewNames()).toEqual(['heldByPosition']);
    await testApp.app.get(RetentionService).run(null);
    expect(await anonymised('heldByPosition')).toBe(true);
    expect(await anonymised('heldCandidate')).toBe(false);
    const lifted = await testApp.dataSource
      .getRepository(AuditEvent)
      .findBy({ objectType: 'legal hold', action: 'changed' });
    expect(lifted).toHaveLength(1);
  });
});
