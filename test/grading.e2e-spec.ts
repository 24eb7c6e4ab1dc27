import request from 'supertest';
import { CandidatesService } from '../src/candidates/candidates.service.js';
import { CandidateDto } from '../src/candidates/dto/candidate.dto.js';
import { PipelineService } from '../src/candidates/pipeline.service.js';
import { WritingGrade } from '../src/vetting/entities/writing-grade.entity.js';
import { GradingService } from '../src/vetting/grading.service.js';
import { WritingTestService } from '../src/vetting/writing-test.service.js';
import { csrfTokenIn, linkIn, outboxMessages, signedInAs, type Agent } from './support/http.js';
import { configureVetting, publishedPosition } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type Signed = Awaited<ReturnType<typeof signedInAs>>;

describe('Blind grading of writing tests', () => {
  let testApp: TestApp;
  let manager: Signed;
  let graders: Signed[];
  let positionId: number;

  beforeAll(async () => {
    testApp = await createTestApp();
    await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    graders = [
      await signedInAs(testApp, ['interviewer']),
      await signedInAs(testApp, ['interviewer']),
      await signedInAs(testApp, ['interviewer']),
    ];
    positionId = await publishedPosition(testApp, manager.user);
    const saved = await configureVetting(manager.agent, positionId, {
      writingRequired: '1',
      graderIds: graders.map((grader) => String(grader.user.id)),
    });
    expect(saved.status).toBe(303);
  });
  afterAll(() => testApp.close());

  async function submitWriting(name: string, email: string, text: string): Promise<number> {
    const page = await manager.agent.get(`/candidates/new?position=${positionId}`).expect(200);
    const created = await manager.agent
      .post('/candidates')
      .field('_csrf', csrfTokenIn(page.text))
      .field('positionId', String(positionId))
      .field('name', name)
      .field('email', email)
      .field('source', 'referral');
    const applicationId = Number(created.headers.location.split('/').pop());
    const applicationPage = await manager.agent.get(`/applications/${applicationId}`).expect(200);
    await manager.agent
      .post(`/applications/${applicationId}/portal`)
      .type('form')
      .send({ _csrf: csrfTokenIn(applicationPage.text) })
      .expect(303);
    const portal = linkIn((await outboxMessages(testApp.dataSource)).filter((mail) => mail.to === email).at(-1)!.text);
    const candidate = request.agent(testApp.server);
    const intro = await candidate.get(`${portal}/writing`).expect(200);
    await candidate
      .post(`${portal}/writing/start`)
      .type('form')
      .send({ _csrf: csrfTokenIn(intro.text) })
      .expect(303);
    const form = await candidate.get(`${portal}/writing`).expect(200);
    await candidate
      .post(`${portal}/writing`)
      .type('form')
      .send({ _csrf: csrfTokenIn(form.text), text, intent: 'submit', confirm: '1' })
      .expect(303);
    return applicationId;
  }

  const levels = (level: number) =>
    Object.fromEntries(
      ['purpose', 'structure', 'mechanics', 'tone', 'callToAction'].map((key) => [`levels[${key}]`, String(level)]),
    );

  async function grade(agent: Agent, gradeId: number, level: number) {
    const page = await agent.get(`/grading/${gradeId}`).expect(200);
    return agent
      .post(`/grading/${gradeId}`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), ...levels(level), comment: `Level ${level} throughout.` });
  }

  it('offers only interviewers who cannot open candidate records as blind graders', async () => {
    const page = await manager.agent.get(`/positions/${positionId}/vetting`).expect(200);
    for (const grader of graders) expect(page.text).toContain(`name="graderIds" value="${grader.user.id}" checked`);
    expect(page.text).not.toContain(`name="graderIds" value="${manager.user.id}"`);
    const refused = await manager.agent
      .post(`/positions/${positionId}/vetting`)
      .type('form')
      .send({
        _csrf: csrfTokenIn(page.text),
        writingRequired: '1',
        minEligibility: '60',
        minSuitability: '60',
        writingPassMean: '3',
        writingMinWords: '20',
        writingMaxWords: '300',
        prompts: ['Write to a prospect you met at an event.'],
        graderIds: [String(graders[0].user.id), String(manager.user.id)],
        presentationPassMean: '3',
        presentationBrief: 'Research our company and present it as your target customer.',
      });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Choose graders from the list');
  });

  it('gives submitted tests their graders when graders are chosen after the submission', async () => {
    const other = await publishedPosition(testApp, manager.user, 'No graders yet');
    await testApp.app.get(WritingTestService).savePrompts(other, ['Write to a prospect.']);
    const { application } = await testApp.app.get(CandidatesService).create(
      manager.user,
      Object.assign(new CandidateDto(), {
        name: 'Ola Early',
        email: 'ola@example.com',
        source: 'referral',
        phone: null,
        notes: null,
        positionId: other,
      }),
      null,
    );
    const full = await testApp.app.get(PipelineService).findOrFail(application!.id);
    await testApp.app.get(WritingTestService).start(full);
    const text = Array.from({ length: 20 }, () => 'Our customers cut intake waits by a third.').join(' ');
    const { submission } = await testApp.app.get(WritingTestService).save(full, text, true);
    await expect(testApp.dataSource.getRepository(WritingGrade).countBy({ submissionId: submission.id })).resolves.toBe(
      0,
    );

    await testApp.app.get(GradingService).setGraders(
      other,
      graders.slice(0, 2).map((grader) => grader.user.id),
    );
    await expect(testApp.dataSource.getRepository(WritingGrade).countBy({ submissionId: submission.id })).resolves.toBe(
      2,
    );
  });

  it('assigns no new tests to a grader who was deactivated', async () => {
    const other = await publishedPosition(testApp, manager.user, 'Deactivated grader');
    await testApp.app.get(WritingTestService).savePrompts(other, ['Write to a prospect.']);
    const extra = await signedInAs(testApp, ['interviewer']);
    await testApp.app.get(GradingService).setGraders(other, [graders[2].user.id, extra.user.id]);
    await testApp.dataSource.query(
      `UPDATE users SET active = ${testApp.config.database.kind === 'postgres' ? 'false' : '0'} WHERE id = ${extra.user.id}`,
    );
    const { application } = await testApp.app.get(CandidatesService).create(
      manager.user,
      Object.assign(new CandidateDto(), {
        name: 'Ian Idle',
        email: 'ian@example.com',
        source: 'referral',
        phone: null,
        notes: null,
        positionId: other,
      }),
      null,
    );
    const full = await testApp.app.get(PipelineService).findOrFail(application!.id);
    await testApp.app.get(WritingTestService).start(full);
    const { submission } = await testApp.app
      .get(WritingTestService)
      .save(full, Array.from({ length: 20 }, () => 'Our customers cut intake waits by a third.').join(' '), true);
    const assigned = await testApp.dataSource.getRepository(WritingGrade).findBy({ submissionId: submission.id });
    expect(assigned.map((grade) => grade.graderId)).toEqual([graders[2].user.id]);
  });

  it('keeps the writer anonymous, grades independently, asks a third grader when two disagree, and decides the vetting step', async () => {
    const text =
      'Dear Dana, it was good to meet you at the summit in Denver. I recieve many questions about intake, and yours was the sharpest. ' +
      'Our customers cut their waiting times by a third within a quarter. Could we speak on Tuesday at ten? Best regards, Zelda Quartz, zelda.quartz@example.com';
    const applicationId = await submitWriting('Zelda Quartz', 'zelda.quartz@example.com', text);
    const grades = await testApp.dataSource
      .getRepository(WritingGrade)
      .find({ where: { submission: { applicationId } }, order: { id: 'ASC' } });
    expect(grades).toHaveLength(2);
    const [first, second] = grades.map((g) => graders.find((grader) => grader.user.id === g.graderId)!);
    const outsider = graders.find((grader) => grader !== first && grader !== second)!;

    const home = await first.agent.get('/').expect(200);
    expect(home.text).toMatch(/\d writing tests? to grade, blind\./);
    // Nothing on the grader's pages names the writer, not even inside the text.
    const list = await first.agent.get('/grading').expect(200);
    const page = await first.agent.get(`/grading/${grades[0].id}`).expect(200);
    for (const html of [list.text, page.text]) {
      expect(html).not.toMatch(/zelda|quartz/i);
      expect(html).toMatch(/Writing test A-[A-Z0-9]{4}/);
    }
    expect(page.text).toContain('Best regards, [candidate], [email]');
    expect(page.text).toContain('Aids, not the grade.');
    expect(page.text).toContain('recieve');
    await outsider.agent.get(`/grading/${grades[0].id}`).expect(403);
    await outsider.agent.get('/grading/999999').expect(404);
    await first.agent.get(`/applications/${applicationId}`).expect(403);

    const incomplete = await first.agent
      .post(`/grading/${grades[0].id}`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), 'levels[purpose]': '2' });
    expect(incomplete.status).toBe(422);
    expect(incomplete.text).toContain('Choose a level');

    expect((await grade(first.agent, grades[0].id, 1)).status).toBe(303);
    const waiting = await first.agent.get(`/grading/${grades[0].id}`).expect(200);
    expect(waiting.text).toContain('The other grades appear once every assigned grader has submitted');
    expect(waiting.text).not.toContain('Level 4 throughout');

    const secondGrade = await grade(second.agent, grades[1].id, 4);
    const flash = await second.agent.get(secondGrade.headers.location).expect(200);
    expect(flash.text).toContain('a third grader has been asked');
    const third = await testApp.dataSource
      .getRepository(WritingGrade)
      .findOneByOrFail({ graderId: outsider.user.id, submissionId: grades[0].submissionId });
    const gate = await manager.agent.get(`/applications/${applicationId}`).expect(200);
    expect(gate.text).toContain('Submitted; 2 of 3 blind grades in.');

    expect((await grade(outsider.agent, third.id, 3)).status).toBe(303);
    const result = await manager.agent.get(`/applications/${applicationId}`).expect(200);
    expect(result.text).toContain('Mean level 2.67 from 3 blind graders.');
    expect(result.text).toContain('Fail:</span> Writing test');
    const revealed = await first.agent.get(`/grading/${grades[0].id}`).expect(200);
    expect(revealed.text).toContain('Level 4 throughout');
  });
});
