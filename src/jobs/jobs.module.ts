import { Global, Module, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { InProcessJobRunner } from './in-process-job-runner.js';
import { JobRunner } from './job-runner.js';
import { PgBossJobRunner } from './pg-boss-job-runner.js';

/**
 * Scheduled work that runs once across Keeper's processes. Modules register in `onModuleInit`; the runner
 * starts when the application has started, and stops before the HTTP server and the database close.
 */
@Global()
@Module({
  providers: [
    {
      provide: JobRunner,
      inject: [AppConfig],
      useFactory: (config: AppConfig): JobRunner =>
        config.database.kind === 'postgres' ? new PgBossJobRunner(config.database.url) : new InProcessJobRunner(),
    },
  ],
  exports: [JobRunner],
})
export class JobsModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly jobs: JobRunner) {}

  onApplicationBootstrap(): Promise<void> {
    return this.jobs.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.jobs.stop();
  }
}
