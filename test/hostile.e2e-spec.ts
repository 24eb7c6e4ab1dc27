import { connect } from 'node:net';
import request from 'supertest';
import { csrfTokenIn, signedInAs, type Agent } from './support/http.js';
import { applicationInInterview } from './support/interviews.js';
import { publishedPosition } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type Hostile = {
  name: string;
  method: 'GET' | 'POST';
  path: string | (() => string);
  /** A url-encoded body, sent as it is (it may be malformed on purpose). */
  form?: string;
  json?: string;
  /** Any request built by hand: multipart, odd content types and encodings. */
  multipart?: (post: request.Test, csrf: string) => request.Test;
  as: 'admin' | 'anonymous';
};

const HUGE = '99999999999999999999';
const BIGINT = '2147483648';
const LONG = 'x'.repeat(100_000);

/**
 * Malformed requests a scanner sends: ids out of range, odd nesting, arrays where strings go, invalid UTF-8,
 * broken JSON and multipart, over-long values. None may cause a 5xx on either database.
 */
function hostileRequests(ids: { position: number; candidate: number; application: number }): Hostile[] {
  const list: Hostile[] = [];
  const get = (path: string, as: Hostile['as'] = 'admin') =>
    list.push({ name: `GET ${path}`, method: 'GET', path, as });
  const post = (path: string, form: string, as: Hostile['as'] = 'admin') =>
    list.push({ name: `POST ${path} ${form.slice(0, 40)}`, method: 'POST', path, form, as });

  for (const id of [HUGE, BIGINT, '-1', '0', '1e3', '0x10', '%00', '1.5', '%E0%A4%A', '%C0%AF', '١٢']) {
    get(`/positions/${id}`);
    get(`/candidates/${id}`);
  }
  for (const path of [
    `/applications/${HUGE}`,
    `/interviews/${HUGE}/debrief`,
    `/interviews/${BIGINT}/scorecard`,
    `/hires/${HUGE}`,
    `/hires/${BIGINT}/plan`,
    `/people/${HUGE}`,
    `/presentations/${HUGE}`,
    `/grading/${BIGINT}`,
    `/admin/outbox/${HUGE}`,
    `/admin/audit?actor=${HUGE}&object=${BIGINT}&candidate=-1`,
    `/admin/audit?from=2026-02-30&to=99999-01-01&type=nothing`,
    `/admin/audit?actor[]=1&type[a]=b&from=${LONG}`,
    `/applications/${HUGE}/history`,
    `/hires/${BIGINT}/history`,
    `/positions/${ids.position}/versions/${HUGE}`,
    `/positions/${HUGE}/description.pdf`,
    `/candidates/${BIGINT}/resume`,
    `/questions/${HUGE}/edit`,
    `/positions/${BIGINT}/kit`,
    `/positions/${BIGINT}/applications`,
    `/applications/${ids.application}/offer`,
  ])
    get(path);
  for (const query of [
    'role=',
    'role[]=admin',
    'role[a][b]=c',
    'page=-1',
    `page=${HUGE}`,
    'page[]=1&page[]=2',
    '__proto__[x]=1',
    'constructor[prototype][x]=1',
    `q=${LONG}`,
    'q=%FF%FE',
  ]) {
    get(`/people?${query}`);
    get(`/candidates?${query}`);
    get(`/positions?${query}`);
  }
  for (const query of [
    'page=%FF',
    `page=${HUGE}`,
    'page[a]=1',
    'position=%00',
    `position=${HUGE}`,
    'position[]=1',
    `next=${LONG}`,
    'next[a]=b',
  ]) {
    get(`/hires?${query}`);
    get(`/admin/outbox?${query}`);
    get(`/admin/audit?${query}`);
    get(`/applications/${ids.application}/history?${query}`);
    get(`/candidates/new?${query}`);
    get(`/login?${query}`, 'anonymous');
  }
  for (const query of [
    'from=2026-02-30',
    'from=99999-01-01',
    'to=not-a-date',
    'from[]=2026-01-01',
    `positionId=${HUGE}`,
    'positionId=-5',
    'positionId[a]=1',
    'from=%E0%A4%A',
    'format=xml',
    'format[]=csv',
  ]) {
    get(`/insights/funnel?${query}`);
    get(`/insights/calibration?${query}`);
    get(`/insights/cost?salary=${HUGE}&${query}`);
  }
  get(`/positions/${ids.position}/compare?from=${HUGE}&to[]=1`);
  get(`/positions/${ids.position}/applications?stage[]=x&page=${HUGE}`);
  get('/questions?probes[a]=b&type=%FF');

  for (const token of ['x', LONG.slice(0, 5000), '%FF%FE', '..%2F..%2Fetc%2Fpasswd', '%00', `${HUGE}`])
    for (const path of [`/portal/${token}`, `/portal/${token}/writing`, `/share/${token}`, `/invitations/${token}`])
      get(path, 'anonymous');
  get('/password/reset/%C0%AF', 'anonymous');
  get('/%FF', 'anonymous');
  get('/assets/%FF%FE.css', 'anonymous');

  post(`/positions/${HUGE}`, 'title=x');
  post(`/positions/${BIGINT}/publish`, 'lockVersion=1');
  post(`/positions/${ids.position}/share-links/${HUGE}/revoke`, '');
  post(`/applications/${HUGE}/move`, 'stage=interview');
  post(`/applications/${ids.application}/offers/${HUGE}/accept`, 'startDate=2026-01-01');
  post(`/onboarding/tasks/${BIGINT}`, 'done=1');
  post(`/hires/${HUGE}/connections/${BIGINT}`, 'note=x');
  post(`/hires/1/check-ins/${HUGE}/view`, 'view=x');
  post(`/people/${HUGE}/roles`, 'roles=admin');
  post(`/candidates/${ids.candidate}`, 'name[a][b]=c&email[]=x@example.com');
  post(`/candidates/${ids.candidate}`, '__proto__[admin]=1&name=x');
  post(`/candidates/${ids.candidate}`, 'constructor[prototype][admin]=1');
  post(`/candidates/${ids.candidate}`, `name=${LONG}&email=${LONG}@example.com`);
  post(`/candidates/${ids.candidate}`, 'name=%FF%FE%FD&email=%C0%AF');
  post(`/candidates/${ids.candidate}/applications`, `positionId=${HUGE}`);
  post(`/candidates/${ids.candidate}/applications`, 'positionId[]=1&positionId[]=2');
  post(`/applications/${ids.application}/move`, 'stage[]=interview&stage[]=offer');
  post(`/applications/${ids.application}/reject`, `reasonId=${HUGE}&note[a]=1`);
  post(`/positions/${ids.position}/applications/reject`, `applicationIds[]=${HUGE}&reasonId=-1`);
  post(`/positions/${ids.position}/applications/reject`, `ids[]=${HUGE}&reasonId=1&send=message&when[a]=1`);
  post(`/applications/${ids.application}/reject`, `reasonId=1&send=later&subject[]=x`);
  post(`/applications/${ids.application}/reopen`, `reopenReason[a]=1`);
  post(`/admin/rejection-reasons/delay`, `rejectionDelayDays=${HUGE}`);
  post(`/admin/rejection-reasons/1/group`, 'stageGroup[]=any');
  post(`/positions/${ids.position}`, 'title[]=a&lockVersion=abc&outcomes[0][weight]=%FF');
  post(`/positions/${ids.position}/status`, `status[a]=1&lockVersion=${HUGE}`);
  post(`/applications/${ids.application}/interviews`, `panelistIds[]=${HUGE}&leadId=${BIGINT}&date=2026-13-45`);
  post('/people', `email[]=a@example.com&name=${LONG}`);
  post('/questions', 'text=%E0%A4%A&type[]=x');
  post('/insights/cost', 'salary=1');
  post('/login', 'email[a]=b&password[]=c', 'anonymous');
  post('/login', 'email=%FF&password=%FE', 'anonymous');
  post('/password/forgot', `email=${LONG}`, 'anonymous');
  post('/password/reset/%FF', 'password=x', 'anonymous');
  post(`/invitations/${HUGE}`, 'password[]=x', 'anonymous');
  post('/portal/x/writing', 'text[a]=b', 'anonymous');
  post('/portal/%FF/writing/start', '', 'anonymous');

  list.push(
    { name: 'malformed JSON', method: 'POST', path: '/positions', json: '{"title": ', as: 'admin' },
    { name: 'JSON __proto__', method: 'POST', path: '/candidates', json: '{"__proto__": {"x": 1}}', as: 'admin' },
    {
      name: 'JSON deep nesting',
      method: 'POST',
      path: '/people',
      json: `${'['.repeat(5000)}${']'.repeat(5000)}`,
      as: 'admin',
    },
    { name: 'JSON array body', method: 'POST', path: '/login', json: '[1,2,3]', as: 'anonymous' },
    { name: 'JSON over the size limit', method: 'POST', path: '/people', json: `{"a":"${LONG}${LONG}"}`, as: 'admin' },
    {
      name: 'form in an unknown charset',
      method: 'POST',
      path: '/people',
      as: 'admin',
      multipart: (req) => req.set('Content-Type', 'application/x-www-form-urlencoded; charset=koi8-q').send('a=b'),
    },
    {
      name: 'form with too many fields',
      method: 'POST',
      path: '/people',
      as: 'admin',
      multipart: (req, csrf) =>
        req.type('form').send(`${Array.from({ length: 1500 }, (_, i) => `f${i}=1`).join('&')}&_csrf=${csrf}`),
    },
    {
      name: 'form compressed with an unknown encoding',
      method: 'POST',
      path: '/people',
      as: 'admin',
      multipart: (req) => req.type('form').set('Content-Encoding', 'br2').send('a=b'),
    },
    {
      name: 'form claiming gzip that is not',
      method: 'POST',
      path: '/people',
      as: 'admin',
      multipart: (req) => req.type('form').set('Content-Encoding', 'gzip').send('not gzip at all'),
    },
    {
      name: 'multipart without boundary',
      method: 'POST',
      path: '/candidates',
      as: 'admin',
      multipart: (req) => req.set('Content-Type', 'multipart/form-data').send('garbage'),
    },
    {
      name: 'multipart cut short',
      method: 'POST',
      path: '/candidates',
      as: 'admin',
      multipart: (req, csrf) =>
        req
          .set('Content-Type', 'multipart/form-data; boundary=XX')
          .send(
            `--XX\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--XX\r\nContent-Disposition: form-data; name="resume"; filename="a.pdf"\r\n\r\n%PDF`,
          ),
    },
    {
      name: 'multipart with two files',
      method: 'POST',
      path: '/candidates',
      as: 'admin',
      multipart: (req, csrf) =>
        req
          .field('_csrf', csrf)
          .attach('resume', Buffer.from('%PDF-1.4'), 'a.pdf')
          .attach('resume', Buffer.from('%PDF-1.4'), 'b.pdf'),
    },
    {
      name: 'multipart with an unexpected file field',
      method: 'POST',
      path: `/candidates/${ids.candidate}`,
      as: 'admin',
      multipart: (req, csrf) => req.field('_csrf', csrf).attach('other', Buffer.from('x'), 'x.pdf'),
    },
    {
      name: 'multipart deck to a portal with a bad token',
      method: 'POST',
      path: '/portal/not-a-token/presentation',
      as: 'anonymous',
      multipart: (req) => req.attach('deck', Buffer.from('%PDF-1.4'), 'deck.pdf'),
    },
    {
      name: 'multipart with an invalid UTF-8 file name',
      method: 'POST',
      path: '/candidates',
      as: 'admin',
      multipart: (req, csrf) =>
        req
          .set('Content-Type', 'multipart/form-data; boundary=XX')
          .send(
            Buffer.concat([
              Buffer.from(
                `--XX\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--XX\r\nContent-Disposition: form-data; name="resume"; filename="`,
              ),
              Buffer.from([0xff, 0xfe, 0xc0, 0xaf]),
              Buffer.from('.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--XX--\r\n'),
            ]),
          ),
    },
  );
  return list;
}

