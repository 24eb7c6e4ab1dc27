// Password-reset timing: does a request for a real account take longer than one for an unknown email?
// Starts the built app (set up, with one admin) on a fresh SQLite file with a real SMTP server, alternates the two kinds of request one at a
// time (with a pause, so background delivery finishes) and prints median and p90 for each. Run: npm run bench:reset
/* global fetch */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { URLSearchParams } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../../dist/config/app-config.js';
import { createApp } from '../../dist/main.js';
import { hashPassword } from '../../dist/accounts/password-hasher.js';
import { UsersRepository } from '../../dist/accounts/users.repository.js';
import { UserRole } from '../../dist/accounts/entities/user-role.entity.js';
import { OutboxRepository } from '../../dist/mail/outbox.repository.js';

const REQUESTS = Number(process.env.REQUESTS ?? 50);

let received = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    stream.resume();
    stream.on('end', () => {
      received += 1;
      callback();
    });
  },
});
await new Promise((done) => smtp.listen(0, '127.0.0.1', done));

const config = loadConfig({
  NODE_ENV: 'production',
  SESSION_SECRET: 'b'.repeat(40),
  DATABASE_URL: join(mkdtempSync(join(tmpdir(), 'keeper-bench-')), 'k.sqlite'),
  SMTP_URL: `smtp://127.0.0.1:${smtp.server.address().port}`,
  BASE_URL: 'http://127.0.0.1',
});
const app = await createApp(config);
const users = app.get(UsersRepository);
// One real account per known request: reset mails are limited per email (3 an hour), for known and unknown alike.
const passwordHash = await hashPassword('a real password 2026');
for (let i = 0; i < REQUESTS + 5; i++) {
  await users.save(
    users.create({
      name: `Real Person ${i}`,
      active: true,
      email: `real-${i}@example.com`,
      passwordHash,
      userRoles: [Object.assign(new UserRole(), { role: 'admin' })],
    }),
  );
}
await app.listen(0, '127.0.0.1');
const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');

let visitor = 0;
/**
 * One forgotten-password form, as a browser sends it: the page (for its cookie and CSRF token), then the POST.
 * Each visitor has its own forwarded address (a header only; Keeper trusts it from loopback), since reset
 * requests are limited per address.
 */
async function forgot(email) {
  visitor += 1;
  const from = { 'x-forwarded-for': `198.18.${Math.floor(visitor / 250)}.${visitor % 250}` };
  const page = await fetch(`${base}/password/forgot`, { headers: from });
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())[1];
  const body = new URLSearchParams({ _csrf: csrf, email });
  const started = performance.now();
  const response = await fetch(`${base}/password/forgot`, {
    method: 'POST',
    headers: { ...from, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`POST /password/forgot answered ${response.status}`);
  return ms;
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

// Warm up both paths (template compilation, statement caches).
for (let i = 0; i < 5; i++) {
  await forgot(`real-${REQUESTS + i}@example.com`);
  await forgot(`nobody${i}@example.com`);
}
const times = { known: [], unknown: [] };
for (let i = 0; i < REQUESTS; i++) {
  const order = i % 2 ? ['known', 'unknown'] : ['unknown', 'known'];
  for (const kind of order) {
    times[kind].push(await forgot(kind === 'known' ? `real-${i}@example.com` : `nobody-${i}@example.com`));
    await sleep(30);
  }
}
const outbox = app.get(OutboxRepository);
const messages = await outbox.count();
await app.close();
await new Promise((done) => smtp.close(done));

const row = (kind) => ({
  email: kind,
  requests: times[kind].length,
  medianMs: Number(percentile(times[kind], 50).toFixed(2)),
  p90Ms: Number(percentile(times[kind], 90).toFixed(2)),
});
console.table([row('known'), row('unknown')]);
const difference = percentile(times.known, 50) - percentile(times.unknown, 50);
console.log(`Median difference (known − unknown): ${difference.toFixed(2)} ms`);
console.log(`Outbox messages written: ${messages}; delivered to the SMTP server: ${received}`);
