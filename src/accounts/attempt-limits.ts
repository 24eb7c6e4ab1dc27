import { createHash } from 'node:crypto';
import {
  RateLimiterPostgres,
  RateLimiterRes,
  RateLimiterSQLite,
  type RateLimiterAbstract,
  type RateLimiterStoreAbstract,
} from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';

/** Every attempt limit in one place: `points` attempts per `minutes`, counted per key. */
export const LIMITS = {
  /** Failed sign-ins on one account from one address; beyond, that address is refused for that account. */
  signInPerAccountAndAddress: { points: 5, minutes: 15 },
  /** Failed sign-ins from one address on any accounts; beyond, the address is refused. */
  signInPerAddress: { points: 50, minutes: 15 },
  /** Failed sign-ins on one account from anywhere; beyond, every attempt waits SLOW_DOWN_MS (never refused). */
  signInPerAccount: { points: 20, minutes: 60 },
  /** Password-reset requests from one address; beyond, refused. */
  resetRequestsPerAddress: { points: 20, minutes: 15 },
  /** Password-reset mails to one address; beyond, the request answers the same but mails nothing. */
  resetMailsPerEmail: { points: 3, minutes: 60 },
  /** Invalid, used or expired invitation and reset links opened from one address; beyond, refused. */
  linkFailuresPerAddress: { points: 20, minutes: 15 },
  /** Failed uses of one link; beyond, refused. */
  linkFailuresPerToken: { points: 10, minutes: 15 },
  /** Applications sent from the careers site by one address; beyond, the form is shown again with a refusal. */
  applicationsPerAddress: { points: 10, minutes: 60 },
} as const;

export const SLOW_DOWN_MS = 500;

export type LimitName = keyof typeof LIMITS;

const TABLE = 'attempt_limits';

/**
 * A limiter whose counters live in the app's database (table attempt_limits, made by a migration), so every
 * process shares them; each `consume` is one atomic upsert.
 */
export function databaseLimiter(dataSource: DataSource, name: LimitName): RateLimiterStoreAbstract {
  const { points, minutes } = LIMITS[name];
  const options = { keyPrefix: name, points, duration: minutes * 60, tableName: TABLE, tableCreated: true };
  const driver = dataSource.driver as unknown as { master?: unknown; databaseConnection?: unknown };
  if (dataSource.options.type === 'postgres') {
    return new RateLimiterPostgres({ ...options, storeClient: driver.master, storeType: 'pool' });
  }
  return new RateLimiterSQLite({ ...options, storeClient: driver.databaseConnection, storeType: 'better-sqlite3' });
}

/** Spends one point; `allowed` is false once the key is past its limit (the point is counted either way). */
export async function spend(
  limiter: RateLimiterAbstract,
  key: string,
): Promise<{ allowed: boolean; res: RateLimiterRes }> {
  try {
    return { allowed: true, res: await limiter.consume(key) };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { allowed: false, res: error };
    throw error;
  }
}

/** Keys are hashed: the table holds no email address, link token or IP address. */
export function limitKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('base64url');
}

export function minutesUntil(results: RateLimiterRes[]): number {
  return Math.max(1, Math.ceil(Math.max(...results.map((res) => res.msBeforeNext)) / 60000));
}
