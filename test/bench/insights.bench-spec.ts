import { InsightSummaries } from '../../src/insights/insight-summaries.js';
import { signedInAs } from '../support/http.js';
import { seedBulkHistory } from '../support/insights-bulk.js';
import { person } from '../support/insights-data.js';
import { publishedPosition } from '../support/positions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * `npm run bench:insights` (SQLite) or with TEST_DATABASE_URL (PostgreSQL): each insights report over
 * INSIGHTS_SCALE applications (default 100,000, with 1,050,000 ratings), 10 sequential requests after a warm-up.
 */
const SCALE = Number(process.env.INSIGHTS_SCALE ?? 100_000);

describe('Insights benchmark', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it(`times each report over ${SCALE} applications`, async () => {
    await signedInAs(testApp, ['admin']);
    const manager = await signedInAs(testApp, ['manager']);
    const panel = [
      await person(testApp.dataSource, 'Bench One'),
      await person(testApp.dataSource, 'Bench Two'),
      await person(testApp.dataSource, 'Bench Three'),
    ].map((user) => user.id);
    const positionId = await publishedPosition(testApp, manager.user, 'Bench');
    const seeding = Date.now();
    await seedBulkHistory(testApp.dataSource, {
      positionId,
      managerId: manager.user.id,
      panelistIds: panel,
      applications: SCALE,
      questions: 14,
      tag: 'x',
    });
    const seeded = Date.now();
    // The seed's rows marked every bucket dirty: build the summaries whole once, as the first report would.
    await testApp.app.get(InsightSummaries).rebuildAll();
    const lines = [
      `database: ${testApp.dataSource.options.type}, ${SCALE} applications, seeded in ${((seeded - seeding) / 1000).toFixed(1)} s`,
      `summaries rebuilt in ${((Date.now() - seeded) / 1000).toFixed(1)} s`,
    ];
    for (const report of ['funnel', 'calibration', 'validity', 'cost']) {
      const path = `/insights/${report}?positionId=${positionId}`;
      await manager.agent.get(path).expect(200);
      const times: number[] = [];
      for (let i = 0; i < 10; i += 1) {
        const start = process.hrtime.bigint();
        await manager.agent.get(path).expect(200);
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      times.sort((a, b) => a - b);
      lines.push(`${report.padEnd(12)} median ${times[4].toFixed(0)} ms, slowest ${times[9].toFixed(0)} ms`);
    }
    console.log(lines.join('\n'));
  }, 900_000);
});
