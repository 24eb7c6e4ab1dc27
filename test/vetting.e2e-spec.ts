import { Application } from '../src/candidates/entities/application.entity.js';
import { Assessment } from '../src/vetting/entities/assessment.entity.js';
import { samplePdf, windowsProgram } from './support/files.js';
import { csrfTokenIn, signedInAs, type Agent } from './support/http.js';
import { publishedPosition } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('Vetting: steps, the external assessment and the gate', () => {
  let testApp: TestApp;
  let manager: Awaited<ReturnType<typeof signedInAs>>;
  let positionId: number;

  beforeAll(async () => {
    testApp = await createTestApp();
    await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    positionId = await publishedPosition(testApp, manager.user);
  });
  afterAll(() => testApp.close());

  async function applicationFor(name: string): Promise<number> {
    const page = await manager.agent.get(`/candidates/new?position=${positionId}`).expect(200);
    const response = await manager.agent
      .post('/candidates')
      .field('_csrf', csrfTokenIn(page.text))
      .field('positionId', String(positionId))
      .field('name', name)
      .field('email', `${name.toLowerCase().replace(/\s/g, '.')}@example.com`)
      .field('source', 'referral');
    expect(response.status).toBe(303);
    return Number(response.headers.location.split('/').pop());
  }

  async function post(agent: Agent, page: string, action: string, fields: Record<string, string>) {
    const html = await agent.get(page).expect(200);
    return agent
      .post(action)
      .type('form')
      .send({ ...fields, _csrf: csrfTokenIn(html.text) });
  }

  async function recordAssessment(id: number, fields: Record<string, string>, report?: { data: Buffer; name: string }) {
    const html = await manager.agent.get(`/applications/${id}`).expect(200);
    const request = manager.agent.post(`/applications/${id}/assessment`).field('_csrf', csrfTokenIn(html.text));
    for (const [key, value] of Object.entries({
      provider: 'Harrison Assessments',
      takenOn: '2026-11-01',
      traits: '',
      ...fields,
    }))
      request.field(key, value);
    if (report) request.attach('report', report.data, { filename: report.name, contentType: 'application/pdf' });
    return request;
  }

  it('requires at least one vetting step', async () => {
    const response = await post(manager.agent, `/positions/${positionId}/vetting`, `/positions/${positionId}/vetting`, {
      minEligibility: '60',
      minSuitability: '60',
      writingPassMean: '3',
      writingMinWords: '150',
      writingMaxWords: '400',
      writingTimeLimitMinutes: '45',
      presentationPassMean: '3',
      presentationBrief: 'Research our company and present it as your target customer.',
    });
    expect(response.status).toBe(422);
    expect(response.text).toContain('Require at least one vetting step');
  });

  it('keeps the gate closed while a required step is pending, even with a passing assessment', async () => {
    const id = await applicationFor('Pat Pending');
    expect((await recordAssessment(id, { eligibility: '80', suitability: '75' })).status).toBe(303);
    await post(manager.agent, `/applications/${id}`, `/applications/${id}/move`, { to: 'vetting' }).then((r) =>
      expect(r.status).toBe(303),
    );
    const refused = await post(manager.agent, `/applications/${id}`, `/applications/${id}/move`, { to: 'interview' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Writing test has not passed yet');
    expect(refused.text).not.toContain('External assessment has');
  });

  it('opens the gate once every required step has passed, and offers one-click rejection when one fails', async () => {
    const saved = await post(manager.agent, `/positions/${positionId}/vetting`, `/positions/${positionId}/vetting`, {
      assessmentRequired: '1',
      minEligibility: '70',
      minSuitability: '65',
      writingPassMean: '3',
      writingMinWords: '150',
      writingMaxWords: '400',
      writingTimeLimitMinutes: '45',
      presentationPassMean: '3',
      presentationBrief: 'Research our company and present it as your target customer.',
    });
    expect(saved.status).toBe(303);

    const id = await applicationFor('Sam Scores');
    await post(manager.agent, `/applications/${id}`, `/applications/${id}/move`, { to: 'vetting' });
    // Eligibility passes, suitability does not: the scores are judged separately.
    expect((await recordAssessment(id, { eligibility: '90', suitability: '60' })).status).toBe(303);
    const failed = await manager.agent.get(`/applications/${id}`).expect(200);
    expect(failed.text).toContain('Fail:</span> External assessment');
    expect(failed.text).toContain('Reject: did not pass vetting');
    expect(
      (await post(manager.agent, `/applications/${id}`, `/applications/${id}/move`, { to: 'interview' })).status,
    ).toBe(422);

    expect((await recordAssessment(id, { eligibility: '90', suitability: '65' })).status).toBe(303);
    const passed = await manager.agent.get(`/applications/${id}`).expect(200);
    expect(passed.text).toContain('Pass:</span> External assessment');
    expect(
      (await post(manager.agent, `/applications/${id}`, `/applications/${id}/move`, { to: 'interview' })).status,
    ).toBe(303);
    await expect(testApp.dataSource.getRepository(Application).findOneByOrFail({ id })).resolves.toMatchObject({
      stage: 'interview',
    });
    await expect(testApp.dataSource.getRepository(Assessment).countBy({ applicationId: id })).resolves.toBe(1);
    const history = await manager.agent.get(`/applications/${id}`).expect(200);
    expect(history.text).toContain(
      'Recorded the external assessment (Harrison Assessments): eligibility 90, suitability 65',
    );
    expect(history.text).toContain('Moved from Vetting to Interview');
    expect(history.text).not.toContain('overridden');
  });

  it('checks the assessment input and its report, and keeps interviewers out of the report', async () => {
    const id = await applicationFor('Rita Report');
    const future = await recordAssessment(id, { eligibility: '80', suitability: '80', takenOn: '2999-01-01' });
    expect(future.status).toBe(422);
    expect(future.text).toContain('cannot be taken in the future');
    const outOfRange = await recordAssessment(id, { eligibility: '180', suitability: '80' });
    expect(outOfRange.status).toBe(422);
    expect(outOfRange.text).toContain('Use a whole number from 0 to 100');
    const program = await recordAssessment(
      id,
      { eligibility: '80', suitability: '80' },
      { data: windowsProgram(), name: 'report.pdf' },
    );
    expect(program.status).toBe(422);
    expect(program.text).toContain('That file is not a PDF document');
    await expect(testApp.dataSource.getRepository(Assessment).countBy({ applicationId: id })).resolves.toBe(0);

    const pdf = await samplePdf('Assessment report');
    expect(
      (await recordAssessment(id, { eligibility: '80', suitability: '80' }, { data: pdf, name: 'Harrison report.pdf' }))
        .status,
    ).toBe(303);
    const download = await manager.agent.get(`/applications/${id}/assessment/report`).expect(200);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Harrison-report.pdf"; filename*=UTF-8''Harrison%20report.pdf`,
    );

    const { agent } = await signedInAs(testApp, ['interviewer']);
    await agent.get(`/applications/${id}/assessment/report`).expect(403);
  });
});
