import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort } from '../support/processes.js';

/** A production Keeper (`node dist/main.js`, NODE_ENV=production) in its own process, its log in a file. */
export interface BenchServer {
  url: string;
  pid: number;
  /** The process's resident set size in MB, from /proc/<pid>/status (VmRSS). */
  rssMb(): number;
  /** The main thread's JavaScript heap (used of total, MB), from the line Keeper logs on SIGUSR2. */
  heapMb(): Promise<string>;
  stop(): Promise<void>;
}

export async function startProductionServer(
  databaseUrl: string,
  sessionSecret: string,
  logFile: string,
  extraEnv: Record<string, string> = {},
): Promise<BenchServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = openSync(logFile, 'a');
  // --expose-gc: the memory report (SIGUSR2) then also runs a full collection and reports the figures after it.
  const child: ChildProcess = spawn(process.execPath, ['--expose-gc', resolve('dist/main.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      BASE_URL: url,
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: sessionSecret,
      ...extraEnv,
    },
    // The request log (one JSON line per request) goes to a file, as it would to a log collector.
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`Keeper exited while starting:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('Keeper did not answer /health within 120 s');
    }
    const healthy = await fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    await new Promise((done) => setTimeout(done, 200));
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    rssMb: () => {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return match ? Math.round(Number(match[1]) / 1024) : NaN;
    },
    heapMb: async () => {
      const lines = () =>
        readFileSync(logFile, 'utf8')
          .split('\n')
          .filter((line) => line.includes('"Memory use"'));
      const seen = lines().length;
      child.kill('SIGUSR2');
      for (let tries = 0; tries < 50 && lines().length === seen; tries += 1)
        await new Promise((done) => setTimeout(done, 100));
      const last = lines().at(-1);
      if (lines().length === seen || !last) return '?';
      type Use = { rssMb: number; heapUsedMb: number; heapTotalMb: number };
      const { message } = JSON.parse(last) as { message: Use & { afterFullCollection?: Use } };
      const collected = message.afterFullCollection;
      return (
        `${message.heapUsedMb}/${message.heapTotalMb}` +
        (collected
          ? ` → ${collected.heapUsedMb}/${collected.heapTotalMb} after a full collection (RSS ${collected.rssMb} MB)`
          : '')
      );
    },
    stop: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Signs in through the login form (its CSRF token and session cookie) and returns the session's Cookie header. */
export async function signInOver(url: string, email: string, password: string): Promise<string> {
  const page = await fetch(`${url}/login`);
  const html = await page.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('No CSRF token on /login');
  const cookie = cookiesOf(page);
  const response = await fetch(`${url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ email, password, _csrf: token }).toString(),
  });
  if (response.status !== 303) throw new Error(`Sign-in as ${email} answered ${response.status}`);
  return cookiesOf(response) || cookie;
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
}
