import { InterviewKit } from '../src/interviews/entities/interview-kit.entity.js';
import { Question } from '../src/interviews/entities/question.entity.js';
import { Position } from '../src/positions/entities/position.entity.js';
import { csrfTokenIn, signedInAs, type Agent } from './support/http.js';
import { publishedPosition } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const rubric = {
  rubric1: 'Would send a brochure.',
  rubric2: 'A generic sequence.',
  rubric3: 'A researched approach.',
  rubric4: 'A specific approach built on their results.',
};

describe('Question bank and interview kits', () => {
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

  async function post(agent: Agent, page: string, action: string, fields: Record<string, string | string[]>) {
    const html = await agent.get(page).expect(200);
    return agent
      .post(action)
      .type('form')
      .send({ ...fields, _csrf: csrfTokenIn(html.text) });
  }

  it('refuses a question about a protected topic with its reason, and saves a backward-looking one with a warning', async () => {
    const refused = await post(manager.agent, '/questions/new', '/questions', {
      text: 'How old are your children?',
      type: 'behavioral',
      ...rubric,
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('touches children or pregnancy, a protected or personal topic');
    expect(refused.text).toContain('How old are your children?');
    await expect(testApp.dataSource.getRepository(Question).count()).resolves.toBe(0);

    const warned = await post(manager.agent, '/questions/new', '/questions', {
      text: 'Tell me about a time you closed a big deal.',
      type: 'behavioral',
      ...rubric,
    });
    expect(warned.status).toBe(303);
    const list = await manager.agent.get(warned.headers.location).expect(200);
    expect(list.text).toContain('Saved with a warning: “tell me about a time” looks backward');
    expect(list.text).toContain('Tell me about a time you closed a big deal.');
  });

  it('will not publish a kit that leaves an outcome unprobed, and names the outcome', async () => {
    await post(manager.agent, '/questions/new', '/questions', {
      text: 'How would you win a first meeting with a clinic group that has never heard of us?',
      type: 'hypothetical',
      ...rubric,
    });
    const position = await testApp.dataSource.getRepository(Position).findOneOrFail({
      where: { id: positionId },
      relations: { outcomes: true },
      order: { outcomes: { sortOrder: 'ASC' } },
    });
    const questions = await testApp.dataSource.getRepository(Question).find({ order: { id: 'ASC' } });
    const kitPage = `/positions/${positionId}/kit`;
    const page = await manager.agent.get(kitPage).expect(200);
    expect(page.text).toContain('Walk through the first-year development plan');

    // Everything but the last outcome is probed.
    const probed = position.outcomes.slice(0, -1).map((outcome) => String(outcome.id));
    const saved = await post(manager.agent, kitPage, kitPage, {
      'items[1][questionId]': String(questions[1].id),
      'items[1][include]': '1',
      'items[1][minutes]': '15',
      'items[1][outcomeIds]': probed,
      lockVersion: String(
        (await testApp.dataSource.getRepository(InterviewKit).findOneByOrFail({ positionId })).lockVersion,
      ),
    });
    expect(saved.status).toBe(303);
    const refused = await post(manager.agent, kitPage, `${kitPage}/publish`, {});
    expect(refused.status).toBe(422);
    expect(refused.text).toContain(
      'Outcome 6 (Gross revenue retention of the customers won) is probed by no question and no vetting step.',
    );
    await expect(testApp.dataSource.getRepository(InterviewKit).findOneByOrFail({ positionId })).resolves.toMatchObject(
      { publishedAt: null },
    );

    // The research presentation probes the last one.
    const last = position.outcomes.at(-1)!.id;
    const kit = await testApp.dataSource.getRepository(InterviewKit).findOneByOrFail({ positionId });
    expect(
      (
        await post(manager.agent, kitPage, kitPage, {
          'items[1][questionId]': String(questions[1].id),
          'items[1][include]': '1',
          'items[1][minutes]': '15',
          'items[1][outcomeIds]': probed,
          vettingCoverage: [`${last}:presentation`],
          lockVersion: String(kit.lockVersion),
        })
      ).status,
    ).toBe(303);
    expect((await post(manager.agent, kitPage, `${kitPage}/publish`, {})).status).toBe(303);
    const show = await manager.agent.get(`/positions/${positionId}`).expect(200);
    expect(show.text).toContain('Done:</span> Interview kit is published');
  });

  it('writes a question in place from the kit editor: checked, saved to the bank and added to the kit', async () => {
    const kitPage = `/positions/${positionId}/kit`;
    const before = await testApp.dataSource
      .getRepository(InterviewKit)
      .findOneOrFail({ where: { positionId }, relations: { items: true } });
    const form = await manager.agent.get(kitPage).expect(200);
    expect(form.text).toContain(`href="/questions/new?kit=${positionId}"`);

    const refused = await post(manager.agent, `/questions/new?kit=${positionId}`, '/questions', {
      text: 'Do you plan to have children soon?',
      type: 'hypothetical',
      kitPositionId: String(positionId),
      ...rubric,
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain(`name="kitPositionId" value="${positionId}"`);

    const text = 'What would you do in your first week to learn how our clinics buy software?';
    const saved = await post(manager.agent, `/questions/new?kit=${positionId}`, '/questions', {
      text,
      type: 'hypothetical',
      kitPositionId: String(positionId),
      ...rubric,
    });
    expect(saved.status).toBe(303);
    const question = await testApp.dataSource.getRepository(Question).findOneByOrFail({ text });
    expect(saved.headers.location).toBe(`${kitPage}#question-${question.id}`);
    const after = await testApp.dataSource
      .getRepository(InterviewKit)
      .findOneOrFail({ where: { positionId }, relations: { items: true } });
    expect(after.items.map((item) => item.questionId)).toEqual([
      ...before.items.map((item) => item.questionId),
      question.id,
    ]);
    // A changed kit must be published again.
    expect(after.publishedAt).toBeNull();
  });

  it('keeps interviewers out of the question bank and the kits', async () => {
    const { agent } = await signedInAs(testApp, ['interviewer']);
    for (const path of ['/questions', '/questions/new', `/positions/${positionId}/kit`])
      expect((await agent.get(path)).status).toBe(403);
  });
});
