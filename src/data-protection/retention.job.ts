import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobRunner } from '../jobs/job-runner.js';
import { RetentionService } from './retention.service.js';

/** The job ticks hourly and runs when a day has passed since the last scheduled run (see runIfDue). */
export const RETENTION_TICK_SECONDS = 3600;

/**
 * Retention's daily run on the job runner: once across processes on PostgreSQL (pg-boss), in-process on SQLite.
 * Ticking hourly rather than every 24 hours means a restart never postpones the run by a day.
 */
@Injectable()
export class RetentionJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobRunner,
    private readonly retention: RetentionService,
  ) {}

  onModuleInit(): void {
    this.jobs.every('retention', RETENTION_TICK_SECONDS, () => this.retention.runIfDue());
  }
}
