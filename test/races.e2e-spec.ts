import type { User } from '../src/accounts/entities/user.entity.js';
import { Application } from '../src/candidates/entities/application.entity.js';
import { PlanTemplate } from '../src/development/entities/plan-template.entity.js';
import { Hire, Offer } from '../src/hires/entities/hire.entity.js';
import { HiresService } from '../src/hires/hires.service.js';
import { Interview, Panelist, ScorecardEdit, ScorecardRating } from '../src/interviews/entities/interview.entity.js';
import { Candidate } from '../src/candidates/entities/candidate.entity.js';
import { DataRequest } from '../src/data-protection/entities/data-request.entity.js';
import { AuditEvent } from '../src/audit/audit-event.entity.js';
import { OutboxMessage } from '../src/mail/entities/outbox-message.entity.js';
import { Outcome } from '../src/positions/entities/outcome.entity.js';
import { B2B_SALESPERSON } from '../src/positions/position-templates.js';
import { PositionsService } from '../src/positions/positions.service.js';
import { PositionGrader } from '../src/vetting/entities/position-grader.entity.js';
import { WritingGrade } from '../src/vetting/entities/writing-grade.entity.js';
import { WritingSubmission } from '../src/vetting/entities/writing-submission.entity.js';
import { signIn, signedInAs, type Agent } from './support/http.js';
import { history } from './support/insights-data.js';
import { applicationInInterview } from './support/interviews.js';
import { publishedPosition } from './support/positions.js';
import { outcomesOf, race, rounds } from './support/races.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type Person = { agent: Agent; user: User };

/**
 * Truly concurrent requests on one row (PostgreSQL runs them in parallel; SQLite has one writer): each pair opens its
 * form first, then both post at once. Exactly one wins (303), the other gets the 409 page, never a 5xx, and the rows
 * agree with what the winner sent. Each race runs 20 times on PostgreSQL, 3 times on SQLite.
 */
