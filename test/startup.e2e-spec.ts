import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Runs the compiled app exactly as `npm start` does (npm test builds it first).
const MAIN = resolve('dist/main.js');

interface Run {
  code: number | null;
  signal?: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function run(
  env: Record<string, string>,
  until?: RegExp,
): Promise<Run & { stop?: () => Promise<Run>; send?: (name: NodeJS.Signals) => void }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`Timed out. stdout: ${stdout} stderr: ${stderr}`));
    }, 20000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (until?.test(stdout)) {
        clearTimeout(timer);
        done({
          code: null,
          stdout,
          stderr,
          send: (name: NodeJS.Signals) => void child.kill(name),
          stop: () =>
            new Promise((stopped) => {
              child.once('exit', (code, signal) => stopped({ code, signal, stdout, stderr }));
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

describe('Starting Keeper', () => {
  const database = () => join(mkdtempSync(join(tmpdir(), 'keeper-start-')), 'keeper.sqlite');

  it.each([
    [{ PORT: 'eighty' }, /^Invalid configuration: PORT must be a whole number from 1 to 65535 \(got "eighty"\)$/],
    [
      { DATABASE_URL: 'mysql://root@localhost/keeper' },
      /^Invalid configuration: DATABASE_URL must be a SQLite file path or a postgres:\/\/ URL/,
    ],
    [
      { DATABASE_URL: 'postgres://keeper@127.0.0.1:1/keeper' },
      /^Cannot open the database given by DATABASE_URL \(PostgreSQL\): connect ECONNREFUSED/,
    ],
  ])('fails fast on %j with one line naming the variable', async (env, message) => {
    const result = await run({ DATABASE_URL: database(), ...env });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  it('creates and migrates its SQLite file, serves the setup page, logs JSON with request ids, and stops on SIGTERM', async () => {
    const file = database();
    const port = await freePort();
    const started = await run({ DATABASE_URL: file, PORT: String(port) }, /Keeper is running/);
    expect(existsSync(file)).toBe(true);
    const response = await fetch(`http://127.0.0.1:${port}/setup`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Set up Keeper');
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    // SIGUSR2 asks for a memory report and leaves Keeper running.
    started.send!('SIGUSR2');
    await new Promise((done) => setTimeout(done, 500));
    expect((await fetch(`http://127.0.0.1:${port}/setup`)).status).toBe(200);

    const stopped = await started.stop!();
    // Nest closes the app, then re-raises the signal so the exit status tells who stopped it.
    expect(stopped.signal).toBe('SIGTERM');
    const log = stopped.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map(
        (line) =>
          JSON.parse(line) as { context: string; message: { requestId?: string; path?: string; status?: number } },
      );
    expect(log).toContainEqual(
      expect.objectContaining({
        context: 'HTTP',
        message: expect.objectContaining({ requestId, path: '/setup', status: 200 }),
      }),
    );
    expect(log).toContainEqual(expect.objectContaining({ context: 'Keeper', message: 'Stopped on SIGTERM' }));
    expect(log).toContainEqual(
      expect.objectContaining({ context: 'Memory', message: expect.objectContaining({ message: 'Memory use' }) }),
    );
  });
});
