import type { User } from '../src/accounts/entities/user.entity.js';
import { ApplicationEvent } from '../src/candidates/entities/application-event.entity.js';
import { Application, PIPELINE_STAGES } from '../src/candidates/entities/application.entity.js';
import { addDays } from '../src/hires/plan-dates.js';
import { Offer } from '../src/hires/entities/hire.entity.js';
import { InsightSummaries, MANY_BUCKETS } from '../src/insights/insight-summaries.js';
import {
  type HireSpanRow,
  InsightsRepository,
  type InsightsFilter,
  type SourceQualityGroup,
} from '../src/insights/insights.repository.js';
import { JobRunner } from '../src/jobs/job-runner.js';
import { signedInAs } from './support/http.js';
import { agency, history, reviewedHire, T0 } from './support/insights-data.js';
import { publishedPosition } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { pipelineMove, prng, type Random } from './support/random.js';

const SOURCES = ['careers-page', 'referral', 'sourced', 'recruiter'] as const;
const dayOf = (offset: number) => addDays(T0.toISOString().slice(0, 10), offset);

/** Two figures agree: both null, or equal up to floating-point rounding (sums added in another order). */
const close = (a: number | string | null, b: number | string | null) =>
  (a === null && b === null) ||
  (a !== null && b !== null && Math.abs(Number(a) - Number(b)) <= 1e-9 * Math.max(1, Math.abs(Number(b))));

/** Source-quality groups in a fixed order, counts as numbers; the sums compared separately by `close`. */
const groups = (rows: SourceQualityGroup[]) =>
  rows
    .map((row) => ({
      key: `${row.source}/${row.agencyId === null ? '-' : Number(row.agencyId)}/${row.currency}`,
      counts: [row.applications, row.vetted, row.hires, row.reviewed, row.keepers, row.attained, row.unsalaried].map(
        Number,
      ),
      attainmentSum: row.attainmentSum,
      fees: row.fees,
    }))
    .sort((x, y) => x.key.localeCompare(y.key));

const counted = <T extends { count: number | string }>(rows: T[], key: (row: T) => string) =>
  rows.map((row) => `${key(row)}: ${Number(row.count)}`).sort();

