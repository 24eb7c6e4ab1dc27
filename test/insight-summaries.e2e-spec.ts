import type { User } from '../src/accounts/entities/user.entity.js';
import { ApplicationEvent } from '../src/candidates/entities/application-event.entity.js';
import { Application, PIPELINE_STAGES } from '../src/candidates/entities/application.entity.js';
import { CandidatesRepository } from '../src/candidates/candidates.repository.js';
import { UnitOfWork } from '../src/database/unit-of-work.js';
import { addDays } from '../src/hires/plan-dates.js';
import { InsightSummaries, MANY_BUCKETS } from '../src/insights/insight-summaries.js';
import {
  InsightsRepository,
  type CalibrationRow,
  type DurationRow,
  type InsightsFilter,
} from '../src/insights/insights.repository.js';
import {
  DECISIONS,
  Interview,
  Panelist,
  RECOMMENDATIONS,
  ScorecardRating,
} from '../src/interviews/entities/interview.entity.js';
import { InterviewsRepository } from '../src/interviews/interviews.repository.js';
import { JobRunner } from '../src/jobs/job-runner.js';
import { TableColumn } from 'typeorm';
import { signedInAs } from './support/http.js';
import { history, panel, person, T0 } from './support/insights-data.js';
import { publishedPosition } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { pipelineMove, prng, type Random } from './support/random.js';

const dayOf = (offset: number) => addDays(T0.toISOString().slice(0, 10), offset);
/** A moment `days` after T0's midnight, often right at the edges of a day. */
const momentOf = (days: number, random: Random) => {
  const edges = [0, 1, 86_399_000, 86_399_999, 43_200_000, random.int(86_400_000)];
  return new Date(Date.parse(`${dayOf(days)}T00:00:00Z`) + random.pick(edges));
};

const sameNumber = (a: number | string | null, b: number | string | null) =>
  (a === null && b === null) || (a !== null && b !== null && Math.abs(Number(a) - Number(b)) <= 1e-9);

/** Days in stage by stage, every figure a number (tenths of a day; null without stays). */
const byStage = (rows: DurationRow[]) =>
  [...rows]
    .sort((x, y) => x.stage.localeCompare(y.stage))
    .map((row) => [
      row.stage,
      ...[row.stays, row.median, row.p90].map((value) => (value === null ? null : Number(value))),
    ]);

/** The calibration rows by user, every count as a number (means compared separately, to 1e-9). */
const byUser = (rows: CalibrationRow[]) =>
  [...rows]
    .sort((x, y) => Number(x.userId) - Number(y.userId))
    .map((row) => ({
      userId: Number(row.userId),
      name: row.name,
      counts: [row.submitted, row.onTime, row.strongNo, row.no, row.yes, row.strongYes, row.decided, row.matched].map(
        Number,
      ),
      mean: row.mean,
      delta: row.delta,
    }));

