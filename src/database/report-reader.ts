import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { UnitOfWork } from './unit-of-work.js';

/**
 * A reader thread's whole source: its own read-only connection on the SQLite file, one statement at a time. Given as
 * a string (`eval`), so the same code runs from compiled dist/ and from the TypeScript the tests run; better-sqlite3
 * is loaded from the path the main thread resolved.
 */
const READER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true, timeout: 5000 });
const prepared = new Map();
parentPort.on('message', ({ id, sql, params }) => {
  try {
    let statement = prepared.get(sql);
    if (!statement) {
      if (prepared.size >= 200) prepared.clear();
      statement = db.prepare(sql);
      prepared.set(sql, statement);
    }
    if (!statement.reader) throw new Error('A report query must return rows');
    parentPort.postMessage({ id, rows: statement.all(...params) });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

/** Rows are served up to this many cache times past their cache time while newer ones are computed. */
export const STALE_CACHE_TIMES = 10;

interface Pending {
  resolve(rows: unknown[]): void;
  reject(error: Error): void;
}

interface Reader {
  worker: Worker;
  pending: Map<number, Pending>;
}

/** A report query failed (the reader's or the database's error, with SQLite's code when there is one). */
export class ReportQueryError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ReportQueryError';
  }
}

/**
 * Runs the reports' read-only queries so that a heavy report never holds up other requests.
 *
 * - SQLite file: on up to REPORT_CONCURRENCY worker threads, each with its own read-only connection (WAL: readers
 *   never block the writer, nor it them). Threads start on first use, a thread that dies is replaced on the next
 *   query, and all are stopped when the app shuts down. An in-memory database cannot be shared: its queries run on
 *   the main connection.
 * - PostgreSQL: on the main pool, but at most REPORT_CONCURRENCY at once; the others wait their turn instead of taking
 *   every connection (which made other requests time out waiting for one).
 * - Identical queries (same SQL and parameters) in flight share one execution, and their rows are reused for
 *   REPORT_CACHE_SECONDS: a report may be that many seconds old. Past that time, and for up to ten times as long,
 *   the rows are still served at once while the query runs again for the next request (stale while revalidating):
 *   a report that takes seconds over a long history keeps no one waiting, and is at most eleven cache times old.
 * - Inside a unit of work, queries join its transaction on the main connection, to see what it wrote.
 *
 * Every statement is reported to the data source's logger like TypeORM's own (`logQuery`).
 */
@Injectable()
export class ReportReader implements OnApplicationShutdown {
  private readonly logger = new Logger(ReportReader.name);
  private readonly readers: Reader[] = [];
  private readonly inFlight = new Map<string, Promise<unknown[]>>();
  private readonly cache = new Map<string, { rows: unknown[]; until: number }>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly config: AppConfig,
  ) {}

  /** Whether queries run on reader threads (a SQLite file) rather than on the main connection. */
  get offThread(): boolean {
    const { options } = this.dataSource;
    return options.type === 'better-sqlite3' && options.database !== ':memory:';
  }

  /** The reader threads running now (for operations and tests). */
  get threads(): readonly Worker[] {
    return this.readers.map((reader) => reader.worker);
  }

  query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (this.uow.active) return this.uow.manager.query(sql, params) as Promise<T[]>;
    const key = JSON.stringify([sql, params]);
    const cached = this.cache.get(key);
    const now = Date.now();
    if (cached && cached.until > now) return Promise.resolve(cached.rows as T[]);
    if (cached && cached.until + this.staleMs > now) {
      // Served at once while newer rows are computed for the next request: nobody waits for a recomputation.
      this.shared(key, sql, params).catch((error: unknown) =>
        this.logger.warn({ message: 'A report refresh failed', error: String(error) }),
      );
      return Promise.resolve(cached.rows as T[]);
    }
    return this.shared(key, sql, params) as Promise<T[]>;
  }

  /** How long past the cache time rows are still served while newer ones are computed (ten cache times). */
  private get staleMs(): number {
    return this.config.reports.cacheMs * STALE_CACHE_TIMES;
  }

  /** The execution of this query in flight, or a new one; its rows are kept for the cache time. */
  private shared(key: string, sql: string, params: unknown[]): Promise<unknown[]> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const execution = this.limited(() => this.execute(sql, params)).then(
      (rows) => {
        this.inFlight.delete(key);
        if (this.config.reports.cacheMs > 0) this.remember(key, rows);
        return rows;
      },
      (error: unknown) => {
        this.inFlight.delete(key);
        throw error;
      },
    );
    this.inFlight.set(key, execution);
    return execution;
  }

  onApplicationShutdown(): Promise<void> {
    this.closed = true;
    this.cache.clear();
    const readers = this.readers.splice(0);
    for (const reader of readers) this.fail(reader, new ReportQueryError('The app is shutting down'));
    return Promise.all(readers.map((reader) => reader.worker.terminate())).then(() => undefined);
  }

  private remember(key: string, rows: unknown[]): void {
    const now = Date.now();
    if (this.cache.size >= 500) {
      for (const [old, entry] of this.cache) if (entry.until + this.staleMs <= now) this.cache.delete(old);
      if (this.cache.size >= 500) this.cache.clear();
    }
    this.cache.set(key, { rows, until: now + this.config.reports.cacheMs });
  }

  /** REPORT_CONCURRENCY, and on PostgreSQL never the whole pool: one connection is always left for the rest. */
  private get limit(): number {
    const { concurrency } = this.config.reports;
    const pool = this.config.databasePool?.size;
    return this.dataSource.options.type === 'postgres' && pool
      ? Math.max(1, Math.min(concurrency, pool - 1))
      : concurrency;
  }

  /** At most `limit` queries at once; the others wait in order. */
  private async limited<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  private execute(sql: string, params: unknown[]): Promise<unknown[]> {
    if (!this.offThread) return this.dataSource.manager.query(sql, params) as Promise<unknown[]>;
    if (this.closed) return Promise.reject(new ReportQueryError('The app is shutting down'));
    // As TypeORM's better-sqlite3 driver does: SQLite binds no booleans.
    const bound = params.map((value) => (typeof value === 'boolean' ? Number(value) : value));
    this.dataSource.logger.logQuery(sql, bound);
    const reader = this.idleReader();
    const id = ++this.nextId;
    return new Promise<unknown[]>((resolve, reject) => {
      reader.pending.set(id, { resolve, reject });
      reader.worker.ref();
      reader.worker.postMessage({ id, sql, params: bound });
    });
  }

  /** The reader with the fewest queries, or a new one while there are fewer than REPORT_CONCURRENCY. */
  private idleReader(): Reader {
    const least = [...this.readers].sort((a, b) => a.pending.size - b.pending.size)[0];
    if (least && (least.pending.size === 0 || this.readers.length >= this.config.reports.concurrency)) return least;
    return this.startReader();
  }

  private startReader(): Reader {
    const worker = new Worker(READER_SOURCE, {
      eval: true,
      workerData: {
        driver: createRequire(import.meta.url).resolve('better-sqlite3'),
        file: this.dataSource.options.database,
      },
    });
    const reader: Reader = { worker, pending: new Map() };
    this.readers.push(reader);
    worker.unref();
    worker.on('message', (message: { id: number; rows?: unknown[]; error?: { message: string; code?: string } }) => {
      const pending = reader.pending.get(message.id);
      if (!pending) return;
      reader.pending.delete(message.id);
      if (reader.pending.size === 0) worker.unref();
      if (message.error) pending.reject(new ReportQueryError(message.error.message, message.error.code));
      else pending.resolve(message.rows ?? []);
    });
    worker.on('error', (error) => this.retire(reader, error));
    worker.on('exit', (code) =>
      this.retire(reader, new ReportQueryError(`A report reader stopped (exit code ${code})`)),
    );
    return reader;
  }

  /** A reader that failed or stopped: its queries fail, and the next query starts a new reader. */
  private retire(reader: Reader, error: Error): void {
    const index = this.readers.indexOf(reader);
    if (index >= 0) this.readers.splice(index, 1);
    if (!this.closed && reader.pending.size > 0) {
      this.logger.error({ message: 'A report reader failed', error: String(error) });
    }
    this.fail(reader, error instanceof Error ? error : new ReportQueryError(String(error)));
    void reader.worker.terminate();
  }

  private fail(reader: Reader, error: Error): void {
    for (const pending of reader.pending.values()) pending.reject(error);
    reader.pending.clear();
  }
}
