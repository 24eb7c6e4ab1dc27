import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobRunner } from '../jobs/job-runner.js';
import { refreshStatistics } from './migrate-once.js';

/** Every six hours, SQLite's statistics are refreshed where they have gone stale (`PRAGMA optimize`). */
@Injectable()
export class DatabaseMaintenance implements OnModuleInit {
  static readonly EVERY_SECONDS = 6 * 3600;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobRunner,
  ) {}

  onModuleInit(): void {
    if (this.dataSource.options.type === 'postgres') return;
    this.jobs.every('database-optimize', DatabaseMaintenance.EVERY_SECONDS, () => refreshStatistics(this.dataSource));
  }
}
