import autocannon, { type Result } from 'autocannon';
import { appendFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../src/demo/demo.seed.js';
import { JobRunner } from '../../src/jobs/job-runner.js';
import { signIn, type Agent } from '../support/http.js';
import { recordQueries } from '../support/query-counter.js';
import { startProductionServer, signInOver, type BenchServer } from './bench-server.js';
import { createBenchDatabase, openInProcess, seedBench, type DatabaseKind, type Seeded } from './bench-seed.js';

/**
 * `npm run bench [-- --db sqlite|postgres] [--quick]` (test/bench/run.mjs sets BENCH_DB and BENCH_QUICK): each key
 * page of a production server (`node dist/main.js`) over a small and a large history, under autocannon with 20
 * connections, with /health measured right before each page as the yardstick for how busy the machine was.
 * Not a test: `npm test` does not run it, and it asserts only that the harness itself worked.
 */
const QUICK = process.env.BENCH_QUICK === '1';
const DATABASES = (
  process.env.BENCH_DB && process.env.BENCH_DB !== 'both' ? [process.env.BENCH_DB] : ['sqlite', 'postgres']
) as DatabaseKind[];
const SCALES = (process.env.BENCH_SCALES ?? (QUICK ? '1000,10000' : '1000,100000')).split(',').map(Number);
const PAGE_SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 2 : 5));
const HEALTH_SECONDS = QUICK ? 1 : 2;
const SETTLE_SECONDS = QUICK ? 10 : 30;
const CONNECTIONS = 20;
const SECRET = 'bench-session-secret-that-is-long-enough-0123';
const RESULTS = join(tmpdir(), 'keeper-bench-results.txt');

/** An autocannon result; `byCount` when it was measured by a number of requests rather than a duration. */
type Run = Result & { byCount?: boolean };
type Role = 'manager' | 'interviewer' | 'newHire' | 'compliance';
interface Page {
  name: string;
  role: Role;
  path: string;
}
interface Measured {
  page: Page;
  health: Run;
  result: Run;
  statements: number;
}
interface Memory {
  before: number;
  after: number;
  settled: number;
  /** The main thread's JavaScript heap after load and once settled, "used/total" MB (default malloc run only). */
  heapAfter?: string;
  heapSettled?: string;
}
interface ScaleRun {
  scale: number;
  seedSeconds: number;
  rows: Measured[];
  /** /health alone; beside 5 connections on the funnel; beside 5 on the plain change-password form (the baseline). */
  contention: { alone: Run; loaded: Run; funnel: Run; baseline: Run; form: Run };
  memory: Memory;
  arenaMemory?: Memory;
}

const out = (text: string) => {
  process.stdout.write(`${text}\n`);
  appendFileSync(RESULTS, `${text}\n`);
};
const progress = (text: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}\n`);

/** The statements one request for the page sends: of two requests the fewer (a session touch lands in only one). */
async function countStatements(testApp: Awaited<ReturnType<typeof openInProcess>>, agent: Agent, path: string) {
  const counts: number[] = [];
  for (let run = 0; run < 2; run += 1) {
    const statements = await recordQueries(testApp.dataSource, async () => {
      const response = await agent.get(path);
      if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status} while counting`);
    });
    counts.push(statements.length);
  }
  return Math.min(...counts);
}

function pagesFor(seeded: Seeded, lastPage: number, hireId: number): Page[] {
  const p = seeded.positionId;
  return [
    { name: 'pipeline board', role: 'manager', path: `/positions/${p}/board` },
    { name: 'application list p.1', role: 'manager', path: `/positions/${p}/applications` },
    { name: 'application list p.last', role: 'manager', path: `/positions/${p}/applications?page=${lastPage}` },
    // One match at both scales (a name term such as "Bulk x 777" finds 1 at 1,000 and 111 at 100,000: 777, 7770…).
    { name: 'candidate search', role: 'manager', path: '/candidates?q=bulk-x-777%40example.org' },
    { name: 'application', role: 'manager', path: `/applications/${seeded.applicationId}` },
    { name: 'debrief', role: 'manager', path: `/interviews/${seeded.interviewId}/debrief` },
    { name: 'insights funnel', role: 'manager', path: `/insights/funnel?positionId=${p}` },
    { name: 'insights calibration', role: 'manager', path: `/insights/calibration?positionId=${p}` },
    { name: 'insights validity', role: 'manager', path: `/insights/validity?positionId=${p}` },
    { name: 'insights cost', role: 'manager', path: `/insights/cost?positionId=${p}` },
    { name: 'insights sources', role: 'manager', path: `/insights/sources?positionId=${p}` },
    { name: 'adverse impact', role: 'compliance', path: '/insights/adverse-impact' },
    { name: 'manager home', role: 'manager', path: '/' },
    { name: 'interviewer home', role: 'interviewer', path: '/' },
    { name: 'new-hire home', role: 'newHire', path: '/' },
    { name: 'onboarding', role: 'newHire', path: `/hires/${hireId}` },
    { name: 'development plan', role: 'newHire', path: `/hires/${hireId}/plan` },
  ];
}

