import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { UserRole } from '../src/accounts/entities/user-role.entity.js';
import { User } from '../src/accounts/entities/user.entity.js';
import { hashPassword } from '../src/accounts/password-hasher.js';
import { Interview, Panelist } from '../src/interviews/entities/interview.entity.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { migrations } from '../src/database/migrations/index.js';
import { csrfTokenIn, outboxMessages, PASSWORD } from './support/http.js';
import { history } from './support/insights-data.js';
import { cookieFrom, eventually, freshPostgresDatabase, startKeeper, type KeeperProcess } from './support/processes.js';

const PG_URL = process.env.TEST_DATABASE_URL;
// Several processes share one database only on PostgreSQL; SQLite serves a single process.
// Two processes need PostgreSQL (SQLite serves one process): this file runs in `npm run test:pg` only.
if (!PG_URL) throw new Error('test/processes.pg-spec.ts needs TEST_DATABASE_URL (run `npm run test:pg`)');

const PROBE = 'ProcessesProbe1795399999999';
// A migration "added in the test": it creates a table and records each time it runs.
const PROBE_MIGRATION = `
export class ${PROBE} {
  name = '${PROBE}';
  async up(queryRunner) {
    await queryRunner.query('CREATE TABLE processes_probe (id serial PRIMARY KEY, pid integer)');
    await queryRunner.query('INSERT INTO processes_probe (pid) VALUES (pg_backend_pid())');
  }
  async down(queryRunner) {
    await queryRunner.query('DROP TABLE processes_probe');
  }
}
`;

