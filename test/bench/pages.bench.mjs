// Page-rendering benchmark: requests per second for the sign-in page, with and without
// Express's view cache (NODE_ENV=production vs development). Run: npm run bench
import autocannon from 'autocannon';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../dist/config/app-config.js';
import { createApp } from '../../dist/main.js';
import { hashPassword } from '../../dist/accounts/password-hasher.js';
import { UsersRepository } from '../../dist/accounts/users.repository.js';
import { UserRole } from '../../dist/accounts/entities/user-role.entity.js';

async function measure(env) {
  const config = loadConfig({
    NODE_ENV: env,
    SESSION_SECRET: 'b'.repeat(40),
    DATABASE_URL: join(mkdtempSync(join(tmpdir(), 'keeper-bench-')), 'k.sqlite'),
  });
  const app = await createApp(config);
  const users = app.get(UsersRepository);
  await users.save(
    users.create({
      name: 'Bench Admin',
      email: 'bench@example.com',
      passwordHash: await hashPassword('bench password 2026'),
      userRoles: [Object.assign(new UserRole(), { role: 'admin' })],
    }),
  );
  await app.listen(0, '127.0.0.1');
  const url = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/login`;
  const result = await autocannon({ url, connections: 10, duration: 10 });
  await app.close();
  return {
    env,
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const rows = [await measure('development'), await measure('production')];
console.table(rows);
console.log(
  `View cache speed-up on GET /login: ${(rows[1].requestsPerSecond / rows[0].requestsPerSecond).toFixed(1)}x`,
);
