import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import pg from 'pg';

// The compiled app, exactly as `npm start` runs it (`npm run test:pg` builds it first).
const MAIN = resolve('dist/main.js');

export interface KeeperProcess {
  port: number;
  url: string;
  output(): string;
  /** Sends SIGTERM and resolves with how the process ended, or rejects after `withinMs`. */
  stop(withinMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

/** A new, empty PostgreSQL database beside TEST_DATABASE_URL's, and a way to drop it. */
export async function freshPostgresDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `keeper_processes_${randomBytes(6).toString('hex')}`;
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

export function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** Spawns `node dist/main.js` with this environment and resolves once /health answers 200. */
export async function startKeeper(env: Record<string, string>, timeoutMs = 30_000): Promise<KeeperProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', PORT: String(port), BASE_URL: `http://localhost:${port}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`Keeper exited while starting:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Keeper did not answer /health within ${timeoutMs} ms:\n${output}`);
    }
    const healthy = await fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    port,
    url,
    output: () => output,
    stop: async (withinMs = 10_000) => {
      const started = Date.now();
      child.kill('SIGTERM');
      const timer = new Promise<never>((_, fail) =>
        setTimeout(() => {
          child.kill('SIGKILL');
          fail(new Error(`Keeper did not stop within ${withinMs} ms of SIGTERM:\n${output}`));
        }, withinMs).unref(),
      );
      const end = await Promise.race([exited, timer]);
      return { ...end, ms: Date.now() - started };
    },
  };
}

/** Polls `check` until it returns true or `timeoutMs` passes; resolves with the last answer. */
export async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((done) => setTimeout(done, 200));
  }
  return check();
}

/** The value of a cookie set by a response, as "name=value" for a Cookie header. */
export function cookieFrom(response: Response, name: string): string {
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith(`${name}=`));
  if (!cookie) throw new Error(`No ${name} cookie in the response`);
  return cookie.split(';')[0];
}