describe('Insight summaries: the funnel and calibration from small tables, exactly as from the full history', () => {
  let testApp: TestApp;
  let insights: InsightsRepository;
  let summaries: InsightSummaries;
  let managers: User[];
  let positions: number[];
  let interviewers: User[];

  const filters = (random: Random): InsightsFilter[] => {
    const list: InsightsFilter[] = [
      { scope: 'all' },
      { scope: 'none' },
      { scope: { hiringManagerId: managers[0].id } },
      { scope: { hiringManagerId: managers[1].id } },
      { scope: 'all', positionId: positions[0] },
      { scope: { hiringManagerId: managers[1].id }, positionId: positions[0] },
      { scope: 'all', from: dayOf(3), to: dayOf(3) },
    ];
    for (let i = 0; i < 5; i += 1) {
      const from = random.int(25) - 2;
      list.push({
        scope: random.pick(['all', { hiringManagerId: random.pick(managers).id }] as const),
        positionId: random.next() < 0.3 ? random.pick(positions) : undefined,
        from: random.next() < 0.8 ? dayOf(from) : undefined,
        to: random.next() < 0.8 ? dayOf(from + random.int(10)) : undefined,
      });
    }
    return list;
  };

  /** Every filter: the summary-based reports equal the full computation (counts exactly, means to 1e-9). */
  const expectSummariesMatch = async (random: Random, context: string) => {
    for (const positionId of positions) {
      const where = `${context}, process effort of position ${positionId}`;
      expect({ where, effort: await insights.processEffort(positionId) }).toEqual({
        where,
        effort: await insights.processEffortFull(positionId),
      });
    }
    for (const filter of filters(random)) {
      const where = `${context}, filter ${JSON.stringify(filter)}`;
      expect({ where, counts: await insights.stageCounts(filter) }).toEqual({
        where,
        counts: await insights.stageCountsFull(filter),
      });
      expect({ where, durations: byStage(await insights.stageDurations(filter)) }).toEqual({
        where,
        durations: byStage(await insights.stageDurationsFull(filter)),
      });
      const [fast, full] = [byUser(await insights.calibration(filter)), byUser(await insights.calibrationFull(filter))];
      expect({ where, rows: fast.map(({ userId, name, counts }) => ({ userId, name, counts })) }).toEqual({
        where,
        rows: full.map(({ userId, name, counts }) => ({ userId, name, counts })),
      });
      fast.forEach((row, index) => {
        if (!sameNumber(row.mean, full[index].mean) || !sameNumber(row.delta, full[index].delta))
          throw new Error(`${where}: means differ: ${JSON.stringify(row)} vs ${JSON.stringify(full[index])}`);
      });
    }
  };

  const dirty = async () =>
    (
      (await testApp.dataSource.query(
        `SELECT DISTINCT kind, "positionId" AS "positionId", day FROM insight_dirty ORDER BY kind, day`,
      )) as { kind: string; positionId: number | string; day: string }[]
    ).map((row) => `${row.kind} ${Number(row.positionId)} ${row.day}`);

  beforeAll(async () => {
    testApp = await createTestApp();
    // The refresh job must not refresh behind the test's back (the marks are inspected below).
    await testApp.app.get(JobRunner).stop();
    insights = testApp.app.get(InsightsRepository);
    summaries = testApp.app.get(InsightSummaries);
    await signedInAs(testApp, ['admin']);
    managers = [(await signedInAs(testApp, ['manager'])).user, (await signedInAs(testApp, ['manager'])).user];
    positions = [
      await publishedPosition(testApp, managers[0], 'Summaries A'),
      await publishedPosition(testApp, managers[0], 'Summaries B'),
      await publishedPosition(testApp, managers[1], 'Summaries C'),
    ];
    const ds = testApp.dataSource;
    interviewers = [
      await person(ds, 'Ada'),
      await person(ds, 'Ada'), // the same name twice: grouped by person, not by name
      await person(ds, 'Bo'),
      await person(ds, 'Cy'),
      await person(ds, 'Di'),
    ];
  });
  afterAll(() => testApp.close());

  it('matches on a hand-built data set, and a change marks just the buckets it touches', async () => {
    const ds = testApp.dataSource;
    const by = managers[0].id;
    const [ada, ada2, bo, cy] = interviewers;
    const hired = await history(ds, {
      positionId: positions[0],
      source: 'referral',
      applied: 0,
      byId: by,
      moves: [
        ['applied', 'vetting', 2],
        ['vetting', 'interview', 10],
        ['interview', 'offer', 20],
        ['offer', 'hired', 25],
      ],
    });
    const interviewed = await history(ds, {
      positionId: positions[0],
      source: 'sourced',
      applied: 1,
      byId: by,
      moves: [
        ['applied', 'vetting', 3],
        ['vetting', 'interview', 8],
      ],
    });
    await history(ds, { positionId: positions[2], source: 'sourced', applied: 1, byId: by, moves: [] });
    await panel(ds, {
      applicationId: hired.id,
      day: 12,
      decision: 'hire',
      byId: by,
      seats: [
        { user: ada, ratings: [4, 4, 3], recommendation: 'strong-yes', hoursLate: 2 },
        { user: bo, ratings: [3, 2, 3], recommendation: 'yes', hoursLate: 30 },
        { user: cy, ratings: [1, 2], recommendation: 'no', hoursLate: 0 },
      ],
    });
    const open = await panel(ds, {
      applicationId: interviewed.id,
      day: 9,
      decision: null,
      byId: by,
      seats: [
        { user: ada2, ratings: [2, 3], recommendation: 'no', hoursLate: 1 },
        { user: bo, ratings: [], recommendation: 'yes', hoursLate: 1 },
      ],
    });

    // By hand: position A's funnel over both applications; Ada (the first) rated 11/3 against (8/3 + 1.5) / 2.
    const all = await insights.stageCounts({ scope: 'all', positionId: positions[0] });
    expect(all.find((row) => row.stage === 'interview')).toEqual({ stage: 'interview', entered: 2, passed: 1 });
    expect(all.find((row) => row.stage === 'hired')).toEqual({ stage: 'hired', entered: 1, passed: 0 });
    // Days in stage by hand, in tenths: Vetting 8 (hired) and 5 (interviewed) days, so median 5 and 90th percentile
    // 8; Interview 10 days (the other stay has not ended).
    expect(byStage(await insights.stageDurations({ scope: 'all', positionId: positions[0] }))).toEqual(
      byStage(await insights.stageDurationsFull({ scope: 'all', positionId: positions[0] })),
    );
    const durations = byStage(await insights.stageDurations({ scope: 'all', positionId: positions[0] }));
    expect(durations.find((row) => row[0] === 'vetting')).toEqual(['vetting', 2, 50, 80]);
    expect(durations.find((row) => row[0] === 'interview')).toEqual(['interview', 1, 100, 100]);
    const rows = byUser(await insights.calibration({ scope: 'all' }));
    const first = rows.find((row) => row.userId === ada.id)!;
    expect(first.counts).toEqual([1, 1, 0, 0, 0, 1, 1, 1]);
    expect(Number(first.mean)).toBeCloseTo(11 / 3, 12);
    expect(Number(first.delta)).toBeCloseTo(11 / 3 - (8 / 3 + 1.5) / 2, 12);
    expect(rows.find((row) => row.userId === ada2.id)?.counts).toEqual([1, 1, 0, 1, 0, 0, 0, 0]);
    expect(await dirty()).toEqual([]);
    await expectSummariesMatch(prng(1), 'hand-built');

    // The summary stays small: fifty more applications like one already there add no row to the funnel summary.
    const count = async () =>
      Number(((await ds.query(`SELECT COUNT(*) AS n FROM insight_funnel`)) as { n: number | string }[])[0].n);
    const another = () =>
      history(ds, {
        positionId: positions[0],
        source: 'sourced',
        applied: 0,
        byId: by,
        moves: [['applied', 'vetting', 2]],
      });
    await another();
    await insights.stageCounts({ scope: 'all' });
    const before = await count();
    for (let i = 0; i < 50; i += 1) await another();
    // (The adverse-impact and source-quality summaries follow the same applications: their kinds are marked too.)
    expect(await dirty()).toEqual([
      `adverse ${positions[0]} ${dayOf(0)}`,
      `funnel ${positions[0]} ${dayOf(0)}`,
      `sources ${positions[0]} ${dayOf(0)}`,
    ]);
    await insights.stageCounts({ scope: 'all' });
    expect(await count()).toBe(before);
    expect((await insights.stageCounts({ scope: 'all', positionId: positions[0] }))[1]).toEqual({
      stage: 'vetting',
      entered: 53,
      passed: 2,
    });

    // Rescheduling marks the day it left and the day it moved to; nothing else.
    await ds.getRepository(Interview).update(open.id, { startsAt: new Date(`${dayOf(15)}T12:30:00Z`) });
    expect(await dirty()).toEqual([
      `calibration ${positions[0]} ${dayOf(9)}`,
      `calibration ${positions[0]} ${dayOf(15)}`,
    ]);
    // A change no report reads (a reminder sent) marks nothing.
    await insights.calibration({ scope: 'all' });
    await ds.getRepository(Panelist).update({ interviewId: open.id }, { remindedAt: new Date() });
    expect(await dirty()).toEqual([]);
    await expectSummariesMatch(prng(2), 'rescheduled');
  });

  it('matches after random sequences of moves, decisions, scorecards, edits and cancellations', async () => {
    const seed = Number(process.env.SUMMARY_SEED ?? Date.now() % 2 ** 31);
    console.log(`insight summaries: random seed ${seed} (replay with SUMMARY_SEED=${seed})`);
    const random = prng(seed);
    const ds = testApp.dataSource;
    const uow = testApp.app.get(UnitOfWork);
    const candidates = testApp.app.get(CandidatesRepository);
    const interviewsRepository = testApp.app.get(InterviewsRepository);
    const by = managers[0].id;
    const ids = async (table: string, where = '1 = 1') =>
      ((await ds.query(`SELECT id FROM ${table} WHERE ${where} ORDER BY id`)) as { id: number }[]).map((row) =>
        Number(row.id),
      );
    /** A random row's id, or null when the table has none yet (the operation is then skipped). */
    const one = async (table: string, where = '1 = 1') => {
      const list = await ids(table, where);
      return list.length ? random.pick(list) : null;
    };
    const ratingsOf = () =>
      Object.fromEntries(
        Array.from({ length: random.int(4) }, (_, index) => [
          String(900 + index),
          { rating: random.next() < 0.9 ? 1 + random.int(4) : null, evidence: 'Seen.' },
        ]),
      );

    const operations: Record<string, () => Promise<unknown>> = {
      apply: () =>
        history(ds, {
          positionId: random.pick(positions),
          source: random.pick(['sourced', 'referral', 'recruiter'] as const),
          applied: random.int(20),
          byId: by,
          moves: random.next() < 0.5 ? [] : [['applied', 'vetting', 21]],
        }),
      move: async () => pipelineMove(testApp, random.pick(await ids('applications')), random.pick(PIPELINE_STAGES)),
      note: async () => {
        const id = await one('applications');
        if (id !== null) await candidates.addEvent({ applicationId: id, summary: 'A note, no move' });
      },
      redate: async () => {
        const id = await one('applications');
        if (id !== null)
          await ds.getRepository(Application).update(id, { createdAt: momentOf(random.int(22), random) });
      },
      forgetEvent: async () => {
        const events = await ids('application_events');
        if (events.length) await ds.getRepository(ApplicationEvent).delete(random.pick(events));
      },
      // A move's time changes (the order of moves, and so every stay around it, with it): any moment, often on the
      // edge of a day, so that stays of every length in tenths of a day, and ties, are counted.
      redateEvent: async () => {
        const event = await one('application_events');
        if (event !== null)
          await ds.getRepository(ApplicationEvent).update(event, { createdAt: momentOf(random.int(22), random) });
      },
      interview: async () => {
        const seats = [...interviewers].sort(() => random.next() - 0.5).slice(0, 1 + random.int(3));
        const interview = await panel(ds, {
          applicationId: random.pick(await ids('applications')),
          day: random.int(22),
          decision: random.next() < 0.4 ? random.pick(DECISIONS) : null,
          byId: by,
          seats: seats.map((user) => ({
            user,
            ratings: Array.from({ length: random.int(4) }, () => 1 + random.int(4)),
            recommendation: random.pick(RECOMMENDATIONS),
            hoursLate: random.int(48),
          })),
        });
        if (random.next() < 0.5)
          await ds.getRepository(Interview).update(interview.id, { startsAt: momentOf(random.int(22), random) });
      },
      openSeat: async () => {
        const interview = await one('interviews');
        if (interview === null) return;
        const taken = await ds.getRepository(Panelist).findBy({ interviewId: interview });
        const user = interviewers.find((person) => !taken.some((seat) => seat.userId === person.id));
        if (user) await ds.getRepository(Panelist).insert({ interviewId: interview, userId: user.id, lead: false });
      },
      submit: async () => {
        const seats = await ids('panelists', '"submittedAt" IS NULL');
        if (!seats.length) return;
        const seat = random.pick(seats);
        await uow.run(async () => {
          await interviewsRepository.replaceRatings(seat, ratingsOf(), {});
          await ds.getRepository(Panelist).update(seat, {
            submittedAt: new Date(Date.now() - random.int(30) * 86_400_000),
            recommendation: random.pick(RECOMMENDATIONS),
          });
        });
      },
      review: async () => {
        const seat = await one('panelists');
        if (seat === null) return;
        await uow.run(() => interviewsRepository.replaceRatings(seat, ratingsOf(), {}));
        if (random.next() < 0.5)
          await ds.getRepository(Panelist).update(seat, { recommendation: random.pick(RECOMMENDATIONS) });
      },
      decide: async () => {
        const open = await ids('interviews', '"decidedAt" IS NULL');
        if (open.length)
          await interviewsRepository.recordDecision(random.pick(open), {
            decision: random.pick(DECISIONS),
            rationale: 'Decided.',
            decidedAt: new Date(),
            decidedById: by,
          });
      },
      cancel: async () => {
        const id = await one('interviews');
        if (id !== null) await ds.getRepository(Interview).update(id, { cancelledAt: new Date() });
      },
      reschedule: async () => {
        const id = await one('interviews');
        if (id !== null) await ds.getRepository(Interview).update(id, { startsAt: momentOf(random.int(22), random) });
      },
      lengthen: async () => {
        const id = await one('interviews');
        if (id !== null) await ds.getRepository(Interview).update(id, { durationMinutes: 30 + random.int(4) * 30 });
      },
      unseat: async () => {
        const seat = await one('panelists');
        if (seat !== null) await ds.getRepository(Panelist).delete(seat);
      },
      dropInterview: async () => {
        const interview = await one('interviews');
        if (interview !== null) await ds.getRepository(Interview).delete(interview);
      },
      dropRating: async () => {
        const ratings = await ids('scorecard_ratings');
        if (ratings.length) await ds.getRepository(ScorecardRating).delete(random.pick(ratings));
      },
      transfer: async () => {
        const id = await one('applications');
        if (id !== null) await ds.getRepository(Application).update(id, { positionId: random.pick(positions) });
      },
    };
    const weights: [string, number][] = [
      ['apply', 6],
      ['move', 8],
      ['note', 2],
      ['redate', 2],
      ['forgetEvent', 1],
      ['redateEvent', 4],
      ['interview', 6],
      ['openSeat', 3],
      ['submit', 5],
      ['review', 4],
      ['decide', 4],
      ['cancel', 2],
      ['reschedule', 3],
      ['lengthen', 2],
      ['unseat', 1],
      ['dropInterview', 1],
      ['dropRating', 1],
      ['transfer', 1],
    ];
    const bag = weights.flatMap(([name, weight]) => Array.from({ length: weight }, () => name));
    const done: string[] = [];
    for (let round = 0; round < 10; round += 1) {
      for (let step = 0; step < 20; step += 1) {
        const name = random.pick(bag);
        done.push(name);
        await operations[name]();
        // Sometimes the refresh job runs in between: later changes then meet already-summarised buckets.
        if (random.next() < 0.1) await summaries.refresh();
      }
      const marked = (await dirty()).length;
      expect(marked).toBeLessThanOrEqual(MANY_BUCKETS); // the incremental path, not the full rebuild
      await expectSummariesMatch(random, `seed ${seed}, round ${round}, after ${done.join(' ')}`);
    }
    // A rebuild from scratch gives the same as the incremental maintenance did.
    const snapshot = async () => [
      await ds.query(`SELECT * FROM insight_funnel ORDER BY "positionId", day, furthest`),
      await ds.query(`SELECT * FROM insight_durations ORDER BY "positionId", day, stage, tenths`),
      await ds.query(`SELECT * FROM insight_seats ORDER BY "positionId", day`),
      (
        (await ds.query(
          `SELECT "positionId", day, "userId", submitted, "onTime", "meanCount", "deltaCount", decided, matched FROM insight_calibration ORDER BY "positionId", day, "userId"`,
        )) as Record<string, unknown>[]
      ).map((row) => Object.values(row).map(String)),
    ];
    const incremental = await snapshot();
    await summaries.rebuildAll();
    expect(await snapshot()).toEqual(incremental);
    // Never vacuous: stays of several lengths and seats with their minutes were counted.
    const vetting = byStage(await insights.stageDurations({ scope: 'all' })).find((row) => row[0] === 'vetting');
    expect(Number(vetting?.[1])).toBeGreaterThan(2);
    const effort = await Promise.all(positions.map((id) => insights.processEffort(id)));
    expect(effort.some((one) => one.seats > 0 && one.minutes >= 30 * one.seats)).toBe(true);
  });

  it('after a whole rebuild leaves no mark and, on PostgreSQL, gives back the mark table’s pages', async () => {
    const ds = testApp.dataSource;
    // More buckets than the incremental path takes (a bulk load's marks): the next refresh rebuilds everything.
    await ds.query(
      `INSERT INTO insight_dirty (kind, "positionId", day) SELECT 'funnel', ${positions[0]}, ${
        ds.options.type === 'postgres'
          ? `to_char(DATE '2020-01-01' + g, 'YYYY-MM-DD') FROM generate_series(1, 3000) g`
          : `date('2020-01-01', '+' || g.value || ' days') FROM (WITH RECURSIVE s(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM s WHERE value < 3000) SELECT value FROM s) g`
      }`,
    );
    expect(await summaries.refresh()).toBeGreaterThan(MANY_BUCKETS);
    expect(await dirty()).toEqual([]);
    if (ds.options.type === 'postgres') {
      // Emptied by DELETE the table would keep ~3,000 rows' pages, which every report's check would scan.
      const [{ size }] = (await ds.query(`SELECT pg_relation_size('insight_dirty') AS size`)) as { size: string }[];
      expect(Number(size)).toBe(0);
    }
    await expectSummariesMatch(prng(4), 'after a whole rebuild');
  });

  it('puts back triggers a table alteration dropped (SQLite recreates the table), and rebuilds', async () => {
    const ds = testApp.dataSource;
    const runner = ds.createQueryRunner();
    try {
      await runner.addColumn('panelists', new TableColumn({ name: 'scratch', type: 'integer', isNullable: true }));
      await runner.dropColumn('panelists', 'scratch');
    } finally {
      await runner.release();
    }
    const sqlite = ds.options.type !== 'postgres';
    expect(await summaries.ensureTriggers()).toBe(sqlite);
    expect(await summaries.ensureTriggers()).toBe(false);
    await insights.calibration({ scope: 'all' });
    const seat = await ds.getRepository(Panelist).findOneOrFail({ where: {}, order: { id: 'ASC' } });
    // A real change (PostgreSQL's triggers skip an update that changes nothing they watch).
    await ds
      .getRepository(Panelist)
      .update(seat.id, { recommendation: seat.recommendation === 'strong-no' ? 'yes' : 'strong-no' });
    expect((await dirty()).filter((mark) => mark.startsWith('calibration'))).toHaveLength(1);
    await expectSummariesMatch(prng(3), 'after a table alteration');
  });

  it('stays exact when changes commit while refreshes run (concurrently on PostgreSQL)', async () => {
    const ds = testApp.dataSource;
    const uow = testApp.app.get(UnitOfWork);
    const random = prng(Number(process.env.SUMMARY_SEED ?? 7));
    const applications = ((await ds.query(`SELECT id FROM applications ORDER BY id`)) as { id: number }[]).map((row) =>
      Number(row.id),
    );
    const seats = ((await ds.query(`SELECT id FROM panelists ORDER BY id`)) as { id: number }[]).map((row) =>
      Number(row.id),
    );
    const pause = () => new Promise((resolve) => setTimeout(resolve, random.int(15)));
    const work = Array.from({ length: 40 }, (_, index) => async () => {
      if (index % 3 === 0) return summaries.refresh();
      // A change that stays uncommitted for a moment while other transactions (and refreshes) go on.
      return uow.run(async (manager) => {
        await manager.getRepository(ApplicationEvent).insert({
          applicationId: random.pick(applications),
          fromStage: null,
          toStage: random.pick(PIPELINE_STAGES),
          summary: 'Concurrent',
        });
        await pause();
        if (seats.length)
          await manager
            .getRepository(Panelist)
            .update(random.pick(seats), { recommendation: random.pick(RECOMMENDATIONS), submittedAt: new Date() });
        await pause();
      });
    });
    await Promise.all(work.map((task) => task()));
    await expectSummariesMatch(random, 'after concurrent changes and refreshes');
  });

  it('keeps the mark of a change still uncommitted while a refresh runs, so the next read includes it', async () => {
    const ds = testApp.dataSource;
    const postgres = ds.options.type === 'postgres';
    const application = await history(ds, {
      positionId: positions[1],
      source: 'sourced',
      applied: 30,
      byId: managers[0].id,
      moves: [],
    });
    const filter: InsightsFilter = { scope: 'all', positionId: positions[1], from: dayOf(30), to: dayOf(30) };
    const writer = ds.createQueryRunner();
    try {
      await writer.connect();
      await writer.startTransaction();
      // The move is written (and its bucket marked) in a transaction that has not committed yet.
      await writer.manager
        .getRepository(ApplicationEvent)
        .insert({ applicationId: application.id, fromStage: 'applied', toStage: 'offer', summary: 'Pending' });
      // On PostgreSQL a refresh (another connection) runs meanwhile and cannot see the move; SQLite has one
      // connection, so there the refresh runs once the move has committed.
      if (postgres) await summaries.refresh();
      await writer.commitTransaction();
    } finally {
      await writer.release();
    }
    expect(await dirty()).toContain(`funnel ${positions[1]} ${dayOf(30)}`);
    const counts = await insights.stageCounts(filter);
    expect(counts.find((row) => row.stage === 'offer')).toEqual({ stage: 'offer', entered: 1, passed: 0 });
    expect(counts).toEqual(await insights.stageCountsFull(filter));
  });
});
