import session from 'express-session';
import { LessThan, type DataSource, type Repository } from 'typeorm';
import { Session } from './session.entity.js';

type SessionData = session.SessionData & { userId?: number };
type Callback = (err?: unknown) => void;

const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;
/** A touch moving a session's expiry by less than this writes nothing: one write a minute at most per session. */
export const TOUCH_INTERVAL_MS = 60 * 1000;
/** How many sessions' stored expiries a process remembers before it starts again (a bound, not a cache policy). */
const REMEMBERED_EXPIRIES = 10_000;

/**
 * express-session store on the app's own database (SQLite or PostgreSQL), so several
 * processes share sessions and a user's sessions can be ended everywhere at once.
 */
export class TypeOrmSessionStore extends session.Store {
  private readonly sessions: Repository<Session>;
  private readonly pruneTimer: NodeJS.Timeout;
  /** The expiry each session has in the database, as this process last read or wrote it. */
  private readonly storedExpiry = new Map<string, number>();

  constructor(dataSource: DataSource, pruneIntervalMs = 15 * 60 * 1000) {
    super();
    this.sessions = dataSource.getRepository(Session);
    this.pruneTimer = setInterval(() => void this.pruneExpired().catch(() => undefined), pruneIntervalMs);
    this.pruneTimer.unref();
  }

  override get(sid: string, callback: (err: unknown, session?: SessionData | null) => void): void {
    this.sessions
      .findOneBy({ sid })
      .then((row) => {
        if (!row || row.expiresAt.getTime() <= Date.now()) return callback(null, null);
        this.remember(sid, row.expiresAt.getTime());
        callback(null, JSON.parse(row.data) as SessionData);
      })
      .catch((err: unknown) => callback(err));
  }

  override set(sid: string, data: SessionData, callback?: Callback): void {
    const row = { sid, userId: data.userId ?? null, data: JSON.stringify(data), expiresAt: expiryOf(data) };
    this.sessions
      .upsert(row, ['sid'])
      .then(() => {
        this.remember(sid, row.expiresAt.getTime());
        callback?.();
      })
      .catch((err: unknown) => callback?.(err));
  }

  /**
   * Every request of a signed-in person moves their session's expiry (rolling sessions). Writing that on every
   * request made each page a database write; a move of less than a minute is skipped, so the stored expiry lags the
   * cookie's by at most a minute (the idle timeout is hours) and another process's reads are unaffected.
   */
  override touch(sid: string, data: SessionData, callback?: Callback): void {
    const expiresAt = expiryOf(data);
    const stored = this.storedExpiry.get(sid);
    if (stored !== undefined && expiresAt.getTime() - stored < TOUCH_INTERVAL_MS) return void callback?.();
    this.sessions
      .update({ sid }, { expiresAt })
      .then(() => {
        this.remember(sid, expiresAt.getTime());
        callback?.();
      })
      .catch((err: unknown) => callback?.(err));
  }

  override destroy(sid: string, callback?: Callback): void {
    this.storedExpiry.delete(sid);
    this.sessions
      .delete({ sid })
      .then(() => callback?.())
      .catch((err: unknown) => callback?.(err));
  }

  /** Signs a user out on every device. */
  async destroyAllForUser(userId: number, exceptSid?: string): Promise<void> {
    const query = this.sessions.createQueryBuilder().delete().where('userId = :userId', { userId });
    if (exceptSid) query.andWhere('sid != :exceptSid', { exceptSid });
    await query.execute();
  }

  async pruneExpired(): Promise<void> {
    await this.sessions.delete({ expiresAt: LessThan(new Date()) });
  }

  close(): void {
    clearInterval(this.pruneTimer);
  }

  private remember(sid: string, expiresAt: number): void {
    if (this.storedExpiry.size >= REMEMBERED_EXPIRIES) this.storedExpiry.clear();
    this.storedExpiry.set(sid, expiresAt);
  }
}

function expiryOf(data: SessionData): Date {
  const expires = data.cookie?.expires;
  return expires ? new Date(expires) : new Date(Date.now() + DEFAULT_TTL_MS);
}