describe('Races: one winner, consistent rows', () => {
  let testApp: TestApp;
  let manager: Person;
  let managerAgain: Agent;
  let positionId: number;

  beforeAll(async () => {
    testApp = await createTestApp();
    await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    managerAgain = await signIn(testApp, manager.user.email);
    positionId = await publishedPosition(testApp, manager.user);
    // Room for every hire the offer race makes, so the position stays open for applications.
    await testApp.dataSource.query(`UPDATE positions SET headcount = 1000 WHERE id = ${positionId}`);
  });
  afterAll(() => testApp.close());

  const repo = <T extends object>(entity: new () => T) => testApp.dataSource.getRepository(entity);
  const winnerOf = (statuses: number[]) => statuses.indexOf(303);

  it('two saves of one position from forms at the same version: one is saved, never more than 8 outcomes', async () => {
    const positions = testApp.app.get(PositionsService);
    for (let round = 0; round < rounds(testApp); round += 1) {
      const { id } = await positions.create(manager.user, B2B_SALESPERSON.key, undefined);
      const start = await repo(Outcome).countBy({ positionId: id });
      const added = Math.max(1, 8 - start);
      const withOutcomes = (tag: string) => (form: Record<string, string>) => {
        const fields: Record<string, string> = { ...form, mission: `Mission ${tag}` };
        for (let n = 0; n < added; n += 1) fields[`outcomes[${start + n}][metric]`] = `Metric ${tag} ${n}`;
        return fields;
      };
      const responses = await race([
        { agent: manager.agent, page: `/positions/${id}/edit`, action: `/positions/${id}`, fields: withOutcomes('A') },
        { agent: managerAgain, page: `/positions/${id}/edit`, action: `/positions/${id}`, fields: withOutcomes('B') },
      ]);
      const statuses = responses.map((response) => response.status);
      expect(outcomesOf(responses)).toEqual([303, 409]);
      expect(responses[1 - winnerOf(statuses)].text).toContain('Someone else saved this while you were editing');
      const tag = winnerOf(statuses) === 0 ? 'A' : 'B';
      const outcomes = await repo(Outcome).findBy({ positionId: id });
      expect(outcomes).toHaveLength(start + added);
      expect(outcomes.filter((outcome) => outcome.metric?.startsWith('Metric ')).map((o) => o.metric)).toEqual(
        expect.arrayContaining(Array.from({ length: added }, (_, n) => `Metric ${tag} ${n}`)),
      );
      expect((await positions.findOrFail(id)).mission).toBe(`Mission ${tag}`);

      // The plan template: the same rule.
      const phases = (
        await repo(PlanTemplate).findOneOrFail({ where: { positionId: id }, relations: { phases: true } })
      ).phases.length;
      const renamed = (tag: string) => (form: Record<string, string>) => ({
        ...form,
        'phases[0][name]': `Ramp ${tag}`,
      });
      const planResponses = await race([
        {
          agent: manager.agent,
          page: `/positions/${id}/plan/edit`,
          action: `/positions/${id}/plan`,
          fields: renamed('A'),
        },
        {
          agent: managerAgain,
          page: `/positions/${id}/plan/edit`,
          action: `/positions/${id}/plan`,
          fields: renamed('B'),
        },
      ]);
      const planStatuses = planResponses.map((response) => response.status);
      expect(outcomesOf(planResponses)).toEqual([303, 409]);
      const plan = await repo(PlanTemplate).findOneOrFail({
        where: { positionId: id },
        relations: { phases: true },
        order: { phases: { sortOrder: 'ASC' } },
      });
      expect(plan.phases).toHaveLength(phases);
      expect(plan.phases[0].name).toBe(`Ramp ${winnerOf(planStatuses) === 0 ? 'A' : 'B'}`);
    }
  });

  /** An interview of one question whose panel has submitted (or, with `open`, only prepared) its scorecards. */
  async function interviewWithPanel(
    seats: User[],
    open = false,
  ): Promise<{ interview: Interview; application: Application }> {
    const application = await applicationInInterview(testApp, manager.user, positionId);
    const startsAt = new Date(Date.now() - 2 * 3_600_000);
    const interview = await repo(Interview).save(
      repo(Interview).create({
        applicationId: application.id,
        round: 1,
        startsAt,
        timeZone: 'UTC',
        durationMinutes: 60,
        location: 'Room 1',
        uid: `race-${application.id}@example.org`,
        sequence: 0,
        cancelledAt: null,
        questions: [
          {
            questionId: 900,
            text: 'How would you open a clinic group?',
            followUps: null,
            rubric: ['Vague.', 'Generic.', 'Researched.', 'Specific.'],
            minutes: 15,
            outcomeIds: [],
          },
        ],
        outcomes: [],
        instructions: null,
        decision: null,
        rationale: null,
        decidedAt: null,
        decidedById: null,
        scheduledById: manager.user.id,
      }),
    );
    for (const user of seats) {
      const seat = await repo(Panelist).save(
        repo(Panelist).create({
          interviewId: interview.id,
          userId: user.id,
          lead: user === seats[0],
          preparedAt: startsAt,
          planReaction: open ? null : 'neutral',
          planNotes: null,
          recommendation: open ? null : 'yes',
          submittedAt: open ? null : new Date(),
          remindedAt: null,
        }),
      );
      if (!open)
        await repo(ScorecardRating).insert({
          panelistId: seat.id,
          questionId: 900,
          rating: 2,
          evidence: 'Named the CFO.',
        });
    }
    return { interview, application };
  }

  it('two decisions on one debrief: one is recorded', async () => {
    const [alice, bob] = [await signedInAs(testApp, ['interviewer']), await signedInAs(testApp, ['interviewer'])];
    for (let round = 0; round < rounds(testApp); round += 1) {
      const { interview, application } = await interviewWithPanel([alice.user, bob.user]);
      const page = `/interviews/${interview.id}/debrief`;
      const action = `/interviews/${interview.id}/decision`;
      const responses = await race([
        {
          agent: manager.agent,
          page,
          action,
          fields: () => ({ decision: 'hire', rationale: 'Strong evidence on every question.' }),
        },
        {
          agent: managerAgain,
          page,
          action,
          fields: () => ({ decision: 'hold', rationale: 'Wait for the references to come back.' }),
        },
      ]);
      const statuses = responses.map((response) => response.status);
      expect(outcomesOf(responses)).toEqual([303, 409]);
      expect(responses[1 - winnerOf(statuses)].text).toMatch(
        /Someone else recorded a decision|A decision has already been recorded/,
      );
      const decided = await repo(Interview).findOneByOrFail({ id: interview.id });
      const hired = winnerOf(statuses) === 0;
      expect(decided.decision).toBe(hired ? 'hire' : 'hold');
      expect((await repo(Application).findOneByOrFail({ id: application.id })).stage).toBe(
        hired ? 'offer' : 'interview',
      );
    }
  });

  it('two cancellations of one interview: one is recorded, and the panel and candidate are told once', async () => {
    const [alice, bob] = [await signedInAs(testApp, ['interviewer']), await signedInAs(testApp, ['interviewer'])];
    for (let round = 0; round < rounds(testApp); round += 1) {
      const { interview } = await interviewWithPanel([alice.user, bob.user], true);
      const page = `/interviews/${interview.id}/cancel`;
      const action = `/interviews/${interview.id}/cancel`;
      const before = await repo(OutboxMessage).count();
      const responses = await race([
        { agent: manager.agent, page, action, fields: (form) => form },
        { agent: managerAgain, page, action, fields: (form) => form },
      ]);
      expect(outcomesOf(responses)).toEqual([303, 409]);
      const cancelled = await repo(Interview).findOneByOrFail({ id: interview.id });
      expect(cancelled.cancelledAt).not.toBeNull();
      expect(cancelled.sequence).toBe(1);
      // One cancellation each for the candidate and the two panelists, not two.
      expect((await repo(OutboxMessage).count()) - before).toBe(3);
    }
  });

  it('two submissions and two corrections of one scorecard: one each, and the history matches the scorecard', async () => {
    const alice = await signedInAs(testApp, ['interviewer']);
    const aliceAgain = await signIn(testApp, alice.user.email);
    const bob = await signedInAs(testApp, ['interviewer']);
    for (let round = 0; round < rounds(testApp); round += 1) {
      const { interview } = await interviewWithPanel([alice.user, bob.user], true);
      const page = `/interviews/${interview.id}/scorecard`;
      const rated = (rating: number) => () => ({
        'ratings[q900][rating]': String(rating),
        'ratings[q900][evidence]': `Evidence for ${rating}.`,
        planReaction: 'embraces',
        planNotes: '',
        recommendation: 'yes',
        action: 'submit',
      });
      // A second submission that arrives after the first has committed is a correction (it has no stale-form
      // version), so both may be accepted; either way the history must lead from the first rating to the stored one.
      const saves = [
        ...(await race([
          { agent: alice.agent, page, action: page, fields: rated(1) },
          { agent: aliceAgain, page, action: page, fields: rated(2) },
        ])),
        ...(await race([
          { agent: alice.agent, page, action: page, fields: rated(3) },
          { agent: aliceAgain, page, action: page, fields: rated(4) },
        ])),
      ];
      for (const save of saves) expect([303, 409]).toContain(save.status);
      expect(saves[0].status === 303 || saves[1].status === 303).toBe(true);
      expect(saves[2].status === 303 || saves[3].status === 303).toBe(true);
      for (const refused of saves.filter((save) => save.status === 409))
        expect(refused.text).toContain('This scorecard was saved from another window a moment ago');
      const seat = await repo(Panelist).findOneByOrFail({ interviewId: interview.id, userId: alice.user.id });
      expect(seat.submittedAt).not.toBeNull();
      const ratings = await repo(ScorecardRating).findBy({ panelistId: seat.id });
      expect(ratings).toHaveLength(1);
      const edits = (await repo(ScorecardEdit).find({ where: { panelistId: seat.id }, order: { id: 'ASC' } })).map(
        (edit) => edit.changes.find((change) => change.field.startsWith('Rating'))!,
      );
      // Every accepted save after the first changed the rating and left one edit, each starting where the last ended.
      expect(edits).toHaveLength(saves.filter((save) => save.status === 303).length - 1);
      edits.slice(1).forEach((edit, index) => expect(edit.from).toBe(edits[index].to));
      expect(edits.at(-1)!.to).toBe(String(ratings[0].rating));
      expect([3, 4]).toContain(ratings[0].rating);
    }
  });

  it('two accepts of one offer: one hire, one account', async () => {
    const hires = testApp.app.get(HiresService);
    for (let round = 0; round < rounds(testApp); round += 1) {
      const application = await applicationInInterview(testApp, manager.user, positionId);
      await repo(Application).update(application.id, { stage: 'offer' });
      const offer = await hires.recordOffer(manager.user, application.id, {
        offeredOn: '2026-11-20',
        terms: 'USD 95,000.',
      });
      const page = `/applications/${application.id}/offer`;
      const action = `/applications/${application.id}/offers/${offer.id}/accept`;
      const responses = await race([
        { agent: manager.agent, page, action, fields: () => ({ startDate: '2026-12-01', buddyId: '' }) },
        { agent: managerAgain, page, action, fields: () => ({ startDate: '2026-12-08', buddyId: '' }) },
      ]);
      const statuses = responses.map((response) => response.status);
      expect(outcomesOf(responses)).toEqual([303, 409]);
      const hire = await repo(Hire).findOneByOrFail({ applicationId: application.id });
      expect(hire.startDate).toBe(winnerOf(statuses) === 0 ? '2026-12-01' : '2026-12-08');
      expect((await repo(Offer).findOneByOrFail({ id: offer.id })).status).toBe('accepted');
      expect(
        await testApp.dataSource.query(`SELECT id FROM users WHERE email = '${application.candidate.email}'`),
      ).toHaveLength(1);
    }
  });

  it('two graders at the same instant: each one grade, and exactly one third grader', async () => {
    const graders = [
      await signedInAs(testApp, ['interviewer']),
      await signedInAs(testApp, ['interviewer']),
      await signedInAs(testApp, ['interviewer']),
    ];
    const firstAgain = await signIn(testApp, graders[0].user.email);
    const gradingPosition = await publishedPosition(testApp, manager.user, 'Graded in a race');
    await repo(PositionGrader).insert(
      graders.map((grader) => ({ positionId: gradingPosition, userId: grader.user.id })),
    );
    const levels = (level: number) => () =>
      Object.fromEntries(
        ['purpose', 'structure', 'mechanics', 'tone', 'callToAction'].map((key) => [`levels[${key}]`, String(level)]),
      );
    for (let round = 0; round < rounds(testApp); round += 1) {
      const application = await applicationInInterview(testApp, manager.user, gradingPosition);
      const submission = await repo(WritingSubmission).save(
        repo(WritingSubmission).create({
          applicationId: application.id,
          prompt: 'Write to a clinic group.',
          startedAt: new Date(),
          submittedAt: new Date(),
          text: 'Dear Ms Quartz, our customers cut intake waits by a third.',
        }),
      );
      const [first, second] = await repo(WritingGrade).save(
        graders.slice(0, 2).map((grader) =>
          repo(WritingGrade).create({
            submissionId: submission.id,
            graderId: grader.user.id,
            assignedAt: new Date(),
          }),
        ),
      );
      const responses = await race([
        { agent: graders[0].agent, page: `/grading/${first.id}`, action: `/grading/${first.id}`, fields: levels(1) },
        { agent: firstAgain, page: `/grading/${first.id}`, action: `/grading/${first.id}`, fields: levels(1) },
        { agent: graders[1].agent, page: `/grading/${second.id}`, action: `/grading/${second.id}`, fields: levels(4) },
      ]);
      // The same grader twice: one grade, the repeat refused; the other grader's grade is taken.
      expect(outcomesOf(responses.slice(0, 2))).toEqual([303, 409]);
      expect(responses[2].status).toBe(303);
      const grades = await repo(WritingGrade).findBy({ submissionId: submission.id });
      expect(grades).toHaveLength(3);
      expect(new Set(grades.map((grade) => grade.graderId)).size).toBe(3);
      expect(grades.filter((grade) => grade.submittedAt)).toHaveLength(2);
    }
  });

  it('two admins answering one erasure request at once: one answer, one mail, one anonymisation', async () => {
    const admins = [await signedInAs(testApp, ['admin']), await signedInAs(testApp, ['admin'])];
    const confirm = (admin: Person, id: number) => ({
      agent: admin.agent,
      page: `/admin/data-requests/${id}`,
      action: `/admin/data-requests/${id}/confirm`,
      fields: () => ({}),
    });
    const refuse = (admin: Person, id: number) => ({
      agent: admin.agent,
      page: `/admin/data-requests/${id}`,
      action: `/admin/data-requests/${id}/refuse`,
      fields: () => ({ reason: 'eeoc', text: '' }),
    });
    const erase = (admin: Person, candidateId: number) => ({
      agent: admin.agent,
      page: `/candidates/${candidateId}/erase`,
      action: `/candidates/${candidateId}/erase`,
      fields: () => ({}),
    });
    const pairs = [
      (id: number) => [confirm(admins[0], id), confirm(admins[1], id)],
      (id: number) => [confirm(admins[0], id), refuse(admins[1], id)],
      (id: number, candidateId: number) => [confirm(admins[0], id), erase(admins[1], candidateId)],
    ];
    for (let round = 0; round < rounds(testApp); round += 1) {
      const kind = round % pairs.length;
      const application = await history(testApp.dataSource, {
        positionId,
        source: 'referral',
        applied: 0,
        moves: [['applied', 'rejected', 3]],
        byId: manager.user.id,
      });
      const { candidateId } = application;
      const request = await repo(DataRequest).save(
        repo(DataRequest).create({
          candidateId,
          applicationId: application.id,
          kind: 'erasure',
          status: 'pending',
          dueAt: new Date(Date.now() + 30 * 86_400_000),
        }),
      );
      const responses = await race(pairs[kind](request.id, candidateId));
      expect(outcomesOf(responses)).toEqual([303, 409]);
      const answered = await repo(DataRequest).findOneByOrFail({ id: request.id });
      const anonymised = (await repo(Candidate).findOneByOrFail({ id: candidateId })).anonymisedAt !== null;
      const mails = await repo(OutboxMessage).findBy({ applicationId: application.id });
      const keys = mails.map((mail) => mail.templateKey).sort();
      const trail = await repo(AuditEvent).findBy({ candidateId, action: 'anonymised' });
      if (answered.status === 'refused') {
        expect([anonymised, keys, trail.length]).toEqual([false, ['erasure-refused'], 0]);
      } else {
        expect(answered.status).toBe('confirmed');
        // Erased from the candidate page, nobody is mailed; confirmed from the queue, one "Data erased" mail.
        const byQueue = kind !== 2 || responses[0].status === 303;
        expect([anonymised, keys, trail.length]).toEqual([true, byQueue ? ['erasure-done'] : [], 1]);
      }
    }
  });
});
