import type { User } from '../../src/accounts/entities/user.entity.js';
import { KitDto, QuestionDto } from '../../src/interviews/dto/interviews.dto.js';
import { InterviewsService } from '../../src/interviews/interviews.service.js';
import { B2B_SALESPERSON } from '../../src/positions/position-templates.js';
import { PositionsService } from '../../src/positions/positions.service.js';
import { PublishingService } from '../../src/positions/publishing.service.js';
import { VettingConfig } from '../../src/vetting/entities/vetting-config.entity.js';
import { csrfTokenIn, type Agent } from './http.js';
import type { TestApp } from './test-app.js';

/** A position from the B2B template, published as version 1 (ready to recruit). */
export async function publishedPosition(testApp: TestApp, manager: User, title?: string): Promise<number> {
  const positions = testApp.app.get(PositionsService);
  const position = await positions.create(manager, B2B_SALESPERSON.key, undefined);
  if (title)
    await testApp.dataSource.query(
      `UPDATE positions SET title = '${title.replace(/'/g, "''")}' WHERE id = ${position.id}`,
    );
  const fresh = await positions.findOrFail(position.id);
  await testApp.app.get(PublishingService).publish(manager, position.id, fresh.lockVersion, false);
  return position.id;
}

/**
 * A published interview kit for the position (one forward-looking question probing every outcome) and, when none were
 * chosen, vetting steps (see chooseVetting): all a published position with a complete plan still needs to be ready
 * to recruit.
 */
export async function publishKit(testApp: TestApp, user: User, positionId: number): Promise<void> {
  const interviews = testApp.app.get(InterviewsService);
  const { question } = await interviews.saveQuestion(
    user,
    null,
    Object.assign(new QuestionDto(), {
      text: 'How would you win a first meeting with the operations director of a clinic group that has never heard of us?',
      type: 'hypothetical',
      probes: 'prospecting',
      followUps: null,
      rubric1: 'Would send a brochure.',
      rubric2: 'A generic sequence.',
      rubric3: 'A researched, relevant approach.',
      rubric4: 'A specific approach built on the clinic group’s own results.',
    }),
  );
  const position = await testApp.app.get(PositionsService).findOrFail(positionId);
  await interviews.saveKit(
    user,
    positionId,
    Object.assign(new KitDto(), {
      instructions: null,
      vettingCoverage: [],
      items: [
        {
          include: '1',
          questionId: question.id,
          minutes: 15,
          order: 1,
          outcomeIds: position.outcomes.map((outcome) => outcome.id),
        },
      ],
    }),
  );
  await interviews.publishKit(user, positionId);
  await chooseVetting(testApp, positionId);
}

/** Vetting steps for a position whose steps were never chosen: the assessment alone (vetting specs choose their own). */
export async function chooseVetting(testApp: TestApp, positionId: number): Promise<void> {
  const configs = testApp.dataSource.getRepository(VettingConfig);
  if (!(await configs.existsBy({ positionId })))
    await configs.save(
      configs.create({
        positionId,
        assessmentRequired: true,
        writingRequired: false,
        presentationRequired: false,
        presentationBrief: 'Research our company and present it as your target customer.',
      }),
    );
}

/** Saves a position's vetting steps through the real form, with the method's defaults unless overridden. */
export async function configureVetting(agent: Agent, positionId: number, fields: Record<string, string | string[]>) {
  const page = await agent.get(`/positions/${positionId}/vetting`);
  return agent
    .post(`/positions/${positionId}/vetting`)
    .type('form')
    .send({
      _csrf: csrfTokenIn(page.text),
      minEligibility: '60',
      minSuitability: '60',
      writingPassMean: '3',
      writingMinWords: '20',
      writingMaxWords: '300',
      writingTimeLimitMinutes: '',
      prompts: ['Write to a prospect you met at an event.', ''],
      presentationPassMean: '3',
      presentationBrief: 'Research our company and present it as your target customer.',
      ...fields,
    });
}
