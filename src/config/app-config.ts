import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export type Environment = 'development' | 'production' | 'test';

export type DatabaseConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/** The whole environment, validated once at start-up. */
export class AppConfig {
  constructor(
    readonly env: Environment,
    readonly port: number,
    readonly baseUrl: URL,
    readonly database: DatabaseConfig,
    readonly sessionSecret: string,
    readonly smtpUrl: string | null,
    readonly mailFrom: string,
  ) {}

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

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
  }
}

type Env = Record<string, string | undefined>;

const DEFAULT_SQLITE_PATH = './data/keeper.sqlite';

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = parseEnvironment(env.NODE_ENV);
  const port = parsePort(env.PORT);
  const database = parseDatabase(env.DATABASE_URL);
  const baseUrl = parseBaseUrl(env.BASE_URL, port);
  return new AppConfig(
    nodeEnv,
    port,
    baseUrl,
    database,
    parseSessionSecret(env.SESSION_SECRET, nodeEnv, database),
    parseSmtpUrl(env.SMTP_URL),
    parseMailFrom(env.MAIL_FROM, baseUrl),
  );
}

function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function parseEnvironment(value: string | undefined): Environment {
  const env = present(value) ?? 'development';
  if (env === 'development' || env === 'production' || env === 'test') return env;
  throw new ConfigError('NODE_ENV', `must be development, production or test (got "${env}")`);
}

function parsePort(value: string | undefined): number {
  const raw = present(value) ?? '3000';
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    throw new ConfigError('PORT', `must be a whole number from 1 to 65535 (got "${raw}")`);
  }
  return port;
}

function parseDatabase(value: string | undefined): DatabaseConfig {
  const raw = present(value) ?? DEFAULT_SQLITE_PATH;
  if (/^postgres(ql)?:\/\//i.test(raw)) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new ConfigError('DATABASE_URL', 'is not a valid postgres:// URL');
    }
    if (!url.hostname || url.pathname.length < 2) {
      throw new ConfigError('DATABASE_URL', 'must name a host and a database, e.g. postgres://user@host:5432/keeper');
    }
    return { kind: 'postgres', url: raw };
  }
  const sqlitePath = raw.replace(/^sqlite:(\/\/)?/i, '');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(sqlitePath)) {
    throw new ConfigError(
      'DATABASE_URL',
      `must be a SQLite file path or a postgres:// URL (got a ${sqlitePath.split(':')[0]}:// URL)`,
    );
  }
  if (sqlitePath === ':memory:') return { kind: 'sqlite', path: sqlitePath };
  const path = resolve(sqlitePath);
  const folder = dirname(path);
  try {
    mkdirSync(folder, { recursive: true });
  } catch {
    throw new ConfigError('DATABASE_URL', `points into a folder that cannot be created: ${folder}`);
  }
  return { kind: 'sqlite', path };
}

function parseBaseUrl(value: string | undefined, port: number): URL {
  const raw = present(value) ?? `http://localhost:${port}`;
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // reported below
  }
  throw new ConfigError('BASE_URL', `must be an http:// or https:// URL (got "${raw}")`);
}

function parseSessionSecret(value: string | undefined, env: Environment, database: DatabaseConfig): string {
  const secret = present(value);
  if (secret) {
    if (secret.length < 32) throw new ConfigError('SESSION_SECRET', 'must be at least 32 characters');
    return secret;
  }
  if (env === 'production') {
    throw new ConfigError('SESSION_SECRET', 'is required when NODE_ENV=production (at least 32 random characters)');
  }
  if (database.kind === 'postgres' || database.path === ':memory:') return randomBytes(32).toString('hex');
  // In development the secret is generated once and kept beside the database, so sessions survive restarts.
  const file = resolve(dirname(database.path), 'session-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

function parseSmtpUrl(value: string | undefined): string | null {
  const raw = present(value);
  if (!raw) return null;
  if (!/^smtps?:\/\//i.test(raw)) {
    throw new ConfigError('SMTP_URL', 'must start with smtp:// or smtps://');
  }
  try {
    new URL(raw);
  } catch {
    throw new ConfigError('SMTP_URL', 'is not a valid URL');
  }
  return raw;
}

function parseMailFrom(value: string | undefined, baseUrl: URL): string {
  const raw =
    present(value) ??
    `Keeper <keeper@${baseUrl.hostname === 'localhost' ? 'localhost.localdomain' : baseUrl.hostname}>`;
  if (!/@[^\s@>]+/.test(raw)) throw new ConfigError('MAIL_FROM', `must contain an email address (got "${raw}")`);
  return raw;
}
