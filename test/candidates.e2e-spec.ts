import request from 'supertest';
import { ApplicationEvent } from '../src/candidates/entities/application-event.entity.js';
import { Application } from '../src/candidates/entities/application.entity.js';
import { Candidate } from '../src/candidates/entities/candidate.entity.js';
import { StoredFile } from '../src/files/stored-file.entity.js';
import { docxBomb, docxWithParts, pdfWithJavaScript, sampleDocx, samplePdf, windowsProgram } from './support/files.js';
import { csrfTokenIn, signedInAs, type Agent } from './support/http.js';
import { publishedPosition } from './support/positions.js';
import { countQueries } from './support/query-counter.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('Candidates and the pipeline', () => {
  let testApp: TestApp;
  let manager: Awaited<ReturnType<typeof signedInAs>>;
  let admin: Awaited<ReturnType<typeof signedInAs>>;
  let positionId: number;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    positionId = await publishedPosition(testApp, manager.user);
  });
  afterAll(() => testApp.close());

  const count = (entity: typeof Candidate | typeof StoredFile | typeof Application) =>
    testApp.dataSource.getRepository(entity).count();

  async function addCandidate(agent: Agent, fields: Record<string, string>, file?: { data: Buffer; name: string }) {
    const page = await agent.get(`/candidates/new?position=${positionId}`).expect(200);
    const post = agent.post('/candidates').field('_csrf', csrfTokenIn(page.text));
    for (const [key, value] of Object.entries({ positionId: String(positionId), source: 'referral', ...fields }))
      post.field(key, value);
    if (file) post.attach('resume', file.data, { filename: file.name, contentType: 'application/pdf' });
    return post;
  }

  async function postForm(agent: Agent, pagePath: string, action: string, fields: Record<string, string | string[]>) {
    const page = await agent.get(pagePath).expect(200);
    return agent
      .post(action)
      .type('form')
      .send({ ...fields, _csrf: csrfTokenIn(page.text) });
  }

  it('adds a candidate with a resume to a published position, and serves the resume as a download', async () => {
    const pdf = await samplePdf('Resume of Rosa Quinn');
    const response = await addCandidate(
      manager.agent,
      { name: 'Rosa Quinn', email: 'Rosa@Example.com', phone: '+1 555 0100', consent: '1' },
      { data: pdf, name: '../../Rosa <CV>.pdf' },
    );
    expect(response.status).toBe(303);
    expect(response.headers.location).toMatch(/^\/applications\/\d+$/);

    const page = await manager.agent.get(response.headers.location).expect(200);
    expect(page.text).toContain('Rosa Quinn');
    expect(page.text).toContain('Applied to version 1');
    const candidate = await testApp.dataSource.getRepository(Candidate).findOneByOrFail({ email: 'rosa@example.com' });
    expect(candidate.consentAt).not.toBeNull();

    const download = await manager.agent
      .get(`/candidates/${candidate.id}/resume`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Rosa-CV.pdf"; filename*=UTF-8''Rosa%20CV.pdf`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);
  });

  it('offers the existing record instead of a duplicate email', async () => {
    const before = await count(Candidate);
    const response = await addCandidate(manager.agent, { name: 'Rosa Again', email: 'rosa@example.com' });
    expect(response.status).toBe(409);
    expect(response.text).toContain('Rosa Quinn is already a candidate with this email');
    expect(response.text).toContain('value="Rosa Again"');
    await expect(count(Candidate)).resolves.toBe(before);
  });

  it('refuses a 25 MB upload and a program renamed to .pdf, storing nothing', async () => {
    const [candidates, files] = [await count(Candidate), await count(StoredFile)];
    const big = await addCandidate(
      manager.agent,
      { name: 'Big File', email: 'big@example.com' },
      { data: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(25 * 1024 * 1024, 0x20)]), name: 'big.pdf' },
    );
    expect(big.status).toBe(413);
    expect(big.text).toContain('The file is larger than 10 MB');
    expect(big.text).toContain('value="Big File"');

    const exe = await addCandidate(
      manager.agent,
      { name: 'Exe File', email: 'exe@example.com' },
      { data: windowsProgram(), name: 'resume.pdf' },
    );
    expect(exe.status).toBe(422);
    expect(exe.text).toContain('That file is not a PDF or Word (DOCX) document');
    await expect(count(Candidate)).resolves.toBe(candidates);
    await expect(count(StoredFile)).resolves.toBe(files);
  });

  it('keeps interviewers out of candidates, resumes, applications and boards', async () => {
    const { agent } = await signedInAs(testApp, ['interviewer']);
    const candidate = await testApp.dataSource.getRepository(Candidate).findOneByOrFail({ email: 'rosa@example.com' });
    const application = await testApp.dataSource
      .getRepository(Application)
      .findOneByOrFail({ candidateId: candidate.id });
    for (const path of [
      '/candidates',
      `/candidates/${candidate.id}`,
      `/candidates/${candidate.id}/resume`,
      `/applications/${application.id}`,
      `/positions/${positionId}/board`,
      `/positions/${positionId}/applications`,
    ]) {
      expect((await agent.get(path)).status).toBe(403);
    }
  });

  it('moves through the stages, gates the interview behind vetting, and records an admin override with its reason', async () => {
    const created = await addCandidate(manager.agent, { name: 'Gus Gate', email: 'gus@example.com' });
    const path = created.headers.location as string;
    const id = Number(path.split('/').pop());

    expect((await postForm(manager.agent, path, `${path}/move`, { to: 'vetting' })).status).toBe(303);
    const refused = await postForm(manager.agent, path, `${path}/move`, { to: 'interview' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Vetting is not complete');
    expect(refused.text).toContain('Only an admin can override this');

    const noReason = await postForm(admin.agent, path, `${path}/move`, { to: 'interview' });
    expect(noReason.status).toBe(422);
    expect(noReason.text).toContain('Write why this candidate should be interviewed before vetting is complete');
    expect(
      (
        await postForm(admin.agent, path, `${path}/move`, {
          to: 'interview',
          overrideReason: 'Internal transfer, assessed last quarter',
        })
      ).status,
    ).toBe(303);

    const moved = await testApp.dataSource.getRepository(Application).findOneByOrFail({ id });
    expect(moved.stage).toBe('interview');
    const history = await manager.agent.get(path).expect(200);
    expect(history.text).toContain('vetting gate overridden by an admin: “Internal transfer, assessed last quarter”');
    const events = await testApp.dataSource
      .getRepository(ApplicationEvent)
      .find({ where: { applicationId: id }, order: { id: 'ASC' } });
    expect(events.map((event) => [event.fromStage, event.toStage])).toEqual([
      [null, 'applied'],
      ['applied', 'vetting'],
      ['vetting', 'interview'],
    ]);
    expect((await postForm(manager.agent, path, `${path}/move`, { to: 'applied' })).status).toBe(409);
  });

  it('lets other managers read applications of a position that is not theirs, but not act on them', async () => {
    const other = await signedInAs(testApp, ['manager']);
    const candidate = await testApp.dataSource.getRepository(Candidate).findOneByOrFail({ email: 'rosa@example.com' });
    const application = await testApp.dataSource
      .getRepository(Application)
      .findOneByOrFail({ candidateId: candidate.id });
    const page = await other.agent.get(`/applications/${application.id}`).expect(200);
    expect(page.text).toContain('Only the position');
    expect(page.text).not.toContain(`action="/applications/${application.id}/move"`);
    const token = csrfTokenIn(page.text);
    for (const [action, fields] of [
      ['move', { to: 'withdrawn' }],
      ['portal', {}],
      ['presentation/session', { sessionAt: '2026-12-01T10:00', evaluatorIds: [] }],
    ] as const) {
      expect(
        (
          await other.agent
            .post(`/applications/${application.id}/${action}`)
            .type('form')
            .send({ _csrf: token, ...fields })
        ).status,
      ).toBe(403);
    }
    await expect(
      testApp.dataSource.getRepository(Application).findOneByOrFail({ id: application.id }),
    ).resolves.toMatchObject({ stage: application.stage });
    await other.agent.get('/applications/not-a-number').expect(404);
  });

  it('rejects one application with a reason, and several at once from the list', async () => {
    const ids: number[] = [];
    for (const name of ['Ann One', 'Bo Two', 'Cy Three']) {
      const created = await addCandidate(manager.agent, {
        name,
        email: `${name.split(' ')[0].toLowerCase()}@example.com`,
        source: 'recruiter',
      });
      ids.push(Number((created.headers.location as string).split('/').pop()));
    }
    const page = await manager.agent.get(`/applications/${ids[0]}/reject`).expect(200);
    const reasonId = /<option value="(\d+)">Position filled or closed/.exec(page.text)![1];
    expect(
      (
        await postForm(manager.agent, `/applications/${ids[0]}/reject`, `/applications/${ids[0]}/reject`, {
          reasonId,
          send: 'none',
        })
      ).status,
    ).toBe(303);
    const rejected = await testApp.dataSource
      .getRepository(Application)
      .findOneOrFail({ where: { id: ids[0] }, relations: { rejectionReason: true } });
    expect(rejected.stage).toBe('rejected');
    expect(rejected.rejectionReason?.label).toBe('Position filled or closed');

    const selection = `/positions/${positionId}/applications/reject?ids=${ids[1]}&ids=${ids[2]}`;
    const bulk = await postForm(manager.agent, selection, `/positions/${positionId}/applications/reject`, {
      ids: ids.slice(1).map(String),
      reasonId,
      send: 'none',
      confirm: 'yes',
    });
    expect(bulk.status).toBe(303);
    const after = await manager.agent.get(bulk.headers.location).expect(200);
    expect(after.text).toContain('2 applications rejected.');
    const stages = await testApp.dataSource.getRepository(Application).findBy({ positionId });
    expect(
      stages
        .filter((application) => ids.includes(application.id))
        .every((application) => application.stage === 'rejected'),
    ).toBe(true);

    const none = await postForm(
      manager.agent,
      `/positions/${positionId}/applications`,
      `/positions/${positionId}/applications/reject`,
      {
        reasonId,
        send: 'none',
      },
    );
    expect(none.status).toBe(422);
    expect(none.text).toContain('Tick the applications to reject');
  });

  it('filters the list by stage, source and name, and shows the board by stage', async () => {
    const byStage = await manager.agent.get(`/positions/${positionId}/applications?stage=interview`).expect(200);
    expect(byStage.text).toContain('Gus Gate');
    expect(byStage.text).not.toContain('Rosa Quinn');
    const bySource = await manager.agent.get(`/positions/${positionId}/applications?source=recruiter`).expect(200);
    expect(bySource.text).toContain('Bo Two');
    expect(bySource.text).not.toContain('Gus Gate');
    const byName = await manager.agent.get(`/positions/${positionId}/applications?q=rosa`).expect(200);
    expect(byName.text).toContain('Rosa Quinn');
    expect(byName.text).not.toContain('Bo Two');

    const board = await manager.agent.get(`/positions/${positionId}/board`).expect(200);
    expect(board.text).toMatch(/Applied <span class="count">1<\/span>/);
    expect(board.text).toMatch(/Interview <span class="count">1<\/span>/);
    expect(board.text).toContain('3 rejected or withdrawn');
  });

  it('refuses applications to a position that is not published', async () => {
    const positions = await testApp.dataSource.query(`SELECT id FROM positions WHERE id = ${positionId}`);
    expect(positions).toHaveLength(1);
    await testApp.dataSource.query(`UPDATE positions SET status = 'on-hold' WHERE id = ${positionId}`);
    try {
      const response = await addCandidate(manager.agent, { name: 'Late Larry', email: 'larry@example.com' });
      expect(response.status).toBe(422);
      expect(response.text).toContain('is not published, so it takes no applications');
    } finally {
      await testApp.dataSource.query(`UPDATE positions SET status = 'published' WHERE id = ${positionId}`);
    }
  });

  it('runs the same number of queries for the board and the list with 10,000 applications as with 200', async () => {
    const big = await publishedPosition(testApp, manager.user, 'Big pipeline');
    const small = await publishedPosition(testApp, manager.user, 'Small pipeline');
    await seedApplications(testApp, big, 10000, 'big');
    // Enough for a second page of Vetting, so both lists run the same steps (an empty page skips its read).
    await seedApplications(testApp, small, 200, 'small');

    const pages = (id: number) => [
      `/positions/${id}/board`,
      `/positions/${id}/applications`,
      `/positions/${id}/applications?page=2&stage=vetting`,
    ];
    for (const [bigPath, smallPath] of pages(big).map((path, i) => [path, pages(small)[i]])) {
      const bigCount = await countQueries(testApp.dataSource, () => manager.agent.get(bigPath).expect(200));
      const smallCount = await countQueries(testApp.dataSource, () => manager.agent.get(smallPath).expect(200));
      expect({ path: bigPath, queries: bigCount }).toEqual({ path: bigPath, queries: smallCount });
    }
    const list = await manager.agent.get(`/positions/${big}/applications`).expect(200);
    expect(list.text).toContain('Showing 1–25 of 10000');
    expect((list.text.match(/name="ids"/g) ?? []).length).toBe(25);
    const board = await manager.agent.get(`/positions/${big}/board`).expect(200);
    expect((board.text.match(/class="card"/g) ?? []).length).toBeLessThanOrEqual(6 * 20);
    expect(board.text).toContain('more in the list');
  });
  it('lets only an admin, the manager who added a candidate, or a manager of a position they applied to change the record', async () => {
    const created = await addCandidate(manager.agent, { name: 'Vera Shared', email: 'vera@example.com' });
    const applicationId = Number((created.headers.location as string).split('/').pop());
    const { candidateId } = await testApp.dataSource.getRepository(Application).findOneByOrFail({ id: applicationId });
    const other = await signedInAs(testApp, ['manager']);
    const edit = `/candidates/${candidateId}/edit`;
    const fields = { name: 'Rewritten By Other', email: 'vera@example.com', source: 'referral' };

    const shown = await other.agent.get(`/candidates/${candidateId}`).expect(200);
    expect(shown.text).not.toContain(`href="${edit}"`);
    await other.agent.get(edit).expect(403);
    const refused = await other.agent
      .post(`/candidates/${candidateId}`)
      .type('form')
      .send({ _csrf: csrfTokenIn(shown.text), ...fields });
    expect(refused.status).toBe(403);
    expect(await testApp.dataSource.getRepository(Candidate).findOneByOrFail({ id: candidateId })).toMatchObject({
      name: 'Vera Shared',
    });

    // The manager who runs the position the candidate applied to, and an admin, may change it.
    const own = await manager.agent.get(edit).expect(200);
    const saved = await manager.agent
      .post(`/candidates/${candidateId}`)
      .type('form')
      .send({ _csrf: csrfTokenIn(own.text), ...fields, name: 'Vera Shared-Lee' });
    expect(saved.status).toBe(303);
    const byAdmin = await admin.agent.get(edit).expect(200);
    expect(byAdmin.text).toContain('Vera Shared-Lee');
    expect(await testApp.dataSource.getRepository(Candidate).findOneByOrFail({ id: candidateId })).toMatchObject({
      name: 'Vera Shared-Lee',
    });
  });

  it('refuses a DOCX zip bomb, a DOCX of too many parts and a PDF with JavaScript, storing nothing', async () => {
    const [candidates, files] = [await count(Candidate), await count(StoredFile)];
    const bomb = docxBomb();
    expect(bomb.length).toBeLessThan(100_000);
    const refused = [
      [bomb, 'bomb.docx', 'a part expands more than 100 times'],
      [docxWithParts(2_001), 'parts.docx', 'That document holds 2001 parts; we accept at most 2000'],
      [pdfWithJavaScript(), 'script.pdf', 'That PDF contains scripts or launch actions'],
      [pdfWithJavaScript('/Launch'), 'launch.pdf', 'That PDF contains scripts or launch actions'],
    ] as const;
    for (const [data, name, message] of refused) {
      const response = await addCandidate(
        manager.agent,
        { name: 'Risky File', email: 'risky@example.com' },
        { data, name },
      );
      expect([name, response.status]).toEqual([name, 422]);
      expect(response.text).toContain(message);
      expect(response.text).toContain('value="Risky File"');
    }
    await expect(count(Candidate)).resolves.toBe(candidates);
    await expect(count(StoredFile)).resolves.toBe(files);

    const docx = await addCandidate(
      manager.agent,
      { name: 'Plain Docx', email: 'docx@example.com' },
      { data: sampleDocx(), name: 'cv.docx' },
    );
    expect(docx.status).toBe(303);
  });

  it('keeps a UTF-8 file name in the stored name and the download', async () => {
    const response = await addCandidate(
      manager.agent,
      { name: 'Zoë Ångström', email: 'zoe@example.com' },
      { data: await samplePdf('Resume of Zoë'), name: 'Zoë Ångström – CV.pdf' },
    );
    expect(response.status).toBe(303);
    const candidate = await testApp.dataSource
      .getRepository(Candidate)
      .findOneOrFail({ where: { email: 'zoe@example.com' }, relations: { resumeFile: true } });
    expect(candidate.resumeFile?.fileName).toBe('Zoë Ångström – CV.pdf');
    const download = await manager.agent
      .get(`/candidates/${candidate.id}/resume`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Zoe-Angstrom-CV.pdf"; filename*=UTF-8''Zo%C3%AB%20%C3%85ngstr%C3%B6m%20%E2%80%93%20CV.pdf`,
    );
  });
});

