import { JobRunner } from '../../src/jobs/job-runner.js';
import { createBenchDatabase, openInProcess, seedBench } from './bench-seed.js';

test('keep a seeded database', async () => {
  const database = await createBenchDatabase('postgres', 'keep');
  const app = await openInProcess(database.url, 'x'.repeat(40));
  await app.app.get(JobRunner).stop();
  const seeded = await seedBench(app, Number(process.env.DIAG_N ?? 100000));
  console.log('KEPT', database.url, JSON.stringify(seeded));
  await app.close();
}, 3_600_000);