/** A request line with bytes no client library would send: raw invalid UTF-8 and control characters in the path. */
function rawRequest(port: number, line: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        Buffer.concat([
          Buffer.from('GET '),
          Buffer.from(line, 'latin1'),
          Buffer.from(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
        ]),
      );
    });
    let head = '';
    socket.on('data', (chunk) => (head += chunk.toString('latin1')));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0)));
    socket.on('error', reject);
  });
}

describe('Hostile requests', () => {
  let testApp: TestApp;
  let admin: Agent;
  let csrf: string;
  let ids: { position: number; candidate: number; application: number };

  beforeAll(async () => {
    testApp = await createTestApp();
    const signedIn = await signedInAs(testApp, ['admin', 'manager']);
    admin = signedIn.agent;
    const position = await publishedPosition(testApp, signedIn.user);
    const application = await applicationInInterview(testApp, signedIn.user, position);
    ids = { position, candidate: application.candidateId, application: application.id };
    csrf = csrfTokenIn((await admin.get('/positions/new').expect(200)).text);
  });
  afterAll(() => testApp.close());

  it('answers every one of them without a server error, with the normal error page', async () => {
    const list = hostileRequests(ids);
    expect(list.length).toBeGreaterThanOrEqual(40);
    const failures: string[] = [];
    for (const hostile of list) {
      const agent = hostile.as === 'admin' ? admin : request.agent(testApp.server);
      const token = hostile.as === 'admin' ? csrf : csrfTokenIn((await agent.get('/login').expect(200)).text);
      const path = typeof hostile.path === 'string' ? hostile.path : hostile.path();
      let pending: request.Test;
      if (hostile.method === 'GET') pending = agent.get(path);
      else if (hostile.multipart) pending = hostile.multipart(agent.post(path), token);
      else if (hostile.json !== undefined)
        pending = agent
          .post(path)
          .set('Content-Type', 'application/json')
          .set('X-CSRF-Token', token)
          .send(hostile.json);
      else
        pending = agent
          .post(path)
          .set('Content-Type', 'application/x-www-form-urlencoded')
          .send(`${hostile.form ? `${hostile.form}&` : ''}_csrf=${encodeURIComponent(token)}`);
      const response = await pending.set('Accept', 'text/html').ok(() => true);
      if (response.status >= 500) failures.push(`${response.status} ${hostile.name}`);
      else if (response.status >= 400 && response.headers['content-type']?.includes('text/html'))
        expect(response.text).toContain('</html>');
    }
    expect(failures).toEqual([]);
  });

  it('answers raw invalid UTF-8 and control bytes in the request line with a 4xx', async () => {
    // Closed with the app in afterAll.
    const server = testApp.server.listening ? testApp.server : testApp.server.listen(0);
    await new Promise((resolve) => (server.listening ? resolve(null) : server.once('listening', resolve)));
    const port = (server.address() as { port: number }).port;
    for (const line of ['/positions/\xff\xfe', '/candidates?q=\xc0\xaf', '/portal/\xe0\xa4']) {
      const status = await rawRequest(port, line);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    }
  });

  it('answers malformed JSON and invalid UTF-8 with 400 and the error page, not a 500', async () => {
    const broken = await admin
      .post('/positions')
      .set('Content-Type', 'application/json')
      .set('X-CSRF-Token', csrf)
      .set('Accept', 'text/html')
      .send('{"title": ');
    expect(broken.status).toBe(400);
    expect(broken.text).toContain('That request could not be understood');
    const huge = await admin.get(`/positions/${HUGE}`);
    expect(huge.status).toBe(404);
    const bigint = await admin.get(`/candidates/${BIGINT}`);
    expect(bigint.status).toBe(404);
  });
});
