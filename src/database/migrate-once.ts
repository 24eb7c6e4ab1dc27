import type { DataSource, Migration } from 'typeorm';

/** Keeper's key for PostgreSQL's advisory lock around migrations (any constant shared by every process). */
export const MIGRATION_LOCK = 7_305_349_127;

/**
 * Applies pending migrations once however many processes start together. On PostgreSQL the first process
 * to take the advisory lock applies them; the others wait for it, then find nothing left to do. A process
 * that dies mid-migration drops its connection and with it the lock. SQLite serves one process only.
 */
export async function migrateOnce(dataSource: DataSource): Promise<Migration[]> {
  if (dataSource.options.type !== 'postgres') return dataSource.runMigrations();
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      return await dataSource.runMigrations();
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await lock.release();
  }
}
