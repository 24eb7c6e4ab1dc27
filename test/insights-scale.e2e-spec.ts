import { signedInAs } from './support/http.js';
import { seedBulkHistory } from './support/insights-bulk.js';
import { person } from './support/insights-data.js';
import { publishedPosition } from './support/positions.js';
import { countQueries } from './support/query-counter.js';
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

    // Background jobs (the outbox's scheduled-mail sweep runs every minute) may add a statement to one request's
    // count; the fewer of two runs is the request's own.
    const fewest = async (positionId: number, report: string) =>
      Math.min(
        await countQueries(testApp.dataSource, () =>
          manager.agent.get(`/insights/${report}?positionId=${positionId}`).expect(200),
        ),
        await countQueries(testApp.dataSource, () =>
          manager.agent.get(`/insights/${report}?positionId=${positionId}`).expect(200),
        ),
      );
    for (const report of ['funnel', 'calibration', 'validity', 'sources']) {
      const bigCount = await fewest(big, report);
      const smallCount = await fewest(small, report);
      expect({ report, queries: bigCount }).toEqual({ report, queries: smallCount });
    }
    const funnel = await manager.agent.get(`/insights/funnel?positionId=${big}`).expect(200);
    expect(funnel.text).toContain(`<tr><th scope="row">Applied</th><td>${BIG}</td>`);
  }, 600_000);
});
