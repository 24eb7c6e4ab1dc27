import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { isPostgresUrl, sqlitePath, validate, type Environment, type EnvironmentVariables } from './environment.js';

export { ConfigError, type Environment } from './environment.js';

export type DatabaseConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/** PostgreSQL's connection pool in each process (pg's `max` and `connectionTimeoutMillis`). */
export interface DatabasePool {
  size: number;
  timeoutMs: number;
}

/** How reports read (see ReportReader): how many queries at once, and how long identical queries share rows. */
export interface ReportSettings {
  concurrency: number;
  cacheMs: number;
}

/** The whole environment, validated once at start-up, as the typed object services inject. */
export class AppConfig {
  readonly env: Environment;
  readonly port: number;
  readonly baseUrl: URL;
  readonly database: DatabaseConfig;
  readonly sessionSecret: string;
  /** How long a sign-in lasts however active the person is (the idle timeout ends it sooner). */
  readonly sessionAbsoluteMs: number;
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  /** Where replies to mail go (MAIL_REPLY_TO), or null to let them go to MAIL_FROM. */
  readonly mailReplyTo: string | null;
  /** How often overdue scorecards are looked for (REMINDER_SWEEP_SECONDS, a quarter hour by default). */
  readonly reminderSweepSeconds: number;
  readonly extraMigrationsDir: string | null;
  readonly outboxPollSeconds: number;
  readonly databasePool: DatabasePool;
  readonly reports: ReportSettings;

  /**
   * Without SESSION_SECRET, sessions are signed with `keptSessionSecret` (the one start-up keeps beside
   * the SQLite file, see prepareEnvironment) or else with a secret that lasts as long as the process.
   */
  constructor(
    readonly variables: EnvironmentVariables,
    keptSessionSecret?: string,
  ) {
    this.env = variables.NODE_ENV;
    this.port = Number(variables.PORT);
    this.baseUrl = new URL(variables.BASE_URL ?? `http://localhost:${this.port}`);
    this.database = databaseConfig(variables.DATABASE_URL);
    this.sessionSecret = variables.SESSION_SECRET ?? keptSessionSecret ?? randomBytes(32).toString('hex');
    this.sessionAbsoluteMs = Number(variables.SESSION_ABSOLUTE_HOURS) * 60 * 60 * 1000;
    this.smtpUrl = variables.SMTP_URL ?? null;
    const host = this.baseUrl.hostname === 'localhost' ? 'localhost.localdomain' : this.baseUrl.hostname;
    this.mailFrom = variables.MAIL_FROM ?? `Keeper <keeper@${host}>`;
    this.mailReplyTo = variables.MAIL_REPLY_TO ?? null;
    this.reminderSweepSeconds = Number(variables.REMINDER_SWEEP_SECONDS);
    this.extraMigrationsDir = variables.EXTRA_MIGRATIONS_DIR ? resolve(variables.EXTRA_MIGRATIONS_DIR) : null;
    this.outboxPollSeconds = Number(variables.OUTBOX_POLL_SECONDS);
    this.databasePool = {
      size: Number(variables.DATABASE_POOL_SIZE),
      timeoutMs: Number(variables.DATABASE_POOL_TIMEOUT_MS),
    };
    const cacheSeconds = variables.REPORT_CACHE_SECONDS ?? (this.env === 'test' ? '0' : '30');
    this.reports = { concurrency: Number(variables.REPORT_CONCURRENCY), cacheMs: Number(cacheSeconds) * 1000 };
  }

  /** MAIL_FROM's address without its display name (mail to candidates carries the company's name instead). */
  get mailFromAddress(): string {
    return /<([^>]+)>/.exec(this.mailFrom)?.[1] ?? this.mailFrom;
  }

  get isProduction(): boolean {
    return this.env === 'production';
  }

  get secureCookies(): boolean {
    return this.baseUrl.protocol === 'https:';
  }

  /** An absolute link for mail, e.g. link('/invitations/abc'). */
  link(path: string): string {
    return new URL(path, this.baseUrl).toString();
  }
}

/** Reads the environment into an AppConfig, or throws a ConfigError naming the variable. Touches no file. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  return new AppConfig(validate(env));
}

function databaseConfig(url: string): DatabaseConfig {
  if (isPostgresUrl(url)) return { kind: 'postgres', url };
  const path = sqlitePath(url);
  return { kind: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
}