/**
 * One autocannon run. Afterwards one /health request and half a second's pause: autocannon closes its sockets, but
 * the server still finishes the requests it had taken, and that backlog must not be counted against the next run.
 * A page so slow that fewer responses than connections came back in the time is measured again by count instead:
 * one request per connection, however long that takes (marked * in the table).
 */
async function cannon(
  server: BenchServer,
  path: string,
  cookie: string | null,
  connections: number,
  seconds: number,
  byCountIfSlow = true,
): Promise<Run> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  // A 60 s timeout (autocannon's default is 10 s): a slow page under 20 connections is measured, not dropped.
  const options = { url: `${server.url}${path}`, connections, headers, timeout: 60 };
  const result: Run = await autocannon({ ...options, duration: seconds });
  await drain(server);
  if (result.requests.total >= connections || !byCountIfSlow) return result;
  const counted: Run = await autocannon({ ...options, amount: connections });
  await drain(server);
  return Object.assign(counted, { byCount: true });
}

async function drain(server: BenchServer) {
  await (await fetch(`${server.url}/health`)).arrayBuffer();
  await new Promise((done) => setTimeout(done, 500));
}

/** Completed responses per second over the run (autocannon's per-second average is coarse in short runs). */
const rps = (result: Run) => result.requests.total / result.duration;

async function signInAll(server: BenchServer, seeded: Seeded): Promise<Record<Role, string>> {
  const cookies = {} as Record<Role, string>;
  for (const role of ['manager', 'interviewer', 'newHire', 'compliance'] as Role[])
    cookies[role] = await signInOver(server.url, seeded.emails[role], DEMO_PASSWORD);
  return cookies;
}

