import { RejectionReason } from '../src/candidates/entities/rejection-reason.entity.js';
import { migrateOnce, refreshStatistics } from '../src/database/migrate-once.js';
import { UnitOfWork } from '../src/database/unit-of-work.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('Database', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => testApp.close());

  it('has applied every migration, and each can be reverted and applied again', async () => {
    const { dataSource } = testApp;
    const applied = (await dataSource.query('SELECT name FROM migrations ORDER BY id')) as { name: string }[];
    expect(applied.map((row) => row.name)).toEqual(dataSource.migrations.map((migration) => migration.name));
    for (let i = 0; i < dataSource.migrations.length; i += 1) await dataSource.undoLastMigration();
    const [{ n }] = (await dataSource.query('SELECT COUNT(*) AS n FROM migrations')) as { n: number | string }[];
    expect(Number(n)).toBe(0);
    await expect(dataSource.query('SELECT COUNT(*) FROM users')).rejects.toThrow();
    const reapplied = await dataSource.runMigrations();
    expect(reapplied).toHaveLength(dataSource.migrations.length);
  });

  it('reads a board column and a page of the applications list in index order, without sorting', async () => {
    const ds = testApp.dataSource;
    if (testApp.config.database.kind !== 'sqlite') {
      const rows = (await ds.query(
        `SELECT indexname FROM pg_indexes WHERE tablename = 'applications' ORDER BY indexname`,
      )) as { indexname: string }[];
      const names = rows.map((row) => row.indexname);
      expect(names).toEqual(
        expect.arrayContaining([
          'IDX_applications_board_column',
          'IDX_applications_position_created',
          'IDX_applications_stage_created',
        ]),
      );
      // In index order, not sorted: PostgreSQL orders by no column after an IS NULL key, so the indexes are partial.
      // (Sequential scans off: on a near-empty table the planner would rather scan and sort, whatever the indexes.)
      const planOf = (sql: string) =>
        ds.transaction(async (manager) => {
          await manager.query('SET LOCAL enable_seqscan = off');
          const rows = (await manager.query(`EXPLAIN ${sql}`)) as { 'QUERY PLAN': string }[];
          return rows.map((row) => row['QUERY PLAN']).join('\n');
        });
      for (const [sql, index] of [
        [
          `SELECT id FROM applications WHERE "positionId" = 1 AND "anonymisedAt" IS NULL ORDER BY "createdAt" DESC, id DESC LIMIT 25`,
          'IDX_applications_position_created',
        ],
        [
          `SELECT id FROM applications WHERE "positionId" = 1 AND stage = 'vetting' AND "anonymisedAt" IS NULL ORDER BY "createdAt", id LIMIT 25`,
          'IDX_applications_stage_created',
        ],
      ]) {
        const plan = await planOf(sql);
        expect(plan).toContain(index);
        expect(plan).not.toMatch(/Sort/);
      }
      return;
    }
    const plan = async (sql: string) =>
      ((await ds.query(`EXPLAIN QUERY PLAN ${sql}`)) as { detail: string }[]).map((row) => row.detail).join(' | ');
    const column = await plan(
      `SELECT id FROM applications WHERE "positionId" = 1 AND stage = 'vetting' AND "anonymisedAt" IS NULL ORDER BY "stageChangedAt", id LIMIT 20`,
    );
    expect(column).toContain('IDX_applications_board_column');
    expect(column).not.toContain('TEMP B-TREE');
    const list = await plan(
      `SELECT id FROM applications WHERE "positionId" = 1 AND "anonymisedAt" IS NULL ORDER BY "createdAt" DESC, id DESC LIMIT 25`,
    );
    expect(list).toContain('COVERING INDEX IDX_applications_position_created');
    expect(list).not.toContain('TEMP B-TREE');
    const byStage = await plan(
      `SELECT id FROM applications WHERE "positionId" = 1 AND stage = 'vetting' AND "anonymisedAt" IS NULL ORDER BY "createdAt" DESC, id DESC LIMIT 25`,
    );
    expect(byStage).toContain('COVERING INDEX IDX_applications_stage_created');
    expect(byStage).not.toContain('TEMP B-TREE');
  });

  it('gives SQLite statistics for tables with rows when a process starts, so the planner picks indexes at scale', async () => {
    if (testApp.config.database.kind !== 'sqlite') return expect(testApp.dataSource.options.type).toBe('postgres');
    const ds = testApp.dataSource;
    await ds.query(
      `INSERT INTO rejection_reasons (label, active, "sortOrder") VALUES ('Statistics one', 1, 90), ('Statistics two', 1, 91)`,
    );
    const stats = async () =>
      (await ds.query(`SELECT tbl FROM sqlite_stat1 WHERE tbl = 'rejection_reasons'`)) as unknown[];
    await ds.query(`DELETE FROM sqlite_stat1 WHERE tbl = 'rejection_reasons'`);
    expect(await stats()).toHaveLength(0);
    await migrateOnce(ds);
    expect((await stats()).length).toBeGreaterThan(0);
  });

  it('has PostgreSQL vacuumed and analysed by the maintenance job when autovacuum, which would do it, is off', async () => {
    if (testApp.config.database.kind === 'sqlite')
      return expect(await refreshStatistics(testApp.dataSource)).toBe(true);
    const ds = testApp.dataSource;
    const values = Array.from({ length: 300 }, (_, i) => `('Analysed ${i}', true, ${100 + i})`).join(', ');
    await ds.query(`INSERT INTO rejection_reasons (label, active, "sortOrder") VALUES ${values}`);
    const estimate = async () =>
      Number(
        (
          (await ds.query(`SELECT reltuples FROM pg_class WHERE relname = 'rejection_reasons'`)) as {
            reltuples: string;
          }[]
        )[0].reltuples,
      );
    const [{ autovacuum }] = (await ds.query(`SELECT current_setting('autovacuum') AS autovacuum`)) as {
      autovacuum: string;
    }[];
    const before = await estimate();
    const analysed = await refreshStatistics(ds);
    expect(analysed).toBe(autovacuum === 'off');
    if (analysed) {
      expect(before).toBeLessThan(300);
      expect(await estimate()).toBeGreaterThanOrEqual(300);
    }
  });

  it('opens SQLite with WAL, foreign keys, a busy timeout and synchronous=NORMAL', async () => {
    if (testApp.config.database.kind !== 'sqlite') return expect(testApp.dataSource.options.type).toBe('postgres');
    const pragma = async (name: string) =>
      Object.values(((await testApp.dataSource.query(`PRAGMA ${name}`)) as Record<string, unknown>[])[0])[0];
    await expect(pragma('journal_mode')).resolves.toBe('wal');
    await expect(pragma('foreign_keys')).resolves.toBe(1);
    await expect(pragma('busy_timeout')).resolves.toBe(5000);
    await expect(pragma('synchronous')).resolves.toBe(1);
  });

  it('keeps a unit of work that committed when another one running at the same time rolls back', async () => {
    const uow = testApp.app.get(UnitOfWork);
    const reasons = () => uow.repository(RejectionReason);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const failing = uow.run(async () => {
      await reasons().save(reasons().create({ label: 'Rolled back with its unit', active: true, sortOrder: 90 }));
      await gate;
      throw new Error('injected');
    });
    const committing = uow.run(async () => {
      await reasons().save(reasons().create({ label: 'Committed by its own unit', active: true, sortOrder: 91 }));
    });
    // SQLite has one connection: without serialising units, the second would become a savepoint of the first.
    setTimeout(release, 50);
    await expect(failing).rejects.toThrow('injected');
    await committing;
    await expect(
      testApp.dataSource.getRepository(RejectionReason).existsBy({ label: 'Committed by its own unit' }),
    ).resolves.toBe(true);
    await expect(
      testApp.dataSource.getRepository(RejectionReason).existsBy({ label: 'Rolled back with its unit' }),
    ).resolves.toBe(false);
  });

  it('caches compiled templates in production', () => {
    expect(testApp.app.getHttpAdapter().getInstance().enabled('view cache')).toBe(true);
  });
});
