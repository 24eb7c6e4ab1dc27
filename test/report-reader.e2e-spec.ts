import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../src/config/app-config.js';
import { ReportReader } from '../src/database/report-reader.js';
import { UnitOfWork } from '../src/database/unit-of-work.js';
import { createUser, signedInAs } from './support/http.js';
import { recordQueries } from './support/query-counter.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** A query that keeps SQLite busy for a while (counting to three million). */
const SLOW_SQLITE = `WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 3000000) SELECT COUNT(*) AS n FROM c`;

/** The longest time the event loop went without running a 5 ms timer while `work` ran, and how long it took. */
async function eventLoopLag<T>(work: () => Promise<T>): Promise<{ lag: number; took: number; result: T }> {
  let last = performance.now();
  let lag = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    lag = Math.max(lag, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  try {
    const result = await work();
    const took = performance.now() - started;
    lag = Math.max(lag, performance.now() - last);
    return { lag, took, result };
  } finally {
    clearInterval(timer);
  }
}

function readerWith(testApp: TestApp, reports: AppConfig['reports']): ReportReader {
  return new ReportReader(testApp.dataSource, testApp.app.get(UnitOfWork), { reports } as AppConfig);
}

const postgres = Boolean(process.env.TEST_DATABASE_URL);

if (!postgres) {
  describe('Report reader on a SQLite file', () => {
    let testApp: TestApp;
    let reader: ReportReader;

    beforeAll(async () => {
      testApp = await createTestApp({ REPORT_CONCURRENCY: '2' });
      reader = testApp.app.get(ReportReader);
    });
    afterAll(() => testApp?.close());

    it('runs a slow report off the main thread, where the same query on the main connection freezes the app', async () => {
      expect(reader.offThread).toBe(true);
      const main = await eventLoopLag(() => testApp.dataSource.query(SLOW_SQLITE) as Promise<{ n: number }[]>);
      expect(main.result).toEqual([{ n: 3_000_000 }]);
      // The contrast the reader exists for: on the main connection, nothing else runs until the query is done.
      expect(main.took).toBeGreaterThan(150);
      expect(main.lag).toBeGreaterThan(main.took * 0.8);

      await reader.query('SELECT 1 AS warm'); // the thread's start is not the report's
      let done = false;
      const report = reader.query<{ n: number }>(SLOW_SQLITE).then((rows) => {
        done = true;
        return rows;
      });
      const off = await eventLoopLag(async () => {
        const health = await request(testApp.server).get('/health');
        expect(health.status).toBe(200);
        // The health check answered while the report was still being counted.
        expect(done).toBe(false);
        return report;
      });
      expect(off.result).toEqual([{ n: 3_000_000 }]);
      // The event loop kept turning (a loaded machine still delays timers a little).
      expect(off.lag).toBeLessThan(main.lag / 4);
      expect(reader.threads.length).toBeGreaterThanOrEqual(1);
    });

    it('reads what the app has committed, and reports its statements to the data source logger', async () => {
      const statements = await recordQueries(testApp.dataSource, async () => {
        const [row] = await reader.query<{ n: number }>('SELECT COUNT(*) AS n FROM users WHERE id > ?', [0]);
        const [direct] = (await testApp.dataSource.query('SELECT COUNT(*) AS n FROM users')) as { n: number }[];
        expect(row.n).toBe(direct.n);
      });
      expect(statements).toEqual(['SELECT COUNT(*) AS n FROM users WHERE id > ?', 'SELECT COUNT(*) AS n FROM users']);
    });

    it('rejects a failing query with an Error, and refuses to write', async () => {
      await expect(reader.query('SELECT * FROM no_such_table')).rejects.toThrow(/no such table: no_such_table/);
      await expect(reader.query('DELETE FROM users')).rejects.toThrow(Error);
      await expect(reader.query(`UPDATE users SET name = 'x' RETURNING id`)).rejects.toThrow(/readonly/i);
      // The reader still works after errors.
      await expect(reader.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
    });

    it('fails the queries of a reader thread that dies, and replaces the thread', async () => {
      const running = reader.query(SLOW_SQLITE.replace('3000000', '3000001'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      const before = reader.threads.map((thread) => thread.threadId);
      await Promise.all(reader.threads.map((thread) => thread.terminate()));
      await expect(running).rejects.toThrow(/report reader stopped/);
      expect(before.length).toBeGreaterThan(0);
      await expect(reader.query('SELECT 2 AS two')).resolves.toEqual([{ two: 2 }]);
      const after = reader.threads.map((thread) => thread.threadId);
      expect(after.length).toBeGreaterThan(0);
      expect(after.some((id) => before.includes(id))).toBe(false);
    });

    it('shares one execution between identical queries in flight', async () => {
      const statements = await recordQueries(testApp.dataSource, async () => {
        const [a, b, c] = await Promise.all([
          reader.query('SELECT COUNT(*) AS n FROM users WHERE id > ?', [0]),
          reader.query('SELECT COUNT(*) AS n FROM users WHERE id > ?', [0]),
          reader.query('SELECT COUNT(*) AS n FROM users WHERE id > ?', [-1]),
        ]);
        expect(a).toBe(b);
        expect(c).toEqual(a);
      });
      expect(statements).toHaveLength(2);
    });

    it('reuses rows for the cache time only when one is set (the tests run without)', async () => {
      const count = 'SELECT COUNT(*) AS n FROM users';
      const uncached = await recordQueries(testApp.dataSource, async () => {
        await reader.query(count);
        await reader.query(count);
      });
      expect(uncached).toHaveLength(2);

      const cached = readerWith(testApp, { concurrency: 1, cacheMs: 60_000 });
      try {
        const [first] = await cached.query<{ n: number }>(count);
        await createUser(testApp, ['manager']);
        const seen = await recordQueries(testApp.dataSource, async () => {
          const [second] = await cached.query<{ n: number }>(count);
          // Up to the cache time old: the new person is not counted yet.
          expect(second.n).toBe(first.n);
        });
        expect(seen).toEqual([]);
        const fresh = readerWith(testApp, { concurrency: 1, cacheMs: 0 });
        try {
          expect((await fresh.query<{ n: number }>(count))[0].n).toBe(first.n + 1);
        } finally {
          await fresh.onApplicationShutdown();
        }
      } finally {
        await cached.onApplicationShutdown();
      }
    });

    it('past the cache time serves the kept rows at once and computes newer ones for the next request', async () => {
      const count = 'SELECT COUNT(*) AS n FROM users';
      const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
      // Kept 200 ms, then served for up to ten times as long (2 s) while the query runs again.
      const cached = readerWith(testApp, { concurrency: 1, cacheMs: 200 });
      try {
        const [first] = await cached.query<{ n: number }>(count);
        await createUser(testApp, ['manager']);
        await sleep(300);
        let stale!: { n: number };
        const refresh = await recordQueries(testApp.dataSource, async () => {
          const started = performance.now();
          [stale] = await cached.query<{ n: number }>(count);
          expect(performance.now() - started).toBeLessThan(50);
          await sleep(100);
        });
        expect(stale.n).toBe(first.n);
        expect(refresh).toHaveLength(1); // the query ran again, in the background
        expect((await cached.query<{ n: number }>(count))[0].n).toBe(first.n + 1);
        // Older than that: the request waits for fresh rows rather than being shown something minutes old.
        await sleep(2_500);
        await createUser(testApp, ['manager']);
        expect((await cached.query<{ n: number }>(count))[0].n).toBe(first.n + 2);
      } finally {
        await cached.onApplicationShutdown();
      }
    });

    it('runs inside a unit of work on its transaction, seeing what it wrote', async () => {
      const uow = testApp.app.get(UnitOfWork);
      const count = 'SELECT COUNT(*) AS n FROM users';
      const [before] = await reader.query<{ n: number }>(count);
      await uow
        .run(async (manager) => {
          await manager.query(`INSERT INTO users (email, name) VALUES ('uow@example.com', 'Uow')`);
          const [inside] = await reader.query<{ n: number }>(count);
          expect(inside.n).toBe(before.n + 1);
          throw new Error('roll back');
        })
        .catch((error: Error) => expect(error.message).toBe('roll back'));
    });

    it('falls back to the main connection on an in-memory database', () => {
      const memory = { options: { type: 'better-sqlite3', database: ':memory:' } } as unknown as DataSource;
      const sut = new ReportReader(memory, testApp.app.get(UnitOfWork), {
        reports: { concurrency: 1, cacheMs: 0 },
      } as AppConfig);
      expect(sut.offThread).toBe(false);
    });

    it('stops its threads when the app closes', async () => {
      await reader.query('SELECT 1 AS one');
      const threads = [...reader.threads];
      expect(threads.length).toBeGreaterThan(0);
      const exited = threads.map((thread) => new Promise((resolve) => thread.once('exit', resolve)));
      await testApp.close();
      await Promise.all(exited);
      expect(reader.threads).toEqual([]);
      await expect(reader.query('SELECT 3 AS three')).rejects.toThrow(/shutting down/);
      testApp = undefined as unknown as TestApp;
    });
  });
} else {
  describe('Report reader on PostgreSQL', () => {
    let testApp: TestApp;

    beforeAll(async () => {
      testApp = await createTestApp({
        DATABASE_POOL_SIZE: '3',
        DATABASE_POOL_TIMEOUT_MS: '1000',
        REPORT_CONCURRENCY: '2',
      });
    });
    afterAll(() => testApp.close());

    it('sizes the pool from DATABASE_POOL_SIZE and DATABASE_POOL_TIMEOUT_MS', () => {
      expect(testApp.dataSource.options).toMatchObject({ extra: { max: 3, connectionTimeoutMillis: 1000 } });
    });

    it('never lets reports take the whole pool: 20 slow reports wait their turn while other requests are served', async () => {
      const reader = testApp.app.get(ReportReader);
      expect(reader.offThread).toBe(false);
      // 20 × 0.2 s on 3 connections would keep a query waiting longer than the 1 s pool timeout; two at a time, the
      // reports wait in the reader's queue instead, and the third connection stays free for everything else.
      const reports = Array.from({ length: 20 }, (_, i) =>
        reader.query<{ i: number }>('SELECT $1::int AS i, pg_sleep(0.2) IS NULL AS slept', [i]),
      );
      const health = [];
      for (let i = 0; i < 5; i++) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        health.push((await request(testApp.server).get('/health')).status);
      }
      const rows = await Promise.all(reports);
      expect(rows.map(([row]) => row.i)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      expect(health).toEqual([200, 200, 200, 200, 200]);
    }, 60_000);

    it('leaves one connection free even when REPORT_CONCURRENCY is as large as the pool', async () => {
      const reader = new ReportReader(testApp.dataSource, testApp.app.get(UnitOfWork), {
        reports: { concurrency: 16, cacheMs: 0 },
        databasePool: { size: 3, timeoutMs: 1000 },
      } as AppConfig);
      const reports = Array.from({ length: 20 }, (_, i) =>
        reader.query<{ i: number }>('SELECT $1::int AS i, pg_sleep(0.2) IS NULL AS slept', [i]),
      );
      const health = [];
      for (let i = 0; i < 3; i++) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        health.push((await request(testApp.server).get('/health')).status);
      }
      expect((await Promise.all(reports)).map(([row]) => row.i)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      expect(health).toEqual([200, 200, 200]);
    });

    it('answers 20 concurrent funnel requests, none with a 500', async () => {
      await signedInAs(testApp, ['admin']);
      const manager = await signedInAs(testApp, ['manager']);
      const statuses = await Promise.all(
        Array.from({ length: 20 }, () => manager.agent.get('/insights/funnel').then((response) => response.status)),
      );
      expect(statuses).toEqual(Array.from({ length: 20 }, () => 200));
    });
  });
}
