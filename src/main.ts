import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { configureApp } from './app.setup.js';
import { AppLogger } from './common/app-logger.js';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config.js';
import { prepareEnvironment } from './config/prepare-environment.js';
import { reportMemoryOnSignal } from './health/memory-report.js';

/** Builds Keeper with its database migrated; on a database problem prints one line naming the cause and exits. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  let app: NestExpressApplication;
  try {
    // Silent while starting, so a failure prints only the one line below.
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
      logger: false,
      abortOnError: false,
    });
  } catch (error) {
    const variable =
      config.database.kind === 'postgres'
        ? 'DATABASE_URL (PostgreSQL)'
        : `DATABASE_URL (SQLite file ${config.database.path})`;
    fail(`Cannot open the database given by ${variable}: ${(error as Error).message}`);
  }
  return configureApp(app, config);
}

/** Serves Keeper on PORT; prints one line and exits if it cannot. */
export async function listen(app: NestExpressApplication, config: AppConfig): Promise<void> {
  try {
    await app.listen(config.port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(
      code === 'EADDRINUSE'
        ? `PORT ${config.port} is already in use: stop the other program or set PORT`
        : `Cannot listen on PORT ${config.port}: ${(error as Error).message}`,
    );
  }
  app.useLogger(new AppLogger(config.env));
}

/** The validated settings, with the data folder and development session secret ready; or one line and exit. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return prepareEnvironment(loadConfig(env));
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

function fail(line: string): never {
  console.error(line);
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = loadConfigOrExit();
  await listen(await createApp(config), config);
  reportMemoryOnSignal();
  console.log(`Keeper is running at ${config.baseUrl}`);
}
