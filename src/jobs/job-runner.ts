import { Logger } from '@nestjs/common';

export interface ScheduledJob {
  /** Unique across Keeper, e.g. "scorecard-reminders"; on PostgreSQL it names the pg-boss queue. */
  name: string;
  seconds: number;
  work: () => Promise<unknown>;
}

/**
 * Runs scheduled work once per tick across every Keeper process that shares the database: register with
 * `jobs.every('name', seconds, () => service.method())`, typically in `onModuleInit`. A run never overlaps
 * the previous run of the same job. On shutdown the runner stops taking jobs and waits for running ones.
 * Implemented with pg-boss on PostgreSQL and with in-process timers on SQLite (one process).
 */
export abstract class JobRunner {
  protected readonly logger = new Logger('Jobs');
  protected readonly jobs: ScheduledJob[] = [];
  private started = false;

  every(name: string, seconds: number, work: () => Promise<unknown>): void {
    if (this.jobs.some((job) => job.name === name)) throw new Error(`A job named ${name} is already registered`);
    const job = { name, seconds, work };
    this.jobs.push(job);
    if (this.started) void this.begin(job).catch((error: unknown) => this.failed(job, error));
  }

  /** Called once the application has started: every job registered so far, and later ones, begin ticking. */
  async start(): Promise<void> {
    this.started = true;
    for (const job of this.jobs) await this.begin(job);
  }

  abstract stop(): Promise<void>;

  protected abstract begin(job: ScheduledJob): Promise<void>;

  /** One run, logged; the error is passed on so the runner can record the run as failed. */
  protected async run(job: ScheduledJob): Promise<void> {
    const started = Date.now();
    try {
      await job.work();
    } catch (error) {
      this.failed(job, error);
      throw error;
    }
    this.logger.debug({ message: 'Job ran', job: job.name, durationMs: Date.now() - started });
  }

  private failed(job: ScheduledJob, error: unknown): void {
    this.logger.error({ message: 'Job failed', job: job.name, error: (error as Error)?.message ?? String(error) });
  }
}
