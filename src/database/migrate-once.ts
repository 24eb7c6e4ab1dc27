import type { DataSource, Migration, QueryRunner } from 'typeorm';
import { APPLICATION_COUNT_TRIGGERS, restoreApplicationCounts } from './migrations/1795392100000-ApplicationCounts.js';
import { restoreCandidateSearch } from './migrations/1795392200000-CandidateSearch.js';

/** Keeper's key for PostgreSQL's advisory lock around migrations (any constant shared by every process). */
export const MIGRATION_LOCK = 7_305_349_127;

/**
 * Applies pending migrations once however many processes start together. On PostgreSQL the first process
 * to take the advisory lock applies them; the others wait for it, then find nothing left to do. A process
 * that dies mid-migration drops its connection and with it the lock. SQLite serves one process only.
 */
export async function migrateOnce(dataSource: DataSource): Promise<Migration[]> {
  if (dataSource.options.type !== 'postgres') {
    const applied = await dataSource.runMigrations();
    await repairSqliteTriggers(dataSource);
    await refreshStatistics(dataSource, true);
    return applied;
  }
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const applied = await dataSource.runMigrations();
      if (applied.length > 0) await dataSource.query('ANALYZE');
      return applied;
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await lock.release();
  }
}

/** SQLite triggers that keep derived rows exact, by name, with what puts them back and recomputes those rows. */
const KEPT_TRIGGERS: { names: string[]; restore: (queryRunner: QueryRunner) => Promise<void> }[] = [
  { names: APPLICATION_COUNT_TRIGGERS, restore: restoreApplicationCounts },
  {
    names: ['candidate_search_insert', 'candidate_search_delete', 'candidate_search_update'],
    restore: restoreCandidateSearch,
  },
];

/**
 * TypeORM alters a SQLite table by recreating it, and the old table's triggers go with it: a later migration would
 * silently stop the kept counts and the search index from following changes. At start-up, after the migrations, any
 * missing trigger is put back and what it keeps is recomputed (the insight summaries check their own triggers).
 */
export async function repairSqliteTriggers(dataSource: DataSource): Promise<string[]> {
  const rows = (await dataSource.query("SELECT name FROM sqlite_master WHERE type = 'trigger'")) as { name: string }[];
  const present = new Set(rows.map((row) => row.name));
  const repaired: string[] = [];
  for (const kept of KEPT_TRIGGERS) {
    const missing = kept.names.filter((name) => !present.has(name));
    if (!missing.length) continue;
    await dataSource.transaction((manager) => kept.restore(manager.queryRunner!));
    repaired.push(...missing);
  }
  return repaired;
}

/**
 * SQLite's query planner chooses indexes from statistics that only `ANALYZE` writes; without them it guessed wrong at
 * scale (the validity report scanned 1.05M ratings: 1.8 s, 0.5 ms once analysed). As the SQLite manual advises for
 * long-lived connections: when the process starts, `PRAGMA optimize=0x10002` analyses every table that has rows and
 * no statistics or stale ones (a sampled, bounded ANALYZE; empty tables are left alone); every few hours the
 * database-optimize job runs `PRAGMA optimize` for the tables queried since. PostgreSQL's autovacuum keeps its own
 * statistics; it is analysed once after migrations, and where autovacuum is switched off (as on some CI and
 * hand-tuned servers) the job runs `VACUUM (ANALYZE)` itself: without statistics PostgreSQL plans every table as
 * nearly empty and keeps those plans — foreign-key checks by sequential scan made a 100,000-row import take minutes
 * per thousand — and without vacuuming the summaries' dirty marks leave dead rows every report's check reads.
 */
export async function refreshStatistics(dataSource: DataSource, atStart = false): Promise<boolean> {
  if (dataSource.options.type !== 'postgres') {
    await dataSource.query(atStart ? 'PRAGMA optimize=0x10002' : 'PRAGMA optimize');
    return true;
  }
  const [{ autovacuum }] = (await dataSource.query(`SELECT current_setting('autovacuum') AS autovacuum`)) as {
    autovacuum: string;
  }[];
  if (autovacuum === 'on') return false;
  await dataSource.query('VACUUM (ANALYZE)');
  return true;
}
