import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobRunner } from '../jobs/job-runner.js';
import { refreshStatistics } from './migrate-once.js';

/**
 * Every six hours the planner's statistics are refreshed: SQLite's where they have gone stale (`PRAGMA optimize`),
 * PostgreSQL's only when autovacuum is off (see refreshStatistics).
 */
@Injectable()
export class DatabaseMaintenance implements OnModuleInit {
  static readonly EVERY_SECONDS = 6 * 3600;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobRunner,
  ) {}

  onModuleInit(): void {
    this.jobs.every('database-optimize', DatabaseMaintenance.EVERY_SECONDS, () => refreshStatistics(this.dataSource));
  }
}