describe('Source quality, outcomes by source and rejection reasons from summaries, exactly as from the history', () => {
  let testApp: TestApp;
  let insights: InsightsRepository;
  let summaries: InsightSummaries;
  let managers: User[];
  let positions: number[];
  let agencies: number[];
  let reasons: number[];

  const filters = (random: Random): InsightsFilter[] => {
    const list: InsightsFilter[] = [
      { scope: 'all' },
      { scope: 'none' },
      { scope: { hiringManagerId: managers[0].id } },
      { scope: { hiringManagerId: managers[1].id } },
      { scope: 'all', positionId: positions[0] },
      { scope: 'all', from: dayOf(3), to: dayOf(3) },
    ];
    for (let i = 0; i < 4; i += 1) {
      const from = random.int(20) - 2;
      list.push({
        scope: random.pick(['all', { hiringManagerId: random.pick(managers).id }] as const),
        positionId: random.next() < 0.3 ? random.pick(positions) : undefined,
        from: random.next() < 0.8 ? dayOf(from) : undefined,
        to: random.next() < 0.8 ? dayOf(from + random.int(8)) : undefined,
      });
    }
    return list;
  };

  /** Every filter: the three summary-based reads equal their full computations. */
  const expectSummariesMatch = async (random: Random, context: string) => {
    for (const filter of filters(random)) {
      const where = `${context}, filter ${JSON.stringify(filter)}`;
      const [fast, full] = [
        groups(await insights.sourceQuality(filter)),
        groups(await insights.sourceQualityFull(filter)),
      ];
      expect({ where, groups: fast.map(({ key, counts }) => ({ key, counts })) }).toEqual({
        where,
        groups: full.map(({ key, counts }) => ({ key, counts })),
      });
      fast.forEach((group, index) => {
        if (!close(group.attainmentSum, full[index].attainmentSum) || !close(group.fees, full[index].fees))
          throw new Error(`${where}: sums differ: ${JSON.stringify(group)} vs ${JSON.stringify(full[index])}`);
      });
      expect({ where, reasons: counted(await insights.rejectionReasons(filter), (row) => row.reason) }).toEqual({
        where,
        reasons: counted(await insights.rejectionReasonsFull(filter), (row) => row.reason),
      });
      const spans = (row: HireSpanRow) => [row.hires, row.median, row.p90].map((v) => (v === null ? null : Number(v)));
      expect({ where, timeToHire: spans(await insights.timeToHire(filter)) }).toEqual({
        where,
        timeToHire: spans(await insights.timeToHireFull(filter)),
      });
      const bySource = (row: { source: string; stage: string }) => `${row.source} ${row.stage}`;
      expect({ where, outcomes: counted(await insights.outcomesBySource(filter), bySource) }).toEqual({
        where,
        outcomes: counted(await insights.outcomesBySourceFull(filter), bySource),
      });
    }
  };

  const dirty = async () =>
    (
      (await testApp.dataSource.query(
        `SELECT DISTINCT kind, "positionId" AS "positionId", day FROM insight_dirty WHERE kind = 'sources' ORDER BY day`,
      )) as { kind: string; positionId: number | string; day: string }[]
    ).map((row) => `${Number(row.positionId)} ${row.day}`);

  beforeAll(async () => {
    testApp = await createTestApp();
    await testApp.app.get(JobRunner).stop();
    insights = testApp.app.get(InsightsRepository);
    summaries = testApp.app.get(InsightSummaries);
    await signedInAs(testApp, ['admin']);
    managers = [(await signedInAs(testApp, ['manager'])).user, (await signedInAs(testApp, ['manager'])).user];
    positions = [
      await publishedPosition(testApp, managers[0], 'Sources A'),
      await publishedPosition(testApp, managers[0], 'Sources B'),
      await publishedPosition(testApp, managers[1], 'Sources C'),
    ];
    const ds = testApp.dataSource;
    await ds.query(`UPDATE positions SET "compensationCurrency" = 'EUR' WHERE id = ${positions[1]}`);
    agencies = [(await agency(ds, 'Summary North', 20)).id, (await agency(ds, 'Summary Harbour', 17.5)).id];
    reasons = ((await ds.query(`SELECT id FROM rejection_reasons ORDER BY id`)) as { id: number }[]).map((row) =>
      Number(row.id),
    );
  });
  afterAll(() => testApp.close());

  it('matches on a hand-built data set, and each input marks its application’s bucket', async () => {
    const ds = testApp.dataSource;
    const by = managers[0].id;
    await history(ds, { positionId: positions[0], source: 'careers-page', applied: 1, byId: by, moves: [] });
    await history(ds, {
      positionId: positions[0],
      source: 'recruiter',
      agencyId: agencies[0],
      applied: 1,
      byId: by,
      moves: [
        ['applied', 'vetting', 2],
        ['vetting', 'rejected', 4],
      ],
      rejectionReasonId: reasons[0],
    });
    const hire = await reviewedHire(ds, {
      positionId: positions[0],
      managerId: by,
      source: 'recruiter',
      agencyId: agencies[0],
      applied: 1,
      keeper: true,
      results: [
        [3, 'met'],
        [1, 'partly'],
      ],
      salary: 50_000,
    });
    // By hand: recruiter/North: 2 applications, 1 hire (reached Hired, so passed vetting), 1 keeper, attainment
    // (3 + 0.5) / 4 = 0.875, fee 20% of 50,000 = 10,000. The careers page: 1 application, nothing else.
    const rows = groups(await insights.sourceQuality({ scope: 'all' }));
    expect(rows).toEqual([
      { key: 'careers-page/-/USD', counts: [1, 0, 0, 0, 0, 0, 0], attainmentSum: null, fees: null },
      {
        key: `recruiter/${agencies[0]}/USD`,
        counts: [2, 1, 1, 1, 1, 1, 0],
        attainmentSum: expect.anything(),
        fees: expect.anything(),
      },
    ]);
    expect(Number(rows[1].attainmentSum)).toBeCloseTo(0.875, 12);
    expect(Number(rows[1].fees)).toBeCloseTo(10_000, 6);
    expect(counted(await insights.rejectionReasons({ scope: 'all' }), (row) => row.reason)).toHaveLength(1);
    expect(await dirty()).toEqual([]);

    // An agency's new fee needs no rebuild: it is applied when the report is read.
    await ds.query(`UPDATE agencies SET "feePercent" = 25 WHERE id = ${agencies[0]}`);
    expect(await dirty()).toEqual([]);
    expect(Number(groups(await insights.sourceQuality({ scope: 'all' }))[1].fees)).toBeCloseTo(12_500, 6);

    // Each input of the report marks the bucket of the application it belongs to, and nothing else.
    const bucket = [`${positions[0]} ${dayOf(1)}`];
    const marks = async (change: () => Promise<unknown>) => {
      await insights.sourceQuality({ scope: 'all' });
      await change();
      return dirty();
    };
    expect(await marks(() => ds.query(`UPDATE hire_goals SET result = 'met' WHERE "hireId" = ${hire.id}`))).toEqual(
      bucket,
    );
    expect(
      await marks(() =>
        ds.query(`UPDATE hires SET keeper = ${ds.options.type === 'postgres' ? 'FALSE' : 0} WHERE id = ${hire.id}`),
      ),
    ).toEqual(bucket);
    expect(
      await marks(() => ds.query(`UPDATE offers SET salary = 40000 WHERE "applicationId" = ${hire.applicationId}`)),
    ).toEqual(bucket);
    expect(await marks(() => ds.query(`UPDATE hires SET "startDate" = '2026-03-01' WHERE id = ${hire.id}`))).toEqual(
      [],
    );
    await expectSummariesMatch(prng(1), 'hand-built');
  });

  it('matches after random sequences of applications, moves, hires, reviews, goals, offers and edits', async () => {
    const seed = Number(process.env.SUMMARY_SEED ?? Date.now() % 2 ** 31);
    console.log(`source summaries: random seed ${seed} (replay with SUMMARY_SEED=${seed})`);
    const random = prng(seed);
    const ds = testApp.dataSource;
    const by = managers[0].id;
    const postgres = ds.options.type === 'postgres';
    const ids = async (table: string, where = '1 = 1') =>
      ((await ds.query(`SELECT id FROM ${table} WHERE ${where} ORDER BY id`)) as { id: number }[]).map((row) =>
        Number(row.id),
      );
    const one = async (table: string, where = '1 = 1') => {
      const list = await ids(table, where);
      return list.length ? random.pick(list) : null;
    };
    const source = () => random.pick(SOURCES);
    const agencyOf = () => (random.next() < 0.5 ? random.pick(agencies) : null);
    const bool = (value: boolean | null) =>
      value === null ? 'NULL' : postgres ? String(value).toUpperCase() : value ? '1' : '0';

    const moveTo = async (to: (typeof PIPELINE_STAGES)[number]) =>
      pipelineMove(testApp, random.pick(await ids('applications')), to, random.pick(reasons));
    const operations: Record<string, () => Promise<unknown>> = {
      apply: () =>
        history(ds, {
          positionId: random.pick(positions),
          source: source(),
          agencyId: agencyOf(),
          applied: random.int(15),
          byId: by,
          moves: random.next() < 0.5 ? [] : [['applied', 'vetting', 16]],
        }),
      hire: () =>
        reviewedHire(ds, {
          positionId: random.pick(positions),
          managerId: by,
          source: source(),
          agencyId: agencyOf(),
          applied: random.int(15),
          keeper: random.pick([true, false, null]),
          results: Array.from({ length: random.int(3) }, () => [
            1 + random.int(3),
            random.pick(['met', 'partly', 'not-met'] as const),
          ]),
          salary: random.pick([undefined, null, 30_000 + random.int(50) * 1_000]),
        }),
      move: () => moveTo(random.pick(PIPELINE_STAGES)),
      reject: () => moveTo('rejected'),
      forgetEvent: async () => {
        const id = await one('application_events');
        if (id !== null) await ds.getRepository(ApplicationEvent).delete(id);
      },
      review: async () => {
        const id = await one('hires');
        if (id === null) return;
        const keeper = random.pick([true, false, null]);
        await ds.query(
          `UPDATE hires SET keeper = ${bool(keeper)}, "reviewedAt" = ${keeper === null ? 'NULL' : `'${dayOf(200)} 10:00:00'`} WHERE id = ${id}`,
        );
      },
      goal: async () => {
        const id = await one('hire_goals');
        if (id === null) return;
        const change = random.int(3);
        if (change === 0) await ds.query(`DELETE FROM hire_goals WHERE id = ${id}`);
        else if (change === 1)
          await ds.query(`UPDATE hire_goals SET weight = ${random.pick(['NULL', '1', '4'])} WHERE id = ${id}`);
        else
          await ds.query(
            `UPDATE hire_goals SET result = ${random.pick(["'met'", "'partly'", "'not-met'", 'NULL'])} WHERE id = ${id}`,
          );
      },
      offer: async () => {
        const id = await one('offers');
        if (id === null) return;
        const change = random.int(4);
        if (change === 0) await ds.query(`DELETE FROM offers WHERE id = ${id}`);
        else if (change === 1)
          await ds.query(`UPDATE offers SET salary = ${random.pick(['NULL', '45000', '70000'])} WHERE id = ${id}`);
        else if (change === 2)
          // Answered on a twentieth of a day (72 minutes): half a tenth from the next tenth, a tie to round.
          await ds.getRepository(Offer).update(id, {
            respondedAt: new Date(Date.parse(`${dayOf(20 + random.int(15))}T00:00:00Z`) + random.int(20) * 4_320_000),
          });
        else await ds.query(`UPDATE offers SET status = ${random.pick(["'accepted'", "'declined'"])} WHERE id = ${id}`);
      },
      dropHire: async () => {
        const id = await one('hires');
        if (id !== null) await ds.query(`DELETE FROM hires WHERE id = ${id}`);
      },
      redate: async () => {
        const id = await one('applications');
        if (id !== null)
          await ds.getRepository(Application).update(id, {
            createdAt: new Date(Date.parse(`${dayOf(random.int(15))}T00:00:00Z`) + random.int(86_400_000)),
          });
      },
      transfer: async () => {
        const id = await one('applications');
        if (id !== null) await ds.getRepository(Application).update(id, { positionId: random.pick(positions) });
      },
      recredit: async () => {
        const id = await one('applications');
        if (id !== null) await ds.getRepository(Application).update(id, { source: source(), agencyId: agencyOf() });
      },
      refee: () =>
        ds.query(`UPDATE agencies SET "feePercent" = ${5 + random.int(20)} WHERE id = ${random.pick(agencies)}`),
      recurrency: () =>
        ds.query(
          `UPDATE positions SET "compensationCurrency" = '${random.pick(['EUR', 'usd', 'GBP'])}' WHERE id = ${random.pick(positions)}`,
        ),
    };
    const weights: [string, number][] = [
      ['apply', 6],
      ['hire', 5],
      ['move', 6],
      ['reject', 1],
      ['forgetEvent', 1],
      ['review', 3],
      ['goal', 4],
      ['offer', 3],
      ['dropHire', 1],
      ['redate', 2],
      ['transfer', 1],
      ['recredit', 2],
      ['refee', 1],
      ['recurrency', 1],
    ];
    const bag = weights.flatMap(([name, weight]) => Array.from({ length: weight }, () => name));
    const done: string[] = [];
    for (let round = 0; round < 8; round += 1) {
      for (let step = 0; step < 20; step += 1) {
        const name = random.pick(bag);
        done.push(name);
        await operations[name]();
        if (random.next() < 0.1) await summaries.refresh();
      }
      expect((await dirty()).length).toBeLessThanOrEqual(MANY_BUCKETS);
      await expectSummariesMatch(random, `seed ${seed}, round ${round}, after ${done.join(' ')}`);
    }
    // The comparison is never vacuous: hires, keepers, fees, rejections and times to hire were all counted. One more
    // rejection and one more reviewed agency hire with a salary first: a random sequence may have taken every
    // rejected application out again, or left no hire that has both an agency and a salary.
    await operations.reject();
    await reviewedHire(ds, {
      positionId: random.pick(positions),
      managerId: by,
      source: 'recruiter',
      agencyId: random.pick(agencies),
      applied: random.int(15),
      keeper: true,
      results: [[1, 'met']],
      salary: 50_000,
    });
    await expectSummariesMatch(random, `seed ${seed}, after ${done.join(' ')} reject hire`);
    const all = groups(await insights.sourceQuality({ scope: 'all' }));
    expect(all.some((group) => group.counts[2] > 0 && group.fees !== null)).toBe(true);
    expect(all.some((group) => group.counts[4] > 0)).toBe(true);
    expect((await insights.rejectionReasons({ scope: 'all' })).length).toBeGreaterThan(0);
    expect(Number((await insights.timeToHire({ scope: 'all' })).hires)).toBeGreaterThan(1);
    // A rebuild from scratch gives the same as the incremental maintenance did.
    const snapshot = async () =>
      (
        (await ds.query(
          `SELECT "positionId", day, source, "agencyId", applications, vetted, hires, reviewed, keepers, attained, "salarySum", unsalaried
           FROM insight_sources ORDER BY "positionId", day, source, "agencyId"`,
        )) as Record<string, unknown>[]
      )
        .map((row) => Object.values(row).map(String).join(' '))
        .concat(
          (
            (await ds.query(
              `SELECT * FROM insight_outcomes ORDER BY "positionId", day, source, stage, "rejectionReasonId"`,
            )) as Record<string, unknown>[]
          ).map((row) => Object.values(row).map(String).join(' ')),
        )
        .concat(
          (
            (await ds.query(`SELECT * FROM insight_hire_spans ORDER BY "positionId", day, tenths`)) as Record<
              string,
              unknown
            >[]
          ).map((row) => Object.values(row).map(String).join(' ')),
        );
    const incremental = await snapshot();
    await summaries.rebuildAll();
    expect(await snapshot()).toEqual(incremental);
  });
});
