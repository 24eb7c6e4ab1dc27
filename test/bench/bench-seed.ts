import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { User } from '../../src/accounts/entities/user.entity.js';
import { AppModule } from '../../src/app.module.js';
import { configureApp } from '../../src/app.setup.js';
import { Application } from '../../src/candidates/entities/application.entity.js';
import { Candidate } from '../../src/candidates/entities/candidate.entity.js';
import { loadConfig } from '../../src/config/app-config.js';
import { seedDemo } from '../../src/demo/demo.seed.js';
import { Interview } from '../../src/interviews/entities/interview.entity.js';
import { seedBulkHistory } from '../support/insights-bulk.js';
import { person } from '../support/insights-data.js';
import type { TestApp } from '../support/test-app.js';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** An empty database: a SQLite file in a temporary folder, or a new PostgreSQL database `keeper_bench_…`. */
export async function createBenchDatabase(kind: DatabaseKind, label: string): Promise<BenchDatabase> {
  if (kind === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), `keeper-bench-${label}-`));
    return { url: join(folder, 'keeper.sqlite'), drop: async () => rmSync(folder, { recursive: true, force: true }) };
  }
  const adminUrl =
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `keeper_bench_${label}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The app in this process on the given database (its migrations run as it starts), for seeding and counting. */
export async function openInProcess(databaseUrl: string, sessionSecret: string): Promise<TestApp> {
  const config = loadConfig({ NODE_ENV: 'test', SESSION_SECRET: sessionSecret, DATABASE_URL: databaseUrl });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: false,
    abortOnError: false,
  });
  await configureApp(app, config);
  await app.init();
  return {
    app,
    config,
    dataSource: app.get(DataSource),
    server: app.getHttpServer(),
    close: () => app.close(),
  };
}

/** Who signs in, and the records the measured pages open. */
export interface Seeded {
  positionId: number;
  applicationId: number;
  interviewId: number;
  emails: { manager: string; interviewer: string; newHire: string; compliance: string };
}

/**
 * The demo company (a hiring manager, two interviewers with panels, an interview whose every scorecard is in and
 * decided, a new hire in week 2 with onboarding and a development plan, a compliance officer), then `applications`
 * bulk applications in the demo's open position with complete interviews on the two interviewers' panels.
 */
export async function seedBench(testApp: TestApp, applications: number): Promise<Seeded> {
  await seedDemo(testApp.app);
  const dataSource = testApp.dataSource;
  const users = dataSource.getRepository(User);
  const manager = await users.findOneByOrFail({ email: 'manager@keeper.demo' });
  const priya = await users.findOneByOrFail({ email: 'interviewer@keeper.demo' });
  const tom = await users.findOneByOrFail({ email: 'interviewer2@keeper.demo' });
  const chloe = await dataSource.getRepository(Candidate).findOneByOrFail({ name: 'Chloe Martin' });
  const application = await dataSource.getRepository(Application).findOneByOrFail({ candidateId: chloe.id });
  const interview = await dataSource.getRepository(Interview).findOneByOrFail({ applicationId: application.id });
  const third = await person(dataSource, 'Bench Panelist');
  await seedBulkHistory(dataSource, {
    positionId: application.positionId,
    managerId: manager.id,
    panelistIds: [priya.id, tom.id, third.id],
    applications,
    questions: 14,
    tag: 'x',
  });
  return {
    positionId: application.positionId,
    applicationId: application.id,
    interviewId: interview.id,
    emails: {
      manager: manager.email,
      interviewer: priya.email,
      newHire: 'newhire@keeper.demo',
      compliance: 'compliance@keeper.demo',
    },
  };
}