async function runScale(kind: DatabaseKind, scale: number): Promise<ScaleRun> {
  const database = await createBenchDatabase(kind, String(scale));
  try {
    progress(`${kind} ${scale}: migrating and seeding`);
    const seeding = Date.now();
    const inProcess = await openInProcess(database.url, SECRET);
    let seeded!: Seeded;
    let pages!: Page[];
    let seedSeconds = 0;
    const statements = new Map<string, number>();
    try {
      seeded = await seedBench(inProcess, scale);
      seedSeconds = (Date.now() - seeding) / 1000;
      progress(`${kind} ${scale}: seeded in ${seedSeconds.toFixed(0)} s; counting statements`);
      await inProcess.app.get(JobRunner).stop();
      const agents = {} as Record<Role, Agent>;
      for (const role of ['manager', 'interviewer', 'newHire', 'compliance'] as Role[])
        agents[role] = await signIn(inProcess, seeded.emails[role], DEMO_PASSWORD);
      const list = await agents.manager.get(`/positions/${seeded.positionId}/applications`).expect(200);
      const lastPage = Math.max(1, ...[...list.text.matchAll(/[?&;]page=(\d+)/g)].map((match) => Number(match[1])));
      const plan = await agents.newHire.get('/my/plan').expect(303);
      const hireId = Number(/\/hires\/(\d+)\/plan/.exec(plan.headers.location)![1]);
      pages = pagesFor(seeded, lastPage, hireId);
      for (const page of pages)
        statements.set(page.name, await countStatements(inProcess, agents[page.role], page.path));
      // What autovacuum does between a bulk load and the first users (it is off on this machine's PostgreSQL): the
      // summaries' dirty marks from the load are gone, their dead rows would otherwise be read by every report.
      if (kind === 'postgres') await inProcess.dataSource.query('VACUUM (ANALYZE)');
    } finally {
      await inProcess.close();
    }

    const log = join(tmpdir(), `keeper-bench-${kind}-${scale}.log`);
    writeFileSync(log, '');
    const server = await startProductionServer(database.url, SECRET, log);
    const rows: Measured[] = [];
    let contention!: ScaleRun['contention'];
    let memory!: Memory;
    try {
      const cookies = await signInAll(server, seeded);
      // One request per page before measuring: the view cache and the first queries' plans are warm.
      for (const page of pages) {
        const response = await fetch(`${server.url}${page.path}`, { headers: { cookie: cookies[page.role] } });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${page.path} answered ${response.status} on the server`);
      }
      const before = server.rssMb();
      for (const page of pages) {
        progress(`${kind} ${scale}: ${page.name}`);
        const health = await cannon(server, '/health', null, CONNECTIONS, HEALTH_SECONDS);
        const result = await cannon(server, page.path, cookies[page.role], CONNECTIONS, PAGE_SECONDS);
        rows.push({ page, health, result, statements: statements.get(page.name)! });
      }
      progress(`${kind} ${scale}: /health alone, beside 5 connections on the funnel, beside 5 on a plain form`);
      const funnelPath = pages.find((page) => page.name === 'insights funnel')!.path;
      const alone = await cannon(server, '/health', null, CONNECTIONS, PAGE_SECONDS, false);
      const [loaded, funnel] = await Promise.all([
        cannon(server, '/health', null, CONNECTIONS, PAGE_SECONDS, false),
        cannon(server, funnelPath, cookies.manager, 5, PAGE_SECONDS, false),
      ]);
      // The baseline: the same 5 connections on the lightest signed-in page, to tell the report's own cost from the
      // share of two cores that any 5 busy connections take.
      const [baseline, form] = await Promise.all([
        cannon(server, '/health', null, CONNECTIONS, PAGE_SECONDS, false),
        cannon(server, '/account/password', cookies.manager, 5, PAGE_SECONDS, false),
      ]);
      contention = { alone, loaded, funnel, baseline, form };
      const after = server.rssMb();
      const heapAfter = await server.heapMb();
      progress(`${kind} ${scale}: waiting ${SETTLE_SECONDS} s for memory to settle`);
      await new Promise((done) => setTimeout(done, SETTLE_SECONDS * 1000));
      memory = { before, after, settled: server.rssMb(), heapAfter, heapSettled: await server.heapMb() };
    } finally {
      await server.stop();
    }
    const run: ScaleRun = { scale, seedSeconds, rows, contention, memory };
    if (scale === Math.max(...SCALES)) run.arenaMemory = await arenaRun(kind, scale, database.url, seeded, pages);
    return run;
  } finally {
    await database.drop();
  }
}

/** The same pages once more on a fresh server with MALLOC_ARENA_MAX=2 (no /health runs), for its RSS. */
async function arenaRun(kind: DatabaseKind, scale: number, url: string, seeded: Seeded, pages: Page[]) {
  progress(`${kind} ${scale}: MALLOC_ARENA_MAX=2 run`);
  const log = join(tmpdir(), `keeper-bench-${kind}-${scale}-arena.log`);
  writeFileSync(log, '');
  const server = await startProductionServer(url, SECRET, log, { MALLOC_ARENA_MAX: '2' });
  try {
    const cookies = await signInAll(server, seeded);
    const before = server.rssMb();
    for (const page of pages) await cannon(server, page.path, cookies[page.role], CONNECTIONS, PAGE_SECONDS);
    const after = server.rssMb();
    await new Promise((done) => setTimeout(done, SETTLE_SECONDS * 1000));
    return { before, after, settled: server.rssMb() };
  } finally {
    await server.stop();
  }
}

const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

function table(kind: DatabaseKind, runs: ScaleRun[]): string {
  const [small, big] = runs;
  const header = ['page'];
  for (const run of runs) {
    const n = run.scale.toLocaleString('en');
    header.push(`req/s@${n}`, '%health', 'p50 ms', 'p99 ms', 'non2xx', 'err', 'stmts');
  }
  if (big) header.push('cost×rps', 'cost×lat');
  const lines: string[][] = [header];
  small.rows.forEach((row, index) => {
    const line = [row.page.name];
    for (const run of runs) {
      const { result, health, statements } = run.rows[index];
      line.push(
        `${result.byCount ? '*' : ''}${fixed(rps(result))}`,
        `${fixed((100 * rps(result)) / rps(health), 1)}%`,
        fixed(result.latency.p50),
        fixed(result.latency.p99),
        String(result.non2xx),
        String(result.errors),
        String(statements),
      );
    }
    if (big) {
      const a = small.rows[index].result;
      const b = big.rows[index].result;
      line.push(fixed(rps(a) / rps(b), 2), fixed(b.latency.mean / a.latency.mean, 2));
    }
    lines.push(line);
  });
  const widths = header.map((_, column) => Math.max(...lines.map((line) => line[column].length)));
  const render = (line: string[]) =>
    line.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]))).join('  ');
  const text = [
    `\n=== ${kind}: ${runs.map((run) => `${run.scale.toLocaleString('en')} applications (seeded in ${fixed(run.seedSeconds)} s)`).join(', ')}; ${CONNECTIONS} connections, ${PAGE_SECONDS} s per page, /health ${HEALTH_SECONDS} s before each ===`,
    render(lines[0]),
    ...lines.slice(1).map(render),
    `%health: the page's req/s as a share of /health's just before it. cost×rps: req/s at ${small.scale.toLocaleString('en')} ÷ req/s at ${big?.scale.toLocaleString('en') ?? '-'}; cost×lat: mean latency ratio, same direction. err: connection errors, timeouts (60 s) included. *: fewer answers than connections in the time, so measured as one request per connection.`,
  ];
  for (const run of runs) {
    const { alone, loaded, funnel, baseline, form } = run.contention;
    const slowdown = (beside: Run) => fixed(100 * (1 - rps(beside) / rps(alone)), 1);
    text.push(
      `${run.scale.toLocaleString('en')}: /health alone ${fixed(rps(alone))} req/s (p99 ${alone.latency.p99} ms); beside 5 connections on the funnel ${fixed(rps(loaded))} req/s (p99 ${loaded.latency.p99} ms): ${slowdown(loaded)}% slower, the funnel meanwhile ${fixed(rps(funnel), 1)} req/s; beside 5 on the change-password form ${fixed(rps(baseline))} req/s (p99 ${baseline.latency.p99} ms): ${slowdown(baseline)}% slower, the form meanwhile ${fixed(rps(form), 1)} req/s`,
    );
    const memory = (label: string, m: Memory) =>
      `${label} RSS ${m.before} MB before load, ${m.after} MB after, ${m.settled} MB ${SETTLE_SECONDS} s later${m.heapAfter?.includes('full collection') ? ' (the first heap reading ran a full collection)' : ''}` +
      (m.heapAfter
        ? ` (JavaScript heap of the main thread, used/total MB: ${m.heapAfter} after, ${m.heapSettled} later)`
        : '');
    text.push(`${run.scale.toLocaleString('en')}: ${memory('default malloc:', run.memory)}`);
    if (run.arenaMemory)
      text.push(
        `${run.scale.toLocaleString('en')}: ${memory('MALLOC_ARENA_MAX=2:', run.arenaMemory)} (pages only, no /health runs)`,
      );
  }
  return text.join('\n');
}

describe('Page benchmark', () => {
  it(
    `measures the key pages on ${DATABASES.join(' and ')} at ${SCALES.join(' and ')} applications`,
    async () => {
      writeFileSync(RESULTS, '');
      const started = Date.now();
      for (const kind of DATABASES) {
        const runs: ScaleRun[] = [];
        for (const scale of SCALES) runs.push(await runScale(kind, scale));
        out(table(kind, runs));
        // The harness worked: every page answered and was measured (speed is reported, not judged).
        for (const run of runs)
          for (const row of run.rows)
            expect({ page: row.page.name, answered: row.result.requests.total > 0 }).toEqual({
              page: row.page.name,
              answered: true,
            });
      }
      out(`\nTotal ${fixed((Date.now() - started) / 60_000, 1)} min; results also in ${RESULTS}`);
    },
    4 * 60 * 60 * 1000,
  );
});
