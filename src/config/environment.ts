import { plainToInstance } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsIn,
  IsOptional,
  Matches,
  MinLength,
  ValidateBy,
  ValidateIf,
  validateSync,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';

export const ENVIRONMENTS = ['development', 'production', 'test'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
  }
}

/**
 * The variables Keeper reads, as strings, checked in this order; defaults that depend on other
 * variables (BASE_URL, MAIL_FROM) are filled in by AppConfig.
 */
export class EnvironmentVariables {
  @IsIn(ENVIRONMENTS, { message: got('must be development, production or test') })
  NODE_ENV: Environment = 'development';

  @Satisfies(isPort, { message: got('must be a whole number from 1 to 65535') })
  PORT = '3000';

  @Satisfies(isUrl, { validateIf: whenPostgres, message: 'is not a valid postgres:// URL' })
  @Satisfies(namesHostAndDatabase, {
    validateIf: whenPostgres,
    message: 'must name a host and a database, e.g. postgres://user@host:5432/keeper',
  })
  @Satisfies(isFilePath, {
    validateIf: unlessPostgres,
    message: ({ value }: ValidationArguments) =>
      `must be a SQLite file path or a postgres:// URL (got a ${urlScheme(sqlitePath(value as string))}:// URL)`,
  })
  DATABASE_URL = './data/keeper.sqlite';

  @IsOptional()
  @Satisfies(isHttpUrl, { message: got('must be an http:// or https:// URL') })
  BASE_URL?: string;

  @ValidateIf((env: EnvironmentVariables) => env.NODE_ENV === 'production' || env.SESSION_SECRET !== undefined)
  @IsDefined({ message: 'is required when NODE_ENV=production (at least 32 random characters)' })
  @MinLength(32, { message: 'must be at least 32 characters' })
  SESSION_SECRET?: string;

  @Satisfies(isSessionHours, { message: got('must be a whole number of hours from 1 to 720') })
  SESSION_ABSOLUTE_HOURS = '12';

  @IsOptional()
  @Matches(/^smtps?:\/\//i, { message: 'must start with smtp:// or smtps://' })
  @Satisfies(isUrl, { validateIf: whenSmtp, message: 'is not a valid URL' })
  SMTP_URL?: string;

  @IsOptional()
  @Matches(/@[^\s@>]+/, { message: got('must contain an email address') })
  MAIL_FROM?: string;

  /** Where candidates' replies go (their mail says so); without it, replies go to MAIL_FROM. */
  @IsOptional()
  @IsEmail({}, { message: got('must be an email address') })
  MAIL_REPLY_TO?: string;

  @Satisfies(isWholePositive, { message: got('must be a whole number of seconds, at least 1') })
  REMINDER_SWEEP_SECONDS = '900';

  /** For tests and operations: a folder of compiled migrations (.js/.mjs/.cjs) run after Keeper's own. */
  @IsOptional()
  EXTRA_MIGRATIONS_DIR?: string;
  /** How often the outbox worker looks for mail that is due; 0 only delivers right after a change queues mail. */
  @Satisfies(isSeconds, { message: got('must be a whole number of seconds from 0 to 3600') })
  OUTBOX_POLL_SECONDS = '5';

  /** PostgreSQL: connections in each process's pool (pg's `max`). */
  @Satisfies(isPoolSize, { message: got('must be a whole number from 2 to 1000') })
  DATABASE_POOL_SIZE = '10';
  /** PostgreSQL: how long a query waits for a free pooled connection before it fails (pg's `connectionTimeoutMillis`). */
  @Satisfies(isWholePositive, { message: got('must be a whole number of milliseconds, at least 1') })
  DATABASE_POOL_TIMEOUT_MS = '5000';
  /** Report queries run at once: reader threads on a SQLite file, pooled connections on PostgreSQL (the rest wait). */
  @Satisfies(isReportConcurrency, { message: got('must be a whole number from 1 to 16') })
  REPORT_CONCURRENCY = '2';
  /** How long a report query's rows are reused for the same query; unset: 30 s, or 0 with NODE_ENV=test. */
  @IsOptional()
  @Satisfies(isSeconds, { message: got('must be a whole number of seconds from 0 to 3600') })
  REPORT_CACHE_SECONDS?: string;
}

/**
 * Reads the environment (blank values count as unset) into EnvironmentVariables, or throws a ConfigError
 * naming the first wrong variable. Touches no file. Shaped as `ConfigModule.forRoot({ validate })` expects;
 * Keeper calls it before Nest starts (loadConfig), so a wrong value stops it with one line.
 */
export function validate(env: Record<string, unknown>): EnvironmentVariables {
  const given = Object.entries(env).flatMap(([name, value]) =>
    typeof value === 'string' && value.trim() ? [[name, value.trim()]] : [],
  );
  const variables = plainToInstance(EnvironmentVariables, Object.fromEntries(given));
  const [error] = validateSync(variables, { whitelist: true, stopAtFirstError: true });
  if (error) throw new ConfigError(error.property, Object.values(error.constraints ?? {})[0]);
  return variables;
}

export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

/** DATABASE_URL without the optional sqlite: or sqlite:// prefix. */
export function sqlitePath(value: string): string {
  return value.replace(/^sqlite:(\/\/)?/i, '');
}

/** A check class-validator has no decorator for; `options.message` says what is wrong. */
function Satisfies(test: (value: string) => boolean, options: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'satisfies', validator: { validate: (value: unknown) => typeof value === 'string' && test(value) } },
    options,
  );
}

function got(problem: string) {
  return ({ value }: ValidationArguments) => `${problem} (got "${value}")`;
}

function isPort(value: string): boolean {
  const port = Number(value);
  return /^\d+$/.test(value) && port >= 1 && port <= 65535;
}

function isWholePositive(value: string): boolean {
  return /^\d+$/.test(value) && Number(value) >= 1;
}

function isSeconds(value: string): boolean {
  return /^\d+$/.test(value) && Number(value) <= 3600;
}

function isPoolSize(value: string): boolean {
  return /^\d+$/.test(value) && Number(value) >= 2 && Number(value) <= 1000;
}

function isReportConcurrency(value: string): boolean {
  return /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 16;
}

function isSessionHours(value: string): boolean {
  return /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 720;
}

function whenPostgres(_: EnvironmentVariables, value: string): boolean {
  return isPostgresUrl(value);
}

function unlessPostgres(_: EnvironmentVariables, value: string): boolean {
  return !isPostgresUrl(value);
}

// As `new URL` reads it, which is how Keeper uses these values afterwards.
function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function whenSmtp(_: EnvironmentVariables, value: string): boolean {
  return /^smtps?:\/\//i.test(value);
}

function isHttpUrl(value: string): boolean {
  return ['http:', 'https:'].includes(parseUrl(value)?.protocol ?? '');
}

function isFilePath(value: string): boolean {
  return !urlScheme(sqlitePath(value));
}

function isUrl(value: string): boolean {
  return parseUrl(value) !== null;
}

/** Reports only on URLs that parse; one that does not is reported by isUrl. */
function namesHostAndDatabase(value: string): boolean {
  const url = parseUrl(value);
  return !url || (url.hostname !== '' && url.pathname.length >= 2);
}

function urlScheme(value: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1];
}
