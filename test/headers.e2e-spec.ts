import request from 'supertest';
import { Session } from '../src/sessions/session.entity.js';
import { signedInAs, type Agent } from './support/http.js';
import { applicationInInterview } from './support/interviews.js';
import { publishedPosition } from './support/positions.js';
import { recordQueries } from './support/query-counter.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('Response headers and session lifetime', () => {
  let testApp: TestApp;
  let manager: Agent;
  let managerId: number;
  let positionId: number;
  let candidateId: number;

  beforeAll(async () => {
    testApp = await createTestApp({ SESSION_ABSOLUTE_HOURS: '12' });
    await signedInAs(testApp, ['admin']);
    const signedIn = await signedInAs(testApp, ['manager']);
    manager = signedIn.agent;
    managerId = signedIn.user.id;
    positionId = await publishedPosition(testApp, signedIn.user);
    candidateId = (await applicationInInterview(testApp, signedIn.user, positionId)).candidateId;
  });
  afterAll(() => testApp.close());

  it('gives staff pages Keeper’s icon and theme colour, and candidates’ pages no Keeper icon', async () => {
    const home = await manager.get('/').expect(200);
    expect(home.text).toContain('<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">');
    expect(home.text).toContain('<meta name="theme-color" content="#0172ad">');
    const icon = await request(testApp.server).get('/assets/favicon.svg').expect(200);
    expect(icon.headers['content-type']).toContain('image/svg+xml');
    // Without a company logo the careers site asks for no icon at all (so the browser does not fetch /favicon.ico).
    const careers = await request(testApp.server).get('/careers').expect(200);
    expect(careers.text).toContain('<link rel="icon" href="data:,">');
    expect(careers.text).not.toContain('favicon.svg');
  });

  it('keeps authenticated pages and every download out of caches', async () => {
    for (const path of [
      '/',
      '/positions',
      `/candidates/${candidateId}`,
      `/candidates/${candidateId}/resume`,
      `/positions/${positionId}/description.pdf`,
      '/insights/funnel?format=csv',
    ]) {
      const response = await manager.get(path);
      expect([path, response.status]).toEqual([path, 200]);
      expect([path, response.headers['cache-control']]).toEqual([path, 'no-store']);
    }
    const asset = await request(testApp.server).get('/assets/app.css').expect(200);
    expect(asset.headers['cache-control']).not.toContain('no-store');
  });

  it('switches off browser features Keeper does not use, on pages and assets', async () => {
    for (const response of [await manager.get('/'), await request(testApp.server).get('/assets/app.css')]) {
      const policy = response.headers['permissions-policy'];
      expect(policy).toContain('camera=()');
      expect(policy).toContain('microphone=()');
      expect(policy).toContain('geolocation=()');
    }
  });

  it('compresses HTML, CSS and JS for clients that accept gzip', async () => {
    const page = await manager.get('/positions').set('Accept-Encoding', 'gzip');
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(page.text).toContain('</html>');
    const css = await request(testApp.server).get('/assets/pico/pico.min.css').set('Accept-Encoding', 'gzip');
    expect(css.headers['content-encoding']).toBe('gzip');
    const plain = await request(testApp.server).get('/assets/pico/pico.min.css').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBeGreaterThan(10_000);
  });

  it('writes a signed-in person’s session at most once a minute, however many pages they open', async () => {
    const sessionWrites = (statements: string[]) => statements.filter((sql) => /^UPDATE "?sessions"?/i.test(sql));
    await manager.get('/').expect(200);
    const quick = await recordQueries(testApp.dataSource, async () => {
      for (const path of ['/', '/positions', '/candidates', '/']) await manager.get(path).expect(200);
    });
    expect(sessionWrites(quick)).toEqual([]);

    // A minute and more later (the stored expiry lags the cookie's by two minutes): the next page moves it once.
    const sessions = testApp.dataSource.getRepository(Session);
    const [row] = await sessions.find({ where: { userId: managerId }, order: { expiresAt: 'DESC' }, take: 1 });
    const lagging = new Date(row.expiresAt.getTime() - 2 * 60 * 1000);
    await sessions.update({ sid: row.sid }, { expiresAt: lagging });
    const later = await recordQueries(testApp.dataSource, () => manager.get('/positions').expect(200));
    expect(sessionWrites(later)).toHaveLength(1);
    const moved = await sessions.findOneByOrFail({ sid: row.sid });
    expect(moved.expiresAt.getTime()).toBeGreaterThan(lagging.getTime() + 60 * 1000);
  });

  it('ends a session the absolute lifetime after sign-in, however active it stayed', async () => {
    const { agent, user } = await signedInAs(testApp, ['manager']);
    await agent.get('/positions').expect(200);
    const sessions = testApp.dataSource.getRepository(Session);
    const [row] = await sessions.findBy({ userId: user.id });
    const data = JSON.parse(row.data) as { signedInAt: number };
    expect(Date.now() - data.signedInAt).toBeLessThan(60_000);

    // Eleven hours in, still signed in; past twelve, sent to sign-in although the cookie is fresh.
    await sessions.update(row.sid, { data: JSON.stringify({ ...data, signedInAt: Date.now() - 11 * 3_600_000 }) });
    await agent.get('/positions').expect(200);
    await sessions.update(row.sid, { data: JSON.stringify({ ...data, signedInAt: Date.now() - 12.5 * 3_600_000 }) });
    const expired = await agent.get('/positions').expect(303);
    expect(expired.headers.location).toBe('/login?next=%2Fpositions');
    expect(await sessions.findOneBy({ sid: row.sid })).toBeNull();
    await agent.get('/positions').expect(303);
  });

  it('starts counting for a session signed in before the rule existed', async () => {
    const { agent, user } = await signedInAs(testApp, ['manager']);
    const sessions = testApp.dataSource.getRepository(Session);
    const [row] = await sessions.findBy({ userId: user.id });
    const { signedInAt: _dropped, ...older } = JSON.parse(row.data) as Record<string, unknown>;
    await sessions.update(row.sid, { data: JSON.stringify(older) });
    await agent.get('/positions').expect(200);
    const kept = JSON.parse((await sessions.findOneByOrFail({ sid: row.sid })).data) as { signedInAt: number };
    expect(Date.now() - kept.signedInAt).toBeLessThan(60_000);
  });
});
