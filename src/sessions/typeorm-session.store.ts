import session from 'express-session';
import { LessThan, type DataSource, type Repository } from 'typeorm';
import { Session } from './session.entity.js';

type SessionData = session.SessionData & { userId?: number };
type Callback = (err?: unknown) => void;

const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * express-session store on the app's own database (SQLite or PostgreSQL), so several
 * processes share sessions and a user's sessions can be ended everywhere at once.
 */
export class TypeOrmSessionStore extends session.Store {
  private readonly sessions: Repository<Session>;
  private readonly pruneTimer: NodeJS.Timeout;

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
        callback(null, JSON.parse(row.data) as SessionData);
      })
      .catch((err: unknown) => callback(err));
  }

  override set(sid: string, data: SessionData, callback?: Callback): void {
    const row = { sid, userId: data.userId ?? null, data: JSON.stringify(data), expiresAt: expiryOf(data) };
    this.sessions
      .upsert(row, ['sid'])
      .then(() => callback?.())
      .catch((err: unknown) => callback?.(err));
  }

  override touch(sid: string, data: SessionData, callback?: Callback): void {
    this.sessions
      .update({ sid }, { expiresAt: expiryOf(data) })
      .then(() => callback?.())
      .catch((err: unknown) => callback?.(err));
  }

  override destroy(sid: string, callback?: Callback): void {
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
}

function expiryOf(data: SessionData): Date {
  const expires = data.cookie?.expires;
  return expires ? new Date(expires) : new Date(Date.now() + DEFAULT_TTL_MS);
}
