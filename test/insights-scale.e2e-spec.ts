import { signedInAs } from './support/http.js';
import { seedBulkHistory } from './support/insights-bulk.js';
import { person } from './support/insights-data.js';
import { publishedPosition } from './support/positions.js';
import { JobRunner } from '../src/jobs/job-runner.js';
import { recordQueries } from './support/query-counter.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const BIG = Number(process.env.INSIGHTS_SCALE ?? 100_000);

describe('Insights at scale', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it(`renders every report over ${BIG.toLocaleString('en')} applications and their ratings with as many queries as over 100`, async () => {
    await signedInAs(testApp, ['admin']);
    const manager = await signedInAs(testApp, ['manager']);
    const panel = [
      await person(testApp.dataSource, 'Scale One'),
      await person(testApp.dataSource, 'Scale Two'),
      await person(testApp.dataSource, 'Scale Three'),
    ].map((user) => user.id);
    const big = await publishedPosition(testApp, manager.user, 'Big history');
    const small = await publishedPosition(testApp, manager.user, 'Small history');
    await seedBulkHistory(testApp.dataSource, {
      positionId: big,
      managerId: manager.user.id,
      panelistIds: panel,
      applications: BIG,
      questions: 14,
      tag: 'b',
    });
    await seedBulkHistory(testApp.dataSource, {
      positionId: small,
      managerId: manager.user.id,
      panelistIds: panel,
      applications: 100,
      questions: 14,
      tag: 's',
    });
    const ratings = (await testApp.dataSource.query('SELECT COUNT(*) AS n FROM scorecard_ratings')) as {
      n: number | string;
    }[];
    expect(Number(ratings[0].n)).toBe(Math.ceil(BIG / 4) * 3 * 14 + 25 * 3 * 14);

    // Only the request's own statements are compared: the scheduled jobs (the outbox sweep runs every minute and a
    // report over 100,000 applications on PostgreSQL can take longer than that) are stopped, and of two runs the
    // shorter list is taken, so a session touch (written at most once a minute) in one of them is left out.
    await testApp.app.get(JobRunner).stop();
    const statements = async (positionId: number, report: string) => {
      const runs = [
        await recordQueries(testApp.dataSource, () =>
          manager.agent.get(`/insights/${report}?positionId=${positionId}`).expect(200),
        ),
        await recordQueries(testApp.dataSource, () =>
          manager.agent.get(`/insights/${report}?positionId=${positionId}`).expect(200),
        ),
      ];
      const fewer = runs[0].length <= runs[1].length ? runs[0] : runs[1];
      return fewer.map((sql) => sql.replace(/\s+/g, ' ').slice(0, 90)).sort();
    };
    for (const report of ['funnel', 'calibration', 'validity', 'sources']) {
      const bigRun = await statements(big, report);
      const smallRun = await statements(small, report);
      expect({ report, statements: bigRun }).toEqual({ report, statements: smallRun });
    }
    const funnel = await manager.agent.get(`/insights/funnel?positionId=${big}`).expect(200);
    expect(funnel.text).toContain(`<tr><th scope="row">Applied</th><td>${BIG}</td>`);
  }, 600_000);
});