/** Bulk-inserts candidates and their applications straight into the database, spread over the stages. */
async function seedApplications(testApp: TestApp, positionId: number, total: number, prefix: string): Promise<void> {
  const stages = ['applied', 'vetting', 'interview', 'decision', 'offer', 'rejected'];
  const [{ id: userId }] = (await testApp.dataSource.query('SELECT id FROM users ORDER BY id LIMIT 1')) as {
    id: number;
  }[];
  await testApp.dataSource.transaction(async (manager) => {
    for (let start = 0; start < total; start += 500) {
      const rows = Array.from({ length: Math.min(500, total - start) }, (_, i) => start + i);
      await manager.query(
        `INSERT INTO candidates (name, email, source, "createdById") VALUES ${rows.map((n) => `('Seeded ${prefix} ${n}', '${prefix}${n}@seed.example', 'sourced', ${userId})`).join(', ')}`,
      );
      const ids = (await manager.query(
        `SELECT id FROM candidates WHERE email LIKE '${prefix}%@seed.example' ORDER BY id DESC LIMIT ${rows.length}`,
      )) as { id: number }[];
      await manager.query(
        `INSERT INTO applications ("candidateId", "positionId", "positionVersion", stage, "stageChangedAt", code, "createdById") VALUES ${ids
          .map(
            (row, i) =>
              `(${row.id}, ${positionId}, 1, '${stages[(start + i) % stages.length]}', CURRENT_TIMESTAMP, '${prefix.slice(0, 2)}-${start + i}', ${userId})`,
          )
          .join(', ')}`,
      );
    }
  });
}

function binary(res: request.Response, callback: (err: Error | null, body: Buffer) => void) {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}
