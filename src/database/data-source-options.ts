import { resolve } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { AuditSubscriber } from '../audit/audit.subscriber.js';
import type { DatabaseConfig, DatabasePool } from '../config/app-config.js';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';

/**
 * One definition of the database for the app, the demo, the CLI and the tests. Schema changes go through
 * migrations only, run by `migrateOnce` (never by `initialize`, which would race between processes).
 * `extraMigrationsDir` (EXTRA_MIGRATIONS_DIR) adds compiled migrations from a folder after Keeper's own; `pool`
 * (DATABASE_POOL_SIZE, DATABASE_POOL_TIMEOUT_MS) sizes PostgreSQL's connection pool.
 */
export function dataSourceOptions(
  database: DatabaseConfig,
  extraMigrationsDir?: string | null,
  pool: DatabasePool = { size: 10, timeoutMs: 5000 },
): DataSourceOptions {
  const common = {
    entities,
    // Every change to a followed table is recorded in its own transaction, whoever makes it (see src/audit/).
    subscribers: [AuditSubscriber] as (typeof AuditSubscriber)[],
    migrations: extraMigrationsDir
      ? [...migrations, `${resolve(extraMigrationsDir)}/*.{js,mjs,cjs}`.replace(/\\/g, '/')]
      : migrations,
    migrationsRun: false,
    synchronize: false,
    logging: false,
  } as const;
  if (database.kind === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: database.url,
      extra: { max: pool.size, connectionTimeoutMillis: pool.timeoutMs },
    };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.path,
    timeout: 5000,
    enableWAL: true,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = NORMAL');
      // TypeORM alters an SQLite table by copying it, dropping it and renaming the copy; since SQLite 3.26 the rename
      // is refused while a trigger on another table names the dropped one (the insight summaries' triggers do).
      db.pragma('legacy_alter_table = ON');
    },
  };
}
