// `npm run bench [-- --db sqlite|postgres|both] [--quick] [--scales 1000,100000] [--seconds 5]`: translates the
// options into the environment test/bench/pages.bench-spec.ts reads and runs it in Jest's `bench` project.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    quick: { type: 'boolean', default: false },
    scales: { type: 'string' },
    seconds: { type: 'string' },
  },
});
if (!['sqlite', 'postgres', 'both'].includes(values.db)) {
  console.error('--db must be sqlite, postgres or both');
  process.exit(2);
}
const env = {
  ...process.env,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim(),
  BENCH_DB: values.db,
  BENCH_QUICK: values.quick ? '1' : '0',
  ...(values.scales ? { BENCH_SCALES: values.scales } : {}),
  ...(values.seconds ? { BENCH_SECONDS: values.seconds } : {}),
};
const jest = spawn(
  'npx',
  ['jest', '--runInBand', '--selectProjects', 'bench', '--', 'test/bench/pages.bench-spec.ts'],
  { env, stdio: 'inherit' },
);
jest.on('exit', (code) => process.exit(code ?? 1));
