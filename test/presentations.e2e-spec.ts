import request from 'supertest';
import { Application } from '../src/candidates/entities/application.entity.js';
import { Presentation } from '../src/vetting/entities/presentation.entity.js';
import { WritingGrade } from '../src/vetting/entities/writing-grade.entity.js';
import { samplePdf, windowsProgram } from './support/files.js';
import { csrfTokenIn, linkIn, outboxMessages, signedInAs, type Agent } from './support/http.js';
import { configureVetting, publishedPosition } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type Signed = Awaited<ReturnType<typeof signedInAs>>;

describe('Research presentations and the full vetting gate', () => {
  let testApp: TestApp;
  let manager: Signed;
  let people: Signed[];
  let positionId: number;

  beforeAll(async () => {
    testApp = await createTestApp();
    await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    people = [
      await signedInAs(testApp, ['interviewer']),
      await signedInAs(testApp, ['interviewer']),
      await signedInAs(testApp, ['interviewer']),
    ];
    positionId = await publishedPosition(testApp, manager.user);
    const saved = await configureVetting(manager.agent, positionId, {
      assessmentRequired: '1',
      writingRequired: '1',
      presentationRequired: '1',
      graderIds: [String(people[0].user.id), String(people[1].user.id)],
    });
    expect(saved.status).toBe(303);
  });
  afterAll(() => testApp.close());

  async function form(agent: Agent, page: string, action: string, fields: Record<string, string | string[]>) {
    const html = await agent.get(page).expect(200);
    return agent
      .post(action)
      .type('form')
      .send({ ...fields, _csrf: csrfTokenIn(html.text) });
  }

  it('takes a candidate through assessment, blind-graded writing and a scored presentation to an interview, without any override', async () => {
    // Candidate and portal link.
    const newPage = await manager.agent.get(`/candidates/new?position=${positionId}`).expect(200);
    const created = await manager.agent
      .post('/candidates')
      .field('_csrf', csrfTokenIn(newPage.text))
      .field('positionId', String(positionId))
      .field('name', 'Vera Vetted')
      .field('email', 'vera@example.com')
      .field('source', 'referral');
    const id = Number(created.headers.location.split('/').pop());
    const app = `/applications/${id}`;
    await form(manager.agent, app, `${app}/portal`, {}).then((r) => expect(r.status).toBe(303));
    const portal = linkIn(
      (await outboxMessages(testApp.dataSource)).filter((mail) => mail.to === 'vera@example.com').at(-1)!.text,
    );
    const candidate = request.agent(testApp.server);

    // The deck: a program renamed to .pdf is refused and nothing is kept; a real PDF is accepted.
    const home = await candidate.get(portal).expect(200);
    expect(home.text).toContain('Research our company and present it as your target customer.');
    const refused = await candidate
      .post(`${portal}/presentation`)
      .field('_csrf', csrfTokenIn(home.text))
      .attach('deck', windowsProgram(), { filename: 'deck.pdf', contentType: 'application/pdf' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('That file is not a PDF or PowerPoint (PPTX) document');
    await expect(testApp.dataSource.getRepository(Presentation).countBy({ applicationId: id })).resolves.toBe(0);
    const uploaded = await candidate
      .post(`${portal}/presentation`)
      .field('_csrf', csrfTokenIn(home.text))
      .attach('deck', await samplePdf('Our customer: you'), {
        filename: 'My research.pdf',
        contentType: 'application/pdf',
      });
    expect(uploaded.status).toBe(303);
    expect((await candidate.get(portal).expect(200)).text).toContain('My research.pdf uploaded');

    // The writing test, graded blind by two graders at level 3.
    const intro = await candidate.get(`${portal}/writing`).expect(200);
    await candidate
      .post(`${portal}/writing/start`)
      .type('form')
      .send({ _csrf: csrfTokenIn(intro.text) })
      .expect(303);
    const writing = await candidate.get(`${portal}/writing`).expect(200);
    const text =
      'Dear Dana, thank you for your question at the summit. Our customers cut intake waits by a third. Could we talk on Tuesday at ten about your clinics?';
    await candidate
      .post(`${portal}/writing`)
      .type('form')
      .send({ _csrf: csrfTokenIn(writing.text), text, intent: 'submit', confirm: '1' })
      .expect(303);
    for (const grade of await testApp.dataSource.getRepository(WritingGrade).find()) {
      const grader = people.find((person) => person.user.id === grade.graderId)!;
      const levels = Object.fromEntries(
        ['purpose', 'structure', 'mechanics', 'tone', 'callToAction'].map((key) => [`levels[${key}]`, '3']),
      );
      expect((await form(grader.agent, `/grading/${grade.id}`, `/grading/${grade.id}`, levels)).status).toBe(303);
    }

    // The assessment.
    const assessmentPage = await manager.agent.get(app).expect(200);
    await manager.agent
      .post(`${app}/assessment`)
      .field('_csrf', csrfTokenIn(assessmentPage.text))
      .field('provider', 'Harrison Assessments')
      .field('takenOn', '2026-11-01')
      .field('eligibility', '75')
      .field('suitability', '70')
      .field('traits', '')
      .expect(303);
    await form(manager.agent, app, `${app}/move`, { to: 'vetting' }).then((r) => expect(r.status).toBe(303));
    const notYet = await form(manager.agent, app, `${app}/move`, { to: 'interview' });
    expect(notYet.status).toBe(422);
    expect(notYet.text).toContain('Research presentation has not passed yet');

    // The session: two or three evaluators.
    const one = await form(manager.agent, app, `${app}/presentation/session`, {
      sessionAt: '2026-12-01T15:00',
      evaluatorIds: [String(people[2].user.id)],
    });
    expect(one.status).toBe(422);
    expect(one.text).toContain('Choose two or three evaluators');
    const badDate = await form(manager.agent, app, `${app}/presentation/session`, {
      sessionAt: '2026-02-30T15:00',
      evaluatorIds: [String(people[1].user.id), String(people[2].user.id)],
    });
    expect(badDate.status).toBe(422);
    expect(badDate.text).toContain('Enter a real date and time');
    const evaluators = [people[1], people[2]];
    expect(
      (
        await form(manager.agent, app, `${app}/presentation/session`, {
          sessionAt: '2026-12-01T15:00',
          evaluatorIds: evaluators.map((e) => String(e.user.id)),
        })
      ).status,
    ).toBe(303);

    const grading = await people[2].agent.get('/grading').expect(200);
    const scoreId = Number(/href="\/presentations\/(\d+)"/.exec(grading.text)![1]);
    await people[0].agent.get(`/presentations/${scoreId}`).expect(403);
    await people[0].agent.get(`/presentations/${scoreId}/deck`).expect(403);
    const deck = await people[2].agent.get(`/presentations/${scoreId}/deck`).expect(200);
    expect(deck.headers['content-disposition']).toBe(
      `attachment; filename="My-research.pdf"; filename*=UTF-8''My%20research.pdf`,
    );

    const scoreLevels = (level: string) =>
      Object.fromEntries(
        ['research', 'customerHero', 'outcomes', 'connection', 'opportunity', 'fairUse'].map((key) => [
          `levels[${key}]`,
          level,
        ]),
      );
    expect(
      (await form(people[2].agent, `/presentations/${scoreId}`, `/presentations/${scoreId}`, scoreLevels('4'))).status,
    ).toBe(303);
    const hidden = await people[2].agent.get(`/presentations/${scoreId}`).expect(200);
    expect(hidden.text).toContain('The other scores appear once every evaluator has submitted');
    const managerView = await manager.agent.get(app).expect(200);
    expect(managerView.text).toContain('1 of 2 scores in (each appears once every evaluator has submitted)');
    const otherId = Number(
      /href="\/presentations\/(\d+)"/.exec((await people[1].agent.get('/grading').expect(200)).text)![1],
    );
    expect(
      (await form(people[1].agent, `/presentations/${otherId}`, `/presentations/${otherId}`, scoreLevels('3'))).status,
    ).toBe(303);

    const gate = await manager.agent.get(app).expect(200);
    expect(gate.text).toContain('Pass:</span> External assessment');
    expect(gate.text).toContain('Pass:</span> Writing test');
    expect(gate.text).toContain('Pass:</span> Research presentation');
    expect(gate.text).toContain('Mean level 3.5 from 2 evaluators.');
    const board = await manager.agent.get(`/positions/${positionId}/board`).expect(200);
    const card = board.text.slice(board.text.indexOf('Vera Vetted'), board.text.indexOf('Vera Vetted') + 900);
    expect(card).toContain('Assessment:</span> pass');
    expect(card).toContain('Writing test:</span> pass');
    expect(card).toContain('Presentation:</span> pass');
    expect((await form(manager.agent, app, `${app}/move`, { to: 'interview' })).status).toBe(303);
    await expect(testApp.dataSource.getRepository(Application).findOneByOrFail({ id })).resolves.toMatchObject({
      stage: 'interview',
    });
    expect((await manager.agent.get(app).expect(200)).text).not.toContain('overridden');
  });
});
