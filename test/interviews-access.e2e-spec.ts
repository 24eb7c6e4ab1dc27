import type { User } from '../src/accounts/entities/user.entity.js';
import { ScorecardDto } from '../src/interviews/dto/panel.dto.js';
import { Interview } from '../src/interviews/entities/interview.entity.js';
import { PanelService } from '../src/interviews/panel.service.js';
import { csrfTokenIn, signedInAs, submitForm, type Agent } from './support/http.js';
import { applicationInInterview, scheduleFields, underway } from './support/interviews.js';
import { publishedPosition, publishKit } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type Person = { agent: Agent; user: User };

const RATIONALE = 'Both panelists want another round on account planning before anyone decides.';

/**
 * Manager powers on interviews follow the user's current roles: a hiring manager demoted to interviewer loses them
 * at once on the interviews of positions they still stand as hiring manager of, and keeps only their own panel seats.
 */
describe('Interview access after a hiring manager is demoted to interviewer', () => {
  let testApp: TestApp;
  let admin: Person;
  let manager: Person;
  let alice: Person;
  let bob: Person;
  let positionId: number;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    alice = await signedInAs(testApp, ['interviewer']);
    bob = await signedInAs(testApp, ['interviewer']);
    positionId = await publishedPosition(testApp, manager.user);
    await publishKit(testApp, manager.user, positionId);
  });
  afterAll(() => testApp.close());

  const reload = (interview: Interview) =>
    testApp.dataSource.getRepository(Interview).findOneByOrFail({ id: interview.id });

  /** A round for a new application, scheduled by the hiring manager through the form. */
  async function scheduled(panel: Person[] = [alice, bob]): Promise<Interview> {
    const application = await applicationInInterview(testApp, manager.user, positionId);
    const fields = scheduleFields(
      panel.map((person) => person.user.id),
      panel[0].user.id,
    );
    const response = await submitForm(
      manager.agent,
      `/applications/${application.id}/interviews/new`,
      fields,
      `/applications/${application.id}/interviews`,
    );
    expect(response.status).toBe(303);
    return testApp.dataSource.getRepository(Interview).findOneByOrFail({ applicationId: application.id });
  }

  /** Every panelist prepares and submits, so the debrief is open. */
  async function debriefed(interview: Interview): Promise<Interview> {
    await underway(testApp, interview.id);
    const panel = testApp.app.get(PanelService);
    for (const person of [alice, bob]) {
      await panel.prepare(person.user, interview.id);
      await panel.saveScorecard(
        person.user,
        interview.id,
        Object.assign(new ScorecardDto(), {
          ratings: Object.fromEntries(
            interview.questions.map((question) => [
              `q${question.questionId}`,
              { rating: '3', evidence: 'Researched the clinic group and named its operations director.' },
            ]),
          ),
          planReaction: 'embraces',
          planNotes: null,
          recommendation: 'yes',
          action: 'submit',
        }),
      );
    }
    return interview;
  }

  async function post(agent: Agent, path: string, fields: Record<string, string | string[]> = {}) {
    const page = await agent.get('/').expect(200);
    return agent
      .post(path)
      .type('form')
      .send({ ...fields, _csrf: csrfTokenIn(page.text) });
  }

  const reschedule = (interview: Interview) => ({
    ...scheduleFields([alice.user.id, bob.user.id], bob.user.id, {
      date: new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10),
    }),
    sequence: String(interview.sequence),
  });

  async function expectRefused(response: Promise<{ status: number }>) {
    expect([403, 404]).toContain((await response).status);
  }

  it('lets the hiring manager open, schedule, change, cancel, read the debrief and decide', async () => {
    const decided = await debriefed(await scheduled());
    await manager.agent.get(`/interviews/${decided.id}`).expect(200);
    await manager.agent.get(`/interviews/${decided.id}/debrief`).expect(200);
    await manager.agent.get(`/interviews/${decided.id}/resume`).expect(200);
    const decision = await post(manager.agent, `/interviews/${decided.id}/decision`, {
      decision: 'hold',
      rationale: RATIONALE,
    });
    expect(decision.status).toBe(303);
    expect(await reload(decided)).toMatchObject({ decision: 'hold', decidedById: manager.user.id });

    const open = await scheduled();
    await manager.agent.get(`/interviews/${open.id}/edit`).expect(200);
    await manager.agent.get(`/interviews/${open.id}/cancel`).expect(200);
    expect((await post(manager.agent, `/interviews/${open.id}`, reschedule(open))).status).toBe(303);
    expect((await post(manager.agent, `/interviews/${open.id}/cancel`, { confirm: 'yes' })).status).toBe(303);
    expect((await reload(open)).cancelledAt).toBeInstanceOf(Date);
  });

  it('refuses the demoted manager every manager power on their former position, and keeps their own panel seat', async () => {
    const debrief = await debriefed(await scheduled());
    const open = await scheduled();
    const seated = await scheduled([manager, alice]);
    const application = await applicationInInterview(testApp, manager.user, positionId);

    // The admin takes the manager role away through the people form.
    const roles = await submitForm(
      admin.agent,
      `/people/${manager.user.id}`,
      { roles: ['interviewer'] },
      `/people/${manager.user.id}/roles`,
    );
    expect(roles.status).toBe(303);

    for (const path of [
      `/interviews/${debrief.id}`,
      `/interviews/${debrief.id}/debrief`,
      `/interviews/${debrief.id}/resume`,
      `/interviews/${open.id}/edit`,
      `/interviews/${open.id}/cancel`,
      `/applications/${application.id}/interviews/new`,
    ])
      await expectRefused(manager.agent.get(path));
    await expectRefused(
      post(manager.agent, `/interviews/${debrief.id}/decision`, { decision: 'hold', rationale: RATIONALE }),
    );
    await expectRefused(post(manager.agent, `/interviews/${open.id}`, reschedule(open)));
    await expectRefused(post(manager.agent, `/interviews/${open.id}/cancel`, { confirm: 'yes' }));
    await expectRefused(
      post(
        manager.agent,
        `/applications/${application.id}/interviews`,
        scheduleFields([alice.user.id, bob.user.id], alice.user.id),
      ),
    );

    // Nothing was changed by the refused requests.
    expect(await reload(debrief)).toMatchObject({ decision: null, decidedAt: null });
    expect(await reload(open)).toMatchObject({ sequence: open.sequence, cancelledAt: null });
    await expect(testApp.dataSource.getRepository(Interview).countBy({ applicationId: application.id })).resolves.toBe(
      0,
    );

    // A seat on a panel is not a manager power: they still prepare for the interview they sit on, but cannot change it.
    await manager.agent.get(`/interviews/${seated.id}`).expect(200);
    expect((await post(manager.agent, `/interviews/${seated.id}/prepared`)).status).toBe(303);
    await expectRefused(manager.agent.get(`/interviews/${seated.id}/edit`));
  });
});
