import { signedInAs } from './support/http.js';
import { seedBulkHistory } from './support/insights-bulk.js';
import { person } from './support/insights-data.js';
import { publishedPosition } from './support/positions.js';
import { AdverseImpactRepository } from '../src/insights/adverse-impact.repository.js';
import { InsightsRepository, type InsightsFilter } from '../src/insights/insights.repository.js';
import { JobRunner } from '../src/jobs/job-runner.js';
import { recordQueries } from './support/query-counter.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const BIG = Number(process.env.INSIGHTS_SCALE ?? 100_000);

/**
 * Report rows in a fixed order, every number as a number to nine significant digits, below 1e-9 as 0 (a summary
 * adds the same figures in another order, so sums and means may differ in the last bits).
 */
const canonical = (rows: Record<string, unknown>[]) =>
  rows
    .map((row) =>
      JSON.stringify(
        Object.entries(row)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, value]) => [
            key,
            value !== null && value !== '' && !Number.isNaN(Number(value))
              ? Math.abs(Number(value)) < 1e-9
                ? 0
                : Number(Number(value).toPrecision(9))
              : value,
          ]),
      ),
    )
    .sort();

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

    // On this data too, every summary-based read equals its full computation (the summaries were built by the
    // reports above: incrementally for the small position, whole after the bulk load).
    const insights = testApp.app.get(InsightsRepository);
    const adverse = testApp.app.get(AdverseImpactRepository);
    const pairs: [
      string,
      (filter: InsightsFilter) => Promise<object[]>,
      (filter: InsightsFilter) => Promise<object[]>,
    ][] = [
      ['stage counts', (f) => insights.stageCounts(f), (f) => insights.stageCountsFull(f)],
      ['days in stage', (f) => insights.stageDurations(f), (f) => insights.stageDurationsFull(f)],
      ['time to hire', async (f) => [await insights.timeToHire(f)], async (f) => [await insights.timeToHireFull(f)]],
      ['calibration', (f) => insights.calibration(f), (f) => insights.calibrationFull(f)],
      ['source quality', (f) => insights.sourceQuality(f), (f) => insights.sourceQualityFull(f)],
      ['outcomes by source', (f) => insights.outcomesBySource(f), (f) => insights.outcomesBySourceFull(f)],
      ['rejection reasons', (f) => insights.rejectionReasons(f), (f) => insights.rejectionReasonsFull(f)],
      ['adverse impact', (f) => adverse.stepCounts(f), (f) => adverse.stepCountsFull(f)],
    ];
    for (const filter of [{ scope: 'all' }, { scope: 'all', positionId: small }] as InsightsFilter[])
      for (const [report, fast, full] of pairs) {
        const summarised = canonical((await fast(filter)) as Record<string, unknown>[]);
        // (The bulk history has no vetting results and no offers, so adverse impact has no step to count here, and
        // time to hire counts no hire; test/adverse-summary.e2e-spec.ts and test/source-summary.e2e-spec.ts compare
        // them on data that has.)
        if (report !== 'adverse impact')
          expect({ report, filter, empty: summarised.length === 0 }).toEqual({ report, filter, empty: false });
        expect({ report, filter, rows: summarised }).toEqual({
          report,
          filter,
          rows: canonical((await full(filter)) as Record<string, unknown>[]),
        });
      }
  }, 600_000);
});
