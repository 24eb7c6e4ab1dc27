import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { DatabaseMaintenance } from './database-maintenance.js';
import { dataSourceOptions } from './data-source-options.js';
import { migrateOnce } from './migrate-once.js';
import { ReportReader } from './report-reader.js';
import { UnitOfWork } from './unit-of-work.js';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.database, config.extraMigrationsDir, config.databasePool),
        retryAttempts: 0,
      }),
      // Migrated before any module starts, so every service sees the current schema.
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        try {
          await migrateOnce(dataSource);
        } catch (error) {
          await dataSource.destroy();
          throw error;
        }
        return dataSource;
      },
    }),
  ],
  providers: [UnitOfWork, DatabaseMaintenance, ReportReader],
  exports: [UnitOfWork, ReportReader],
})
export class DatabaseModule {}
