import { jest } from '@jest/globals';
import type { User } from '../src/accounts/entities/user.entity.js';
import { ApplicationEvent } from '../src/candidates/entities/application-event.entity.js';
import { Application } from '../src/candidates/entities/application.entity.js';
import { Candidate } from '../src/candidates/entities/candidate.entity.js';
import { ScorecardRatingsOnly1795389600000 } from '../src/database/migrations/1795389600000-ScorecardRatingsOnly.js';
import { PipelineService } from '../src/candidates/pipeline.service.js';
import { Interview, Panelist, ScorecardEdit, ScorecardRating } from '../src/interviews/entities/interview.entity.js';
import { KitDto, QuestionDto } from '../src/interviews/dto/interviews.dto.js';
import { InterviewsRepository } from '../src/interviews/interviews.repository.js';
import { InterviewsService } from '../src/interviews/interviews.service.js';
import { InsightsRepository } from '../src/insights/insights.repository.js';
import { PanelService } from '../src/interviews/panel.service.js';
import { OutboxMessage } from '../src/mail/entities/outbox-message.entity.js';
import { PositionsService } from '../src/positions/positions.service.js';
import { PortalService } from '../src/vetting/portal.service.js';
import { csrfTokenIn, signedInAs, submitForm, type Agent } from './support/http.js';
import { panel as pastPanel, reviewedHire } from './support/insights-data.js';
import { applicationInInterview, readInvite, scheduleFields, underway } from './support/interviews.js';
import { chooseVetting, publishedPosition } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type Person = { agent: Agent; user: User };

/** Awaits a form post and checks it redirected (303), as a saved form does. */
async function redirected(response: Promise<{ status: number; text: string }>) {
  const result = await response;
  if (result.status !== 303)
    throw new Error(
      `Expected 303, got ${result.status}: ${(/<main[\s\S]*<\/main>/.exec(result.text)?.[0] ?? result.text)
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .slice(0, 600)}`,
    );
  return result;
}

const FIRST =
  'How would you get a first meeting with the operations director of a clinic group that has never heard of us?';
const SECOND = 'What would you do in your first month to build a pipeline worth three times your quarterly target?';

