import type { Agent } from 'supertest';
import { User } from '../src/accounts/entities/user.entity.js';
import { B2B_SALESPERSON } from '../src/positions/position-templates.js';
import { PositionsService } from '../src/positions/positions.service.js';
import { DEMO_PASSWORD } from '../src/demo/demo.seed.js';
import { JobRunner } from '../src/jobs/job-runner.js';
import { seedBench, type Seeded } from './bench/bench-seed.js';
import { signIn } from './support/http.js';
import { seedBulkHistory } from './support/insights-bulk.js';
import { recordQueries } from './support/query-counter.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type Role = keyof Seeded['emails'];

/**
 * Issue 17, acceptance 2: the key pages that are not lists or reports (those have their own tests) send the same
 * statements whatever the data size, and none of them sends one read twice (a page's parts share their reads).
 */
describe('Statements per key page', () => {
  let testApp: TestApp;
  let seeded: Seeded;
  const agents = {} as Record<Role, Agent>;
  let pages: { name: string; role: Role; path: string }[];

  /** The statements of one page: of two loads the shorter list (a session touch lands in at most one). */
  async function statementsOf(role: Role, path: string): Promise<string[]> {
    const runs: string[][] = [];
    for (let run = 0; run < 2; run += 1)
      runs.push(
        await recordQueries(testApp.dataSource, async () => {
          const response = await agents[role].get(path);
          if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
        }),
      );
    return runs[0].length <= runs[1].length ? runs[0] : runs[1];
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    seeded = await seedBench(testApp, 200);
    await testApp.app.get(JobRunner).stop();
    for (const role of Object.keys(seeded.emails) as Role[])
      agents[role] = await signIn(testApp, seeded.emails[role], DEMO_PASSWORD);
    const plan = await agents.newHire.get('/my/plan').expect(303);
    const hireId = Number(/\/hires\/(\d+)\/plan/.exec(plan.headers.location)![1]);
    pages = [
      { name: 'application', role: 'manager', path: `/applications/${seeded.applicationId}` },
      { name: 'debrief', role: 'manager', path: `/interviews/${seeded.interviewId}/debrief` },
      { name: 'manager home', role: 'manager', path: '/' },
      { name: 'interviewer home', role: 'interviewer', path: '/' },
      { name: 'new-hire home', role: 'newHire', path: '/' },
      { name: 'onboarding', role: 'newHire', path: `/hires/${hireId}` },
      { name: 'development plan', role: 'newHire', path: `/hires/${hireId}/plan` },
    ];
  }, 120_000);
  afterAll(() => testApp.close());

  it('sends as many statements at 3,200 applications as at 200', async () => {
    const small = new Map<string, number>();
    for (const page of pages) small.set(page.name, (await statementsOf(page.role, page.path)).length);
    const manager = (await testApp.dataSource.query(`SELECT id FROM users WHERE email = 'manager@keeper.demo'`)) as {
      id: number;
    }[];
    const panel = (await testApp.dataSource.query(
      `SELECT id FROM users WHERE email IN ('interviewer@keeper.demo', 'interviewer2@keeper.demo') ORDER BY id`,
    )) as { id: number }[];
    await seedBulkHistory(testApp.dataSource, {
      positionId: seeded.positionId,
      managerId: manager[0].id,
      panelistIds: [...panel.map((row) => row.id), manager[0].id],
      applications: 3_000,
      questions: 6,
      tag: 'more',
    });
    const large = new Map<string, number>();
    for (const page of pages) large.set(page.name, (await statementsOf(page.role, page.path)).length);
    expect(Object.fromEntries(large)).toEqual(Object.fromEntries(small));
  }, 120_000);

  it('reads the manager home’s unready positions in the same statements however many there are', async () => {
    const notReady = async () =>
      ((await agents.manager.get('/').expect(200)).text.match(/is not ready to recruit/g) ?? []).length;
    const before = (await statementsOf('manager', '/')).length;
    const listedBefore = await notReady();
    const manager = await testApp.dataSource.getRepository(User).findOneByOrFail({ email: seeded.emails.manager });
    for (let i = 0; i < 6; i += 1)
      await testApp.app.get(PositionsService).create(manager, B2B_SALESPERSON.key, undefined);
    expect(await notReady()).toBe(listedBefore + 6);
    expect((await statementsOf('manager', '/')).length).toBe(before);
  });

  it('sends no read twice while one page is built', async () => {
    const repeated: Record<string, string[]> = {};
    for (const page of pages) {
      const seen = new Set<string>();
      const twice = (await statementsOf(page.role, page.path)).filter((sql) => seen.size === seen.add(sql).size);
      if (twice.length) repeated[page.name] = twice.map((sql) => sql.slice(0, 160));
    }
    expect(repeated).toEqual({});
  });
});
