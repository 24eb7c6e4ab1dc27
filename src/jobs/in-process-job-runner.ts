import { JobRunner, type ScheduledJob } from './job-runner.js';

/** SQLite serves one process, so timers in that process are the whole schedule. */
export class InProcessJobRunner extends JobRunner {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;

  protected begin(job: ScheduledJob): Promise<void> {
    const timer = setInterval(() => this.tick(job), job.seconds * 1000);
    timer.unref();
    this.timers.push(timer);
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const timer of this.timers) clearInterval(timer);
    await Promise.allSettled(this.running.values());
  }

  private tick(job: ScheduledJob): void {
    if (this.stopping || this.running.has(job.name)) return;
    const run = this.run(job)
      .catch(() => undefined)
      .finally(() => this.running.delete(job.name));
    this.running.set(job.name, run);
  }
}
