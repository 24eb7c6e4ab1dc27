import 'reflect-metadata';
import { rmSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options.js';
import { createApp, listen, loadConfigOrExit } from '../main.js';
import { DEMO_PASSWORD, seedDemo } from './demo.seed.js';

// `npm run demo`: Keeper on its own database, rebuilt with a demo company on every run.
const config = loadConfigOrExit({
  ...process.env,
  DATABASE_URL: process.env.DEMO_DATABASE_URL ?? './data/demo.sqlite',
});

if (config.database.kind === 'sqlite') {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${config.database.path}${suffix}`, { force: true });
} else {
  const dataSource = await new DataSource({ ...dataSourceOptions(config.database), migrationsRun: false }).initialize();
  await dataSource.dropDatabase();
  await dataSource.destroy();
}

const app = await createApp(config);
const people = await seedDemo(app);
await listen(app, config);

console.log(`\nKeeper demo is running at ${config.baseUrl}`);
console.log(
  `Database: ${config.database.kind === 'sqlite' ? config.database.path : 'DEMO_DATABASE_URL'} (rebuilt on every run)`,
);
console.log(`Sign in with any of these, password "${DEMO_PASSWORD}":`);
for (const person of people) console.log(`  ${person.email.padEnd(28)} ${person.description}`);