describe('Two Keeper processes on one PostgreSQL database', () => {
  let database: { url: string; drop(): Promise<void> };
  let dataSource: DataSource;
  let extra: string;
  let keepers: KeeperProcess[] = [];

  beforeAll(async () => {
    database = await freshPostgresDatabase(PG_URL!);
    extra = mkdtempSync(join(tmpdir(), 'keeper-migrations-'));
    writeFileSync(join(extra, `${PROBE}.mjs`), PROBE_MIGRATION);
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      SESSION_SECRET: 'processes-test-secret-that-is-long-enough',
      REMINDER_SWEEP_SECONDS: '1',
      EXTRA_MIGRATIONS_DIR: extra,
    };
    // Started at the same moment, so both reach the migrations together.
    keepers = await Promise.all([startKeeper(env), startKeeper(env)]);
    dataSource = await new DataSource(dataSourceOptions({ kind: 'postgres', url: database.url })).initialize();
  }, 60_000);

  afterAll(async () => {
    for (const keeper of keepers) await keeper.stop().catch(() => undefined);
    await dataSource?.destroy();
    await database?.drop();
    rmSync(extra, { recursive: true, force: true });
  });

  it('both start, and each migration, Keeper’s and one added for the test, was applied once', async () => {
    const applied = (await dataSource.query('SELECT name FROM migrations ORDER BY id')) as { name: string }[];
    expect(applied.map((row) => row.name)).toEqual([...migrations.map((migration) => migration.name), PROBE]);
    const probe = (await dataSource.query('SELECT pid FROM processes_probe')) as { pid: number }[];
    expect(probe).toHaveLength(1);
    for (const keeper of keepers) expect((await fetch(`${keeper.url}/health`)).status).toBe(200);
  });

  it('keeps a session made by signing in on one process working on the other', async () => {
    const admin = await person('Ada Admin', 'ada@example.com', PASSWORD);
    const [first, second] = keepers;
    const loginPage = await fetch(`${first.url}/login`);
    const signedOut = cookieFrom(loginPage, 'keeper.sid');
    const signIn = await fetch(`${first.url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: signedOut },
      body: new URLSearchParams({ email: admin.email, password: PASSWORD, _csrf: csrfTokenIn(await loginPage.text()) }),
    });
    expect(signIn.status).toBe(303);
    const session = cookieFrom(signIn, 'keeper.sid');

    const elsewhere = await fetch(`${second.url}/`, { redirect: 'manual', headers: { cookie: session } });
    expect(elsewhere.status).toBe(200);
    expect(await elsewhere.text()).toContain('Ada Admin');
    const stranger = await fetch(`${second.url}/`, { redirect: 'manual' });
    expect(stranger.status).toBeGreaterThanOrEqual(300);
    expect(stranger.status).toBeLessThan(400);
  });

  it('counts failed sign-ins across both processes: 20 concurrent wrong passwords leave the account locked for that address', async () => {
    const target = await person('Lou Locked', 'lou@example.com', PASSWORD);
    const forms = await Promise.all(
      Array.from({ length: 21 }, async (_, index) => {
        const keeper = keepers[index % 2];
        const page = await fetch(`${keeper.url}/login`);
        return { keeper, cookie: cookieFrom(page, 'keeper.sid'), token: csrfTokenIn(await page.text()) };
      }),
    );
    const attempt = (form: (typeof forms)[number], password: string) =>
      fetch(`${form.keeper.url}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie },
        body: new URLSearchParams({ email: target.email, password, _csrf: form.token }),
      });
    const wrong = await Promise.all(forms.slice(0, 20).map((form) => attempt(form, 'not-the-password-at-all')));
    const statuses = wrong.map((response) => response.status);
    // One shared count: only five passwords are checked in all, whichever process answered.
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
    expect(statuses.filter((status) => status !== 429 && status < 500)).toHaveLength(5);
    const right = await attempt(forms[20], PASSWORD);
    expect(right.status).toBe(429);
    const home = await fetch(`${forms[20].keeper.url}/`, { redirect: 'manual', headers: { cookie: forms[20].cookie } });
    expect(home.status).toBe(303);
    const [row] = (await dataSource.query('SELECT "lastSignedInAt" FROM users WHERE id = $1', [target.id])) as {
      lastSignedInAt: Date | null;
    }[];
    expect(row.lastSignedInAt).toBeNull();
  });

  it('reminds the panelist of an overdue scorecard exactly once across both processes', async () => {
    const manager = await person('Max Manager', 'max@example.com', null);
    const late = await person('Lee Late', 'lee@example.com', null);
    const [{ id: positionId }] = (await dataSource.query(
      `INSERT INTO positions (title, "hiringManagerId", "createdById", "lockVersion", status)
       VALUES ('Account Executive', $1, $1, 1, 'open') RETURNING id`,
      [manager.id],
    )) as { id: number }[];
    const application = await history(dataSource, {
      positionId,
      source: 'referral',
      applied: 0,
      moves: [['applied', 'interview', 1]],
      byId: manager.id,
    });
    const interview = await dataSource.getRepository(Interview).save(
      dataSource.getRepository(Interview).create({
        applicationId: application.id,
        round: 1,
        startsAt: new Date(Date.now() - 2 * 86_400_000),
        timeZone: 'UTC',
        durationMinutes: 60,
        location: 'Room 1',
        uid: 'processes-overdue@example.org',
        sequence: 0,
        cancelledAt: null,
        questions: [],
        outcomes: [],
        instructions: null,
        decision: null,
        rationale: null,
        decidedAt: null,
        decidedById: null,
        scheduledById: manager.id,
      }),
    );
    const seat = await dataSource.getRepository(Panelist).save(
      dataSource.getRepository(Panelist).create({
        interviewId: interview.id,
        userId: late.id,
        lead: true,
        preparedAt: null,
        planReaction: null,
        planNotes: null,
        recommendation: null,
        submittedAt: null,
        remindedAt: null,
      }),
    );
    const remindedAt = async () =>
      (await dataSource.getRepository(Panelist).findOneByOrFail({ id: seat.id })).remindedAt;
    const reminders = async () =>
      (await outboxMessages(dataSource)).filter(
        (message) => message.to === late.email && message.subject.includes('is overdue'),
      );

    await expect(eventually(async () => (await remindedAt()) !== null, 15_000)).resolves.toBe(true);
    const first = await remindedAt();
    // Several more sweeps of one second each, on both processes.
    await new Promise((done) => setTimeout(done, 4_000));
    expect(await reminders()).toHaveLength(1);
    expect(await remindedAt()).toEqual(first);
  }, 30_000);

  it('stops both processes gracefully on SIGTERM, within a few seconds', async () => {
    const stopped = await Promise.all(keepers.map((keeper) => keeper.stop(10_000)));
    for (const [index, end] of stopped.entries()) {
      // Nest closes the app, then re-raises SIGTERM so the exit status tells who stopped it (as in startup.e2e).
      expect(end).toEqual(expect.objectContaining({ code: null, signal: 'SIGTERM' }));
      expect(end.ms).toBeLessThan(8_000);
      expect(keepers[index].output()).toContain('Stopped on SIGTERM');
      expect(keepers[index].output()).not.toMatch(/"level":"error"|ERROR/);
    }
    keepers = [];
  }, 30_000);

  async function person(name: string, email: string, password: string | null): Promise<User> {
    const users = dataSource.getRepository(User);
    return users.save(
      users.create({
        name,
        email,
        passwordHash: password ? await hashPassword(password) : null,
        active: true,
        userRoles: [Object.assign(new UserRole(), { role: password ? 'admin' : 'interviewer' })],
      }),
    );
  }
});