describe('Structured interviews: scheduling, independent scorecards, debrief and decision', () => {
  let testApp: TestApp;
  let manager: Person;
  let alice: Person;
  let bob: Person;
  let carol: Person;
  let dave: Person;
  let positionId: number;

  beforeAll(async () => {
    testApp = await createTestApp();
    await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    [alice, bob, carol, dave] = [
      await signedInAs(testApp, ['interviewer']),
      await signedInAs(testApp, ['interviewer']),
      await signedInAs(testApp, ['interviewer']),
      await signedInAs(testApp, ['interviewer']),
    ];
    positionId = await publishedPosition(testApp, manager.user);
    // A kit of two questions, each probing every outcome.
    const kits = testApp.app.get(InterviewsService);
    const rubric = {
      rubric1: 'Vague.',
      rubric2: 'Generic.',
      rubric3: 'Researched.',
      rubric4: 'Specific to the customer.',
      probes: null,
      followUps: 'And if they say no?',
    };
    const first = await kits.saveQuestion(
      manager.user,
      null,
      Object.assign(new QuestionDto(), { text: FIRST, type: 'hypothetical', ...rubric }),
    );
    const second = await kits.saveQuestion(
      manager.user,
      null,
      Object.assign(new QuestionDto(), { text: SECOND, type: 'hypothetical', ...rubric }),
    );
    const position = await testApp.app.get(PositionsService).findOrFail(positionId);
    const outcomeIds = position.outcomes.map((outcome) => outcome.id);
    await kits.saveKit(
      manager.user,
      positionId,
      Object.assign(new KitDto(), {
        instructions: 'Alice opens; Bob takes the plan walk-through.',
        vettingCoverage: [],
        items: [
          { include: '1', questionId: first.question.id, minutes: 15, order: 1, outcomeIds },
          { include: '1', questionId: second.question.id, minutes: 15, order: 2, outcomeIds },
        ],
      }),
    );
    await kits.publishKit(manager.user, positionId);
    await chooseVetting(testApp, positionId);
  });
  afterAll(() => testApp.close());

  const outbox = () => testApp.dataSource.getRepository(OutboxMessage).find({ order: { id: 'ASC' } });
  const clearOutbox = () => testApp.dataSource.getRepository(OutboxMessage).clear();
  const invites = async () =>
    (await outbox()).map((message) => ({
      to: message.to,
      subject: message.subject,
      ...readInvite(message.attachments![0].content),
    }));

  async function schedule(applicationId: number, fields: Record<string, string | string[]>) {
    return submitForm(
      manager.agent,
      `/applications/${applicationId}/interviews/new`,
      fields,
      `/applications/${applicationId}/interviews`,
    );
  }

  /** A round for a new application, scheduled through the form and (unless `started` is false) already begun. */
  async function scheduled(
    panel: Person[],
    lead: Person,
    { started = true } = {},
  ): Promise<{ application: Application; interview: Interview }> {
    const application = await applicationInInterview(testApp, manager.user, positionId);
    await redirected(
      schedule(
        application.id,
        scheduleFields(
          panel.map((person) => person.user.id),
          lead.user.id,
        ),
      ),
    );
    const { id } = await testApp.dataSource.getRepository(Interview).findOneByOrFail({ applicationId: application.id });
    if (started) await underway(testApp, id);
    return { application, interview: await testApp.dataSource.getRepository(Interview).findOneByOrFail({ id }) };
  }

  /** Ratings for both questions; evidence carries a marker so a leak is easy to find. */
  function scorecard(
    interview: Interview,
    ratings: [number, number],
    marker: string,
    action = 'submit',
  ): Record<string, string> {
    const [first, second] = interview.questions;
    return {
      [`ratings[q${first.questionId}][rating]`]: String(ratings[0]),
      [`ratings[q${first.questionId}][evidence]`]: `${marker} named the clinic group’s CFO and their churn numbers.`,
      [`ratings[q${second.questionId}][rating]`]: String(ratings[1]),
      [`ratings[q${second.questionId}][evidence]`]: `${marker} planned thirty accounts with a weekly review.`,
      planReaction: 'embraces',
      planNotes: `${marker} asked for more coaching in month two.`,
      recommendation: ratings[0] + ratings[1] >= 6 ? 'yes' : 'no',
      action,
    };
  }

  const scorecardPage = (interview: Interview) => `/interviews/${interview.id}/scorecard`;

  it('refuses a panel of one or four, and scheduling before the plan was shared, saying why', async () => {
    await clearOutbox();
    const unshared = await applicationInInterview(testApp, manager.user, positionId, { planShared: false });
    const form = await manager.agent.get(`/applications/${unshared.id}/interviews/new`).expect(200);
    expect(form.text).toContain('The first-year development plan has not been shared with the candidate');
    const refused = await manager.agent
      .post(`/applications/${unshared.id}/interviews`)
      .type('form')
      .send({ ...scheduleFields([alice.user.id, bob.user.id], alice.user.id), _csrf: csrfTokenIn(form.text) });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('The first-year development plan has not been shared with the candidate');

    const application = await applicationInInterview(testApp, manager.user, positionId);
    const one = await schedule(application.id, scheduleFields([alice.user.id], alice.user.id));
    expect(one.status).toBe(422);
    expect(one.text).toContain('Choose two or three interviewers: a panel of 1 is refused');
    const four = await schedule(
      application.id,
      scheduleFields(
        [alice, bob, carol, dave].map((person) => person.user.id),
        alice.user.id,
      ),
    );
    expect(four.status).toBe(422);
    expect(four.text).toContain('a panel of 4 is refused');
    // What was typed survives the refusal.
    expect(four.text).toContain('value="https://meet.example.com/keeper-panel"');
    const noLead = await schedule(application.id, scheduleFields([alice.user.id, bob.user.id], carol.user.id));
    expect(noLead.text).toContain('Mark one of the panel as the lead');
    const past = await schedule(
      application.id,
      scheduleFields([alice.user.id, bob.user.id], alice.user.id, { date: '2020-01-06' }),
    );
    expect(past.text).toContain('Choose a time in the future');
    // More than 90 days ahead: the form comes back asking to confirm the date, nothing is scheduled.
    const farDay = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10);
    const far = await schedule(
      application.id,
      scheduleFields([alice.user.id, bob.user.id], alice.user.id, { date: farDay }),
    );
    expect(far.status).toBe(422);
    expect(far.text).toContain('more than 90 days ahead');
    expect(far.text).toContain(`value="${farDay}"`);

    await expect(testApp.dataSource.getRepository(Interview).count()).resolves.toBe(0);
    await expect(outbox()).resolves.toEqual([]);
    const confirmed = await schedule(
      application.id,
      scheduleFields([alice.user.id, bob.user.id], alice.user.id, { date: farDay, confirm: 'yes' }),
    );
    expect(confirmed.status).toBe(303);
    await clearOutbox();
  });

  it('mails three invitations, then an update with the same UID and a higher SEQUENCE, then a cancellation', async () => {
    await clearOutbox();
    const application = await applicationInInterview(testApp, manager.user, positionId);
    await redirected(schedule(application.id, scheduleFields([alice.user.id, bob.user.id], alice.user.id)));
    const interview = await testApp.dataSource
      .getRepository(Interview)
      .findOneByOrFail({ applicationId: application.id });

    const sent = await invites();
    expect(sent.map((invite) => invite.to).sort()).toEqual(
      [alice.user.email, bob.user.email, application.candidate.email].sort(),
    );
    for (const invite of sent) {
      expect(invite).toMatchObject({ method: 'REQUEST', uid: interview.uid, sequence: 0, status: 'CONFIRMED' });
      expect(invite.start.toISOString()).toBe(interview.startsAt.toISOString());
      expect(invite.attendees.sort()).toEqual([alice.user.email, bob.user.email, application.candidate.email].sort());
    }
    // The next form starts in the zone the manager used last.
    const next = await applicationInInterview(testApp, manager.user, positionId);
    expect((await manager.agent.get(`/applications/${next.id}/interviews/new`).expect(200)).text).toContain(
      '<option value="Europe/Berlin" selected>',
    );
    // 14:30 in Berlin is 13:30 UTC in winter and 12:30 UTC in summer.
    expect([12, 13]).toContain(interview.startsAt.getUTCHours());

    // The candidate sees it in their portal, in their own zone.
    await testApp.dataSource.getRepository(Candidate).update(application.candidateId, { timeZone: 'Europe/Berlin' });
    const { link } = await testApp.app
      .get(PortalService)
      .issue(manager.user, await testApp.app.get(PipelineService).findOrFail(application.id));
    const portal = await manager.agent.get(`/portal/${link.token}`).expect(200);
    expect(portal.text).toContain('Your interview');
    expect(portal.text).toMatch(/14:30–15:30 CES?T/);

    // Move it by a day and swap Bob for Carol: the panel and the candidate get REQUEST 1, Bob gets CANCEL 1.
    await clearOutbox();
    const edit = await manager.agent.get(`/interviews/${interview.id}/edit`).expect(200);
    const later = new Date(Date.now() + 8 * 86_400_000).toISOString().slice(0, 10);
    const swap = {
      ...scheduleFields([alice.user.id, carol.user.id], carol.user.id, { date: later, time: '09:00' }),
      sequence: '0',
      _csrf: csrfTokenIn(edit.text),
    };
    // Taking Bob off the panel is confirmed first: the form comes back with the warning, nothing is sent.
    const unconfirmedSwap = await manager.agent.post(`/interviews/${interview.id}`).type('form').send(swap).expect(422);
    expect(unconfirmedSwap.text).toContain(`${bob.user.name} will be taken off the panel and sent a cancellation`);
    expect(unconfirmedSwap.text).toContain('Yes, this is right');
    expect(await invites()).toEqual([]);
    expect((await testApp.dataSource.getRepository(Interview).findOneByOrFail({ id: interview.id })).sequence).toBe(0);
    await manager.agent
      .post(`/interviews/${interview.id}`)
      .type('form')
      .send({ ...swap, confirm: 'yes' })
      .expect(303);
    const updates = await invites();
    expect(
      updates
        .filter((invite) => invite.method === 'REQUEST')
        .map((invite) => invite.to)
        .sort(),
    ).toEqual([alice.user.email, carol.user.email, application.candidate.email].sort());
    expect(updates.filter((invite) => invite.method === 'CANCEL').map((invite) => invite.to)).toEqual([bob.user.email]);
    for (const invite of updates) expect(invite).toMatchObject({ uid: interview.uid, sequence: 1 });

    // A form built before that change is refused rather than silently undoing it.
    const stale = await manager.agent
      .post(`/interviews/${interview.id}`)
      .type('form')
      .send({
        ...scheduleFields([alice.user.id, bob.user.id], alice.user.id),
        sequence: '0',
        _csrf: csrfTokenIn(edit.text),
      });
    expect(stale.status).toBe(409);

    await clearOutbox();
    const confirm = await manager.agent.get(`/interviews/${interview.id}/cancel`).expect(200);
    expect(confirm.text).toContain('Cancel interview round 1 with');
    // Without the confirmation nothing is cancelled and nobody is told.
    const unconfirmed = await manager.agent
      .post(`/interviews/${interview.id}/cancel`)
      .type('form')
      .send({ _csrf: csrfTokenIn(confirm.text) })
      .expect(422);
    expect(unconfirmed.text).toContain('Cancel interview round 1 with');
    expect(
      (await testApp.dataSource.getRepository(Interview).findOneByOrFail({ id: interview.id })).cancelledAt,
    ).toBeNull();
    expect(await invites()).toEqual([]);
    await manager.agent
      .post(`/interviews/${interview.id}/cancel`)
      .type('form')
      .send({ _csrf: csrfTokenIn(confirm.text), confirm: 'yes' })
      .expect(303);
    const cancellations = await invites();
    expect(cancellations.map((invite) => invite.to).sort()).toEqual(
      [alice.user.email, carol.user.email, application.candidate.email].sort(),
    );
    for (const invite of cancellations)
      expect(invite).toMatchObject({ method: 'CANCEL', uid: interview.uid, sequence: 2, status: 'CANCELLED' });
    const portalAfter = await manager.agent.get(`/portal/${link.token}`).expect(200);
    expect(portalAfter.text).not.toContain('Your interview');
  });

  it('keeps the scorecard closed until the panelist has prepared and the interview has begun, and keeps interviewers off the panel out', async () => {
    const { application, interview } = await scheduled([alice, bob], alice, { started: false });
    for (const path of ['', '/scorecard', '/resume', '/deck', '/debrief']) {
      await dave.agent.get(`/interviews/${interview.id}${path}`).expect(403);
    }
    // Nor through the candidate's and the application's own file links.
    for (const path of [
      `/candidates/${application.candidateId}/resume`,
      `/applications/${application.id}/presentation/deck`,
      `/applications/${application.id}`,
    ]) {
      await dave.agent.get(path).expect(403);
    }
    const page = await dave.agent.get('/').expect(200);
    await dave.agent
      .post(`/interviews/${interview.id}/prepared`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text) })
      .expect(403);

    // The panel reads the resume through the interview.
    const resume = await alice.agent.get(`/interviews/${interview.id}/resume`).expect(200);
    expect(resume.headers['content-type']).toBe('application/pdf');
    expect(resume.headers['content-disposition']).toMatch(
      /^attachment; filename="Candidate-\d+-resume\.pdf"; filename\*=UTF-8''Candidate%20\d+%20resume\.pdf$/,
    );

    const closed = await alice.agent.get(scorecardPage(interview)).expect(303);
    expect(closed.headers.location).toBe(`/interviews/${interview.id}#prepare`);
    const show = await alice.agent.get(`/interviews/${interview.id}`).expect(200);
    expect(show.text).toContain('I have prepared');
    expect(show.text).toContain(FIRST);
    expect(show.text).toContain('Walk through the first-year development plan');
    const early = await alice.agent
      .post(scorecardPage(interview))
      .type('form')
      .send({ ...scorecard(interview, [3, 3], 'EARLY'), _csrf: csrfTokenIn(show.text) });
    expect(early.status).toBe(409);

    await alice.agent
      .post(`/interviews/${interview.id}/prepared`)
      .type('form')
      .send({ _csrf: csrfTokenIn(show.text) })
      .expect(303);
    const seat = await testApp.dataSource
      .getRepository(Panelist)
      .findOneByOrFail({ interviewId: interview.id, userId: alice.user.id });
    expect(seat.preparedAt).toBeInstanceOf(Date);

    // Prepared, but the interview is a week away: the questions can be read, nothing can be scored.
    const waiting = await alice.agent.get(scorecardPage(interview)).expect(200);
    expect(waiting.text).toContain('Your scorecard opens when the interview starts');
    expect(waiting.text).toContain('<fieldset class="plain" disabled');
    expect(waiting.text).not.toContain('Submit scorecard');
    const tooSoon = await alice.agent
      .post(scorecardPage(interview))
      .type('form')
      .send({ ...scorecard(interview, [3, 3], 'TOO-SOON'), _csrf: csrfTokenIn(waiting.text) });
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.text).toContain('The scorecard opens when the interview starts');
    expect((await testApp.dataSource.getRepository(Panelist).findOneByOrFail({ id: seat.id })).submittedAt).toBeNull();

    await underway(testApp, interview.id);
    const open = await alice.agent.get(scorecardPage(interview)).expect(200);
    expect(open.text).not.toContain('<fieldset class="plain" disabled');
    expect(open.text).toContain('Submit scorecard');

    // Submitting needs a rating and evidence for every question, the plan reaction and a recommendation.
    const incomplete = await submitForm(alice.agent, scorecardPage(interview), {
      [`ratings[q${interview.questions[0].questionId}][rating]`]: '3',
      action: 'submit',
    });
    expect(incomplete.status).toBe(422);
    expect(incomplete.text).toContain('Write the evidence: what the candidate said');
    expect(incomplete.text).toContain('Choose a recommendation');
    expect((await testApp.dataSource.getRepository(Panelist).findOneByOrFail({ id: seat.id })).submittedAt).toBeNull();
  });

  it('shows nobody another panelist’s scores or notes until every scorecard is in', async () => {
    const { application, interview } = await scheduled([alice, bob, manager], alice);
    for (const person of [alice, bob, manager])
      await redirected(
        submitForm(person.agent, `/interviews/${interview.id}`, {}, `/interviews/${interview.id}/prepared`),
      );
    await redirected(submitForm(alice.agent, scorecardPage(interview), scorecard(interview, [4, 4], 'ALPHA-EVIDENCE')));
    await redirected(
      submitForm(bob.agent, scorecardPage(interview), scorecard(interview, [2, 2], 'BRAVO-DRAFT', 'draft')),
    );

    const pages: [Person, string][] = [
      [bob, `/interviews/${interview.id}`],
      [bob, scorecardPage(interview)],
      [bob, '/'],
      [manager, `/interviews/${interview.id}`],
      [manager, scorecardPage(interview)],
      [manager, `/applications/${application.id}`],
      [manager, `/positions/${positionId}/board`],
      [manager, `/candidates/${application.candidateId}`],
      [manager, `/positions/${positionId}/applications`],
      [manager, '/'],
      [alice, `/interviews/${interview.id}`],
      [alice, scorecardPage(interview)],
      [alice, '/'],
    ];
    for (const [person, path] of pages) {
      const response = await person.agent.get(path).expect(200);
      if (person !== alice) expect(response.text).not.toContain('ALPHA-EVIDENCE');
      if (person !== bob) expect(response.text).not.toContain('BRAVO-DRAFT');
    }
    // Bob's own draft is his to see.
    expect((await bob.agent.get(scorecardPage(interview))).text).toContain('BRAVO-DRAFT');
    for (const person of [alice, bob, manager]) {
      const debrief = await person.agent.get(`/interviews/${interview.id}/debrief`).expect(409);
      expect(debrief.text).toContain('The debrief opens when every scorecard is in: 1 of 3 so far');
      expect(debrief.text).not.toContain('ALPHA-EVIDENCE');
    }

    await redirected(submitForm(bob.agent, scorecardPage(interview), scorecard(interview, [2, 2], 'BRAVO-FINAL')));
    await redirected(
      submitForm(manager.agent, scorecardPage(interview), scorecard(interview, [3, 3], 'MANAGER-NOTES')),
    );
    // Panelists find the open debrief on their home page.
    expect((await bob.agent.get('/').expect(200)).text).toContain(`href="/interviews/${interview.id}/debrief"`);
    const debrief = await bob.agent.get(`/interviews/${interview.id}/debrief`).expect(200);
    expect(debrief.text).toContain('ALPHA-EVIDENCE');
    expect(debrief.text).toContain('MANAGER-NOTES');
    await dave.agent.get(`/interviews/${interview.id}/debrief`).expect(403);
  });

  it('sorts the debrief by disagreement, keeps the history of edits after submission, and records the decision', async () => {
    const { application, interview } = await scheduled([alice, bob], alice);
    const [first, second] = interview.questions;
    for (const person of [alice, bob])
      await redirected(
        submitForm(person.agent, `/interviews/${interview.id}`, {}, `/interviews/${interview.id}/prepared`),
      );
    // Agreement on the first question (3 and 3), disagreement on the second (4 and 1).
    await redirected(submitForm(alice.agent, scorecardPage(interview), scorecard(interview, [3, 4], 'ALICE')));
    await redirected(
      submitForm(bob.agent, scorecardPage(interview), { ...scorecard(interview, [3, 1], 'BOB'), recommendation: 'no' }),
    );

    // Alice corrects a rating after submitting: kept in the history.
    const edited = await submitForm(alice.agent, scorecardPage(interview), {
      ...scorecard(interview, [2, 4], 'ALICE'),
      recommendation: 'strong-yes',
    });
    expect(edited.status).toBe(303);
    const edits = await testApp.dataSource.getRepository(ScorecardEdit).find();
    expect(edits).toHaveLength(1);
    expect(edits[0].changes).toEqual([
      { field: expect.stringContaining('Rating: How would you get a first meeting'), from: '3', to: '2' },
      { field: 'Recommendation', from: 'Yes', to: 'Strong yes' },
    ]);

    const debrief = await manager.agent.get(`/interviews/${interview.id}/debrief`).expect(200);
    const matrix = debrief.text.slice(
      debrief.text.indexOf('id="matrix-heading"'),
      debrief.text.indexOf('id="outcomes-heading"'),
    );
    expect(matrix.indexOf(SECOND.slice(0, 40))).toBeGreaterThan(-1);
    expect(matrix.indexOf(SECOND.slice(0, 40))).toBeLessThan(matrix.indexOf(FIRST.slice(0, 40)));
    expect(debrief.text).toContain('Changes after submission');
    expect(debrief.text).toMatch(/Recommendation: “Yes” → “Strong yes”/);
    expect(debrief.text).toContain('Embraces it');
    expect(debrief.text).toContain('Strong yes');
    void first;
    void second;

    // Only the manager decides, with a rationale.
    const notManager = await submitForm(
      alice.agent,
      `/interviews/${interview.id}/debrief`,
      { decision: 'hire', rationale: 'Alice thinks this is a clear hire on the evidence.' },
      `/interviews/${interview.id}/decision`,
    );
    expect(notManager.status).toBe(403);
    const noRationale = await submitForm(
      manager.agent,
      `/interviews/${interview.id}/debrief`,
      { decision: 'hire', rationale: '' },
      `/interviews/${interview.id}/decision`,
    );
    expect(noRationale.status).toBe(422);
    expect(noRationale.text).toContain('Write the rationale');
    const rationale =
      'Strong, specific answers on prospecting; the plan walk-through was welcomed. The pipeline answer split the panel, so coach it in month one.';
    const decided = await submitForm(
      manager.agent,
      `/interviews/${interview.id}/debrief`,
      { decision: 'hire', rationale },
      `/interviews/${interview.id}/decision`,
    );
    expect(decided.status).toBe(303);

    const moved = await testApp.dataSource.getRepository(Application).findOneByOrFail({ id: application.id });
    expect(moved.stage).toBe('offer');
    const saved = await testApp.dataSource.getRepository(Interview).findOneByOrFail({ id: interview.id });
    expect(saved).toMatchObject({ decision: 'hire', rationale, decidedById: manager.user.id });
    const page = await manager.agent.get(`/applications/${application.id}`).expect(200);
    expect(page.text).toContain('Decision: Hire');
    expect(page.text).toContain('Debrief of round 1: Hire.');

    // The debrief is closed: the scorecard is shown read-only, no more edits, no second decision.
    const readOnly = await alice.agent.get(scorecardPage(interview)).expect(200);
    expect(readOnly.text).toContain('this scorecard can no longer change');
    expect(readOnly.text).toContain('<fieldset class="plain" disabled');
    expect(readOnly.text).not.toContain('Save changes</button>');
    const late = await submitForm(
      alice.agent,
      `/interviews/${interview.id}`,
      { ...scorecard(interview, [1, 1], 'ALICE') },
      scorecardPage(interview),
    );
    expect(late.status).toBe(409);
    const again = await submitForm(
      manager.agent,
      `/interviews/${interview.id}/debrief`,
      { decision: 'no-hire', rationale },
      `/interviews/${interview.id}/decision`,
    );
    expect(again.status).toBe(409);
  });

  it('rejects with a reason on a no-hire decision, and a hold leaves room for another round', async () => {
    for (const decision of ['no-hire', 'hold'] as const) {
      const { application, interview } = await scheduled([alice, bob], bob);
      for (const person of [alice, bob]) {
        await redirected(
          submitForm(person.agent, `/interviews/${interview.id}`, {}, `/interviews/${interview.id}/prepared`),
        );
        await redirected(submitForm(person.agent, scorecardPage(interview), scorecard(interview, [1, 2], 'X')));
      }
      const rationale = 'Answers stayed generic on both questions and the plan was met with indifference.';
      if (decision === 'no-hire') {
        const missing = await submitForm(
          manager.agent,
          `/interviews/${interview.id}/debrief`,
          { decision, rationale },
          `/interviews/${interview.id}/decision`,
        );
        expect(missing.status).toBe(422);
        expect(missing.text).toContain('Choose the rejection reason');
        const [reason] = await testApp.app.get(PipelineService).reasons();
        await redirected(
          submitForm(
            manager.agent,
            `/interviews/${interview.id}/debrief`,
            { decision, rationale, reasonId: String(reason.id) },
            `/interviews/${interview.id}/decision`,
          ),
        );
        expect(
          (await testApp.dataSource.getRepository(Application).findOneByOrFail({ id: application.id })).stage,
        ).toBe('rejected');
      } else {
        await redirected(
          submitForm(
            manager.agent,
            `/interviews/${interview.id}/debrief`,
            { decision, rationale },
            `/interviews/${interview.id}/decision`,
          ),
        );
        expect(
          (await testApp.dataSource.getRepository(Application).findOneByOrFail({ id: application.id })).stage,
        ).toBe('interview');
        await redirected(schedule(application.id, scheduleFields([alice.user.id, carol.user.id], carol.user.id)));
        const rounds = await testApp.dataSource
          .getRepository(Interview)
          .find({ where: { applicationId: application.id }, order: { id: 'ASC' } });
        expect(rounds.map((round) => round.round)).toEqual([1, 2]);
      }
    }
  });

  it('lists overdue scorecards for the lead and the hiring manager, and reminds the late panelist once by mail', async () => {
    const { interview } = await scheduled([alice, carol], alice);
    await redirected(
      submitForm(alice.agent, `/interviews/${interview.id}`, {}, `/interviews/${interview.id}/prepared`),
    );
    await redirected(submitForm(alice.agent, scorecardPage(interview), scorecard(interview, [3, 3], 'ON-TIME')));
    // The interview took place two days ago.
    await testApp.dataSource
      .getRepository(Interview)
      .update(interview.id, { startsAt: new Date(Date.now() - 2 * 86_400_000) });
    await clearOutbox();

    const panel = testApp.app.get(PanelService);
    await expect(panel.remindOverdue()).resolves.toBeGreaterThanOrEqual(1);
    const reminders = (await outbox()).filter((message) => message.subject.startsWith('Your scorecard for'));
    expect(reminders.map((message) => message.to)).toContain(carol.user.email);
    expect(reminders.map((message) => message.to)).not.toContain(alice.user.email);
    const carols = reminders.find((message) => message.to === carol.user.email)!;
    expect(carols.text).toContain(`/interviews/${interview.id}/scorecard`);
    await clearOutbox();
    await panel.remindOverdue();
    expect((await outbox()).filter((message) => message.to === carol.user.email)).toEqual([]);

    const late = `Overdue: ${carol.user.name}’s scorecard`;
    expect((await alice.agent.get('/').expect(200)).text).toContain(late);
    const managerHome = await manager.agent.get('/').expect(200);
    expect(managerHome.text).toContain(late);
    // Pipeline health counts the late scorecard; the interviews of this file are all in the coming week or done.
    expect(Number(/Overdue scorecards<\/dt><dd>(\d+)<\/dd>/.exec(managerHome.text)![1])).toBe(1);
    expect((await carol.agent.get('/').expect(200)).text).toContain('Overdue: your scorecard');
    expect((await bob.agent.get('/').expect(200)).text).not.toContain(late);
  });

  it('records a decision and its stage move together: a failure after the move leaves neither', async () => {
    const { application, interview } = await scheduled([alice, bob], alice);
    for (const person of [alice, bob]) {
      await redirected(
        submitForm(person.agent, `/interviews/${interview.id}`, {}, `/interviews/${interview.id}/prepared`),
      );
      await redirected(submitForm(person.agent, scorecardPage(interview), scorecard(interview, [4, 3], 'UNIT')));
    }
    const rationale = 'Specific, researched answers from both panelists; the plan was welcomed.';
    const failing = jest
      .spyOn(InterviewsRepository.prototype, 'saveInterview')
      .mockRejectedValueOnce(new Error('The disk is full'));
    try {
      const failed = await submitForm(
        manager.agent,
        `/interviews/${interview.id}/debrief`,
        { decision: 'hire', rationale },
        `/interviews/${interview.id}/decision`,
      );
      expect(failed.status).toBe(500);
      expect(failing).toHaveBeenCalledTimes(1);
    } finally {
      failing.mockRestore();
    }
    const applications = testApp.dataSource.getRepository(Application);
    expect((await applications.findOneByOrFail({ id: application.id })).stage).toBe('interview');
    expect(await testApp.dataSource.getRepository(Interview).findOneByOrFail({ id: interview.id })).toMatchObject({
      decision: null,
      decidedAt: null,
    });
    const events = await testApp.dataSource.getRepository(ApplicationEvent).findBy({ applicationId: application.id });
    expect(events.map((event) => event.summary).join('\n')).not.toContain('Debrief of round 1');

    await redirected(
      submitForm(
        manager.agent,
        `/interviews/${interview.id}/debrief`,
        { decision: 'hire', rationale },
        `/interviews/${interview.id}/decision`,
      ),
    );
    expect((await applications.findOneByOrFail({ id: application.id })).stage).toBe('offer');
  });

  it('keeps ratings only as rows, drafts and evidence included, and its migration round-trips through the JSON', async () => {
    const { interview } = await scheduled([alice, bob], alice);
    const [first, second] = interview.questions;
    for (const person of [alice, bob])
      await redirected(
        submitForm(person.agent, `/interviews/${interview.id}`, {}, `/interviews/${interview.id}/prepared`),
      );
    await redirected(submitForm(alice.agent, scorecardPage(interview), scorecard(interview, [4, 2], 'ROWS')));
    // Bob's draft: a rating without evidence on the first question, evidence without a rating on the second.
    await redirected(
      submitForm(bob.agent, scorecardPage(interview), {
        [`ratings[q${first.questionId}][rating]`]: '3',
        [`ratings[q${second.questionId}][evidence]`]: 'DRAFT-ONLY evidence',
        action: 'draft',
      }),
    );
    const seats = await testApp.dataSource
      .getRepository(Panelist)
      .find({ where: { interviewId: interview.id }, order: { id: 'ASC' } });
    const [aliceSeat, bobSeat] = [alice, bob].map((person) => seats.find((seat) => seat.userId === person.user.id)!);
    const rows = () =>
      testApp.dataSource.getRepository(ScorecardRating).find({
        where: seats.map((seat) => ({ panelistId: seat.id })),
        order: { panelistId: 'ASC', questionId: 'ASC' },
      });
    const stored = (await rows()).map(({ panelistId, questionId, rating, evidence }) => ({
      panelistId,
      questionId,
      rating,
      evidence,
    }));
    expect(stored).toEqual(
      [
        {
          panelistId: aliceSeat.id,
          questionId: first.questionId,
          rating: 4,
          evidence: expect.stringContaining('ROWS'),
        },
        {
          panelistId: aliceSeat.id,
          questionId: second.questionId,
          rating: 2,
          evidence: expect.stringContaining('ROWS'),
        },
        { panelistId: bobSeat.id, questionId: first.questionId, rating: 3, evidence: '' },
        { panelistId: bobSeat.id, questionId: second.questionId, rating: null, evidence: 'DRAFT-ONLY evidence' },
      ].sort((a, b) => a.panelistId - b.panelistId || a.questionId - b.questionId),
    );
    // Bob's draft survives a reload of his scorecard.
    const draft = await bob.agent.get(scorecardPage(interview)).expect(200);
    expect(draft.text).toContain('DRAFT-ONLY evidence');

    // Each step on its own query runner, as the migration CLI runs them (a runner caches the tables it has read).
    const migrate = async (step: 'up' | 'down') => {
      const runner = testApp.dataSource.createQueryRunner();
      try {
        await runner.beforeMigration();
        await runner.startTransaction();
        await new ScorecardRatingsOnly1795389600000()[step](runner);
        await runner.commitTransaction();
        await runner.afterMigration();
      } finally {
        await runner.release();
      }
    };
    await migrate('down');
    const json = (await testApp.dataSource.query(
      `SELECT id, ratings FROM panelists WHERE id IN (${aliceSeat.id}, ${bobSeat.id}) ORDER BY id`,
    )) as { id: number; ratings: string }[];
    const restored = Object.fromEntries(json.map((seat) => [seat.id, JSON.parse(seat.ratings) as unknown]));
    expect(restored[aliceSeat.id]).toEqual({
      [first.questionId]: { rating: 4, evidence: expect.stringContaining('ROWS') },
      [second.questionId]: { rating: 2, evidence: expect.stringContaining('ROWS') },
    });
    expect(restored[bobSeat.id]).toEqual({
      [first.questionId]: { rating: 3, evidence: '' },
      [second.questionId]: { rating: null, evidence: 'DRAFT-ONLY evidence' },
    });
    // As before the migration: rows only for the rated questions of submitted scorecards.
    const oldRows = (await testApp.dataSource.query(
      `SELECT "panelistId", "questionId", rating FROM scorecard_ratings WHERE "panelistId" IN (${aliceSeat.id}, ${bobSeat.id}) ORDER BY "questionId"`,
    )) as { panelistId: number; questionId: number; rating: number }[];
    expect(oldRows.map((row) => [Number(row.panelistId), Number(row.rating)])).toEqual([
      [aliceSeat.id, 4],
      [aliceSeat.id, 2],
    ]);
    await migrate('up');
    const again = (await rows()).map(({ panelistId, questionId, rating, evidence }) => ({
      panelistId,
      questionId,
      rating,
      evidence,
    }));
    expect(again).toEqual(stored);
  });

  it('counts only submitted scorecards in the hires’ interview measures, though drafts are rows too', async () => {
    const ds = testApp.dataSource;
    const otherPositionId = await publishedPosition(testApp, manager.user, 'Account executive (insights)');
    const hire = await reviewedHire(ds, {
      positionId: otherPositionId,
      managerId: manager.user.id,
      eligibility: 70,
      suitability: 70,
      results: [[1, 'met']],
    });
    const seat = (user: User, ratings: number[]) => ({ user, ratings, recommendation: 'yes' as const, hoursLate: 1 });
    await pastPanel(ds, {
      applicationId: hire.applicationId,
      day: 20,
      decision: 'hire',
      byId: manager.user.id,
      seats: [seat(alice.user, [4, 4])],
    });
    // An earlier round, cancelled while Bob's scorecard was still a draft.
    const cancelled = await pastPanel(ds, {
      applicationId: hire.applicationId,
      day: 10,
      decision: null,
      byId: manager.user.id,
      seats: [seat(bob.user, [1, 1])],
    });
    await ds.getRepository(Panelist).update({ interviewId: cancelled.id }, { submittedAt: null });
    await ds.getRepository(Interview).update(cancelled.id, { cancelledAt: new Date() });

    const insights = testApp.app.get(InsightsRepository);
    const filter = { scope: 'all' as const, positionId: otherPositionId };
    const [measures] = await insights.hireMeasures(filter);
    expect(Number(measures.interview)).toBe(4);
    const byInterviewer = (await insights.hireRatings(filter)).filter((row) => row.kind === 'interviewer');
    expect(byInterviewer.map((row) => [Number(row.key), Number(row.mean)])).toEqual([[alice.user.id, 4]]);
  });
});
