import pg from 'pg';
import PgBoss from 'pg-boss';
import { JobRunner, type ScheduledJob } from './job-runner.js';

/** pg-boss keeps its tables in this schema, which it creates and migrates itself. */
export const JOBS_SCHEMA = 'pgboss';
/** Advisory lock key: processes starting together set up pg-boss's schema and queues one at a time. */
const JOBS_SETUP_LOCK = 7_305_349_128;
const DEADLOCK = '40P01';

/**
 * Every process offers a job for each time slot (`sendThrottled`: at most one job per job name and slot of
 * `seconds`, enforced by a unique index) and works the queue; pg-boss hands each job to one worker, and the
 * "stately" policy allows one waiting and one running job per name, so runs never pile up or overlap.
 * pg-boss's cron `schedule` is not used: it ticks in whole minutes, and tests need seconds.
 */
export class PgBossJobRunner extends JobRunner {
  private readonly boss: PgBoss;
  private readonly timers: NodeJS.Timeout[] = [];
  private booted = false;

  constructor(private readonly connectionString: string) {
    super();
    this.boss = new PgBoss({
      connectionString,
      schema: JOBS_SCHEMA,
      application_name: 'keeper-jobs',
      max: 3,
      schedule: false,
    });
    this.boss.on('error', (error) => this.logger.error({ message: 'Job queue error', error: error.message }));
  }

  /** Starts pg-boss and the jobs registered so far, one process at a time (concurrent set-ups deadlocked). */
  override async start(): Promise<void> {
    const lock = new pg.Client({ connectionString: this.connectionString, application_name: 'keeper-jobs-setup' });
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [JOBS_SETUP_LOCK]);
      await this.boss.start();
      this.booted = true;
      await super.start();
    } finally {
      await lock.end();
    }
  }

  protected async begin(job: ScheduledJob): Promise<void> {
    const queue = {
      name: job.name,
      policy: 'stately' as const,
      retryLimit: 0,
      // pg-boss refuses an expiry of a day or more.
      expireInSeconds: Math.min(Math.max(job.seconds * 4, 15 * 60), 23 * 3600),
    };
    // A queue created by another process at the same moment may deadlock once; the second try finds it made.
    await this.boss
      .createQueue(job.name, queue)
      .catch((error: { code?: string }) =>
        error.code === DEADLOCK ? this.boss.createQueue(job.name, queue) : Promise.reject(error),
      );
    const pollingIntervalSeconds = Math.min(Math.max(job.seconds / 2, 0.5), 2);
    await this.boss.work(job.name, { pollingIntervalSeconds }, () => this.run(job));
    // Offered twice per slot so that a slot is never skipped; the second offer is ignored.
    const offer = () =>
      this.boss
        .sendThrottled(job.name, {}, {}, job.seconds, job.name)
        .catch((error: Error) => this.logger.error({ message: 'Job not queued', job: job.name, error: error.message }));
    const timer = setInterval(offer, (job.seconds * 1000) / 2);
    timer.unref();
    this.timers.push(timer);
  }

  /** Stops offering and fetching, waits for running jobs (up to 30 s), then closes pg-boss's connections. */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    if (!this.booted) return;
    this.booted = false;
    await this.boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  }
}
