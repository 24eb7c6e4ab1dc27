import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { User } from '../src/accounts/entities/user.entity.js';
import { CandidatesRepository } from '../src/candidates/candidates.repository.js';
import { ApplicationEvent } from '../src/candidates/entities/application-event.entity.js';
import { Application, STAGES } from '../src/candidates/entities/application.entity.js';
import { AnonymisationService } from '../src/data-protection/anonymisation.service.js';
import { UnitOfWork } from '../src/database/unit-of-work.js';
import { addDays } from '../src/hires/plan-dates.js';
import {
  AdverseImpactRepository,
  type AdverseImpactFilter,
  type StepCount,
} from '../src/insights/adverse-impact.repository.js';
import { InsightSummaries, MANY_BUCKETS } from '../src/insights/insight-summaries.js';
import { JobRunner } from '../src/jobs/job-runner.js';
import { SelfIdentification } from '../src/self-identification/entities/self-identification.entity.js';
import { QUESTIONS, type Answers } from '../src/self-identification/self-identification.js';
import { SelfIdentificationRepository } from '../src/self-identification/self-identification.repository.js';
import { Assessment } from '../src/vetting/entities/assessment.entity.js';
import { Presentation, PresentationScore } from '../src/vetting/entities/presentation.entity.js';
import { VettingConfig } from '../src/vetting/entities/vetting-config.entity.js';
import { WritingGrade } from '../src/vetting/entities/writing-grade.entity.js';
import { WritingSubmission } from '../src/vetting/entities/writing-submission.entity.js';
import { signedInAs } from './support/http.js';
import { history, person, T0 } from './support/insights-data.js';
import { publishedPosition } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { VettingService } from '../src/vetting/vetting.service.js';
import { InsightsRepository } from '../src/insights/insights.repository.js';
import { pipelineMove, prng, type Random } from './support/random.js';

const dayOf = (offset: number) => addDays(T0.toISOString().slice(0, 10), offset);
/** A moment `days` after T0's midnight, often right at the edges of a day. */
const momentOf = (days: number, random: Random) => {
  const edges = [0, 1, 86_399_000, 86_399_999, 43_200_000, random.int(86_400_000)];
  return new Date(Date.parse(`${dayOf(days)}T00:00:00Z`) + random.pick(edges));
};

/** The rows in one order, every count a number: what the report makes of them. */
const canonical = (rows: (Omit<StepCount, 'step'> & { step: string })[]) =>
  rows
    .map((row) => ({
      step: row.step,
      sex: row.sex,
      race: row.race,
      veteran: row.veteran,
      disability: row.disability,
      applicants: Number(row.applicants),
      selected: Number(row.selected ?? 0),
    }))
    .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));

const NO_REJECTION = { rejectionReasonId: null, rejectedFromStage: null, rejectionMessageId: null };

describe('The adverse-impact report from its summary table, exactly as from every application', () => {
  let testApp: TestApp;
  let adverse: AdverseImpactRepository;
  let summaries: InsightSummaries;
  let by: number;
  let manager: User;
  let positions: number[];
  let scorers: User[];
  /** Ready applications summed over every comparison (so the ready comparison is shown not to be vacuous). */
  let readySeen = 0;
  /** Grades and scores counted in the process effort over every comparison (likewise). */
  let gradedSeen = 0;

  const dirty = async () =>
    (
      (await testApp.dataSource.query(
        `SELECT DISTINCT kind, "positionId" AS "positionId", day FROM insight_dirty WHERE kind = 'adverse' ORDER BY day`,
      )) as { kind: string; positionId: number | string; day: string }[]
    ).map((row) => `${Number(row.positionId)} ${row.day}`);

  const filters = (random: Random): AdverseImpactFilter[] => {
    const list: AdverseImpactFilter[] = [
      {},
      { positionId: positions[0] },
      { positionId: positions[2] },
      { from: dayOf(3), to: dayOf(3) },
      { from: dayOf(5) },
      { to: dayOf(8) },
    ];
    for (let i = 0; i < 4; i += 1) {
      const from = random.int(25) - 2;
      list.push({
        positionId: random.next() < 0.4 ? random.pick(positions) : undefined,
        from: random.next() < 0.8 ? dayOf(from) : undefined,
        to: random.next() < 0.8 ? dayOf(from + random.int(10)) : undefined,
      });
    }
    return list;
  };

  const expectSummaryMatches = async (random: Random, context: string) => {
    for (const filter of filters(random)) {
      const where = `${context}, filter ${JSON.stringify(filter)}`;
      expect({ where, rows: canonical(await adverse.stepCounts(filter)) }).toEqual({
        where,
        rows: canonical(await adverse.stepCountsFull(filter)),
      });
    }
    // So do the bad-hire cost page's grading counts.
    for (const positionId of positions) {
      const effort = `${context}, process effort of position ${positionId}`;
      const insights = testApp.app.get(InsightsRepository);
      const counted = await insights.processEffort(positionId);
      gradedSeen += counted.grades + counted.scores;
      expect({ effort, counted }).toEqual({ effort, counted: await insights.processEffortFull(positionId) });
    }
    // The ready counts share the summary's buckets and marks: the same as the full query over every application.
    const ready = `${context}, ready counts`;
    const counts = await testApp.app.get(InsightsRepository).readyCounts(manager.id);
    readySeen += counts.reduce((sum, row) => sum + row.count, 0);
    expect({ ready, counts }).toEqual({
      ready,
      counts: await testApp.app.get(VettingService).passedGateCounts(manager.id),
    });
  };

  /** A graded rubric: scorers assigned, those with a level submitted it (null: assigned, not in yet). */
  async function writingTest(applicationId: number, levels: (number | null)[], submitted = true) {
    const submission = await testApp.dataSource.getRepository(WritingSubmission).save({
      applicationId,
      prompt: 'Write to a customer.',
      startedAt: T0,
      submittedAt: submitted ? T0 : null,
      text: submitted ? 'Dear customer.' : null,
    });
    for (const [index, level] of levels.entries())
      await testApp.dataSource.getRepository(WritingGrade).insert({
        submissionId: submission.id,
        graderId: scorers[index].id,
        assignedAt: T0,
        overall: level,
        submittedAt: level === null ? null : T0,
      });
    return submission;
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    // The refresh job must not refresh behind the test's back (the marks are inspected below).
    await testApp.app.get(JobRunner).stop();
    adverse = testApp.app.get(AdverseImpactRepository);
    summaries = testApp.app.get(InsightSummaries);
    const admin = await signedInAs(testApp, ['admin']);
    by = admin.user.id;
    manager = (await signedInAs(testApp, ['manager'])).user;
    positions = [
      await publishedPosition(testApp, manager, 'Adverse A'),
      await publishedPosition(testApp, manager, 'Adverse B'),
      await publishedPosition(testApp, manager, 'Adverse C'),
    ];
    const ds = testApp.dataSource;
    scorers = [await person(ds, 'Gi'), await person(ds, 'Ho'), await person(ds, 'Ivo'), await person(ds, 'Jo')];
  });
  afterAll(() => testApp.close());

  it('matches on a hand-built data set: no answer is one group across days, and a change marks just its buckets', async () => {
    const ds = testApp.dataSource;
    const [a] = positions;
    const answer = (applicationId: number, answers: Partial<Answers>) =>
      ds.getRepository(SelfIdentification).insert({ applicationId, ...answers });
    const assessed = async (applied: number, eligibility: number) => {
      const application = await history(ds, { positionId: a, source: 'referral', applied, byId: by, moves: [] });
      await ds.getRepository(Assessment).insert({
        applicationId: application.id,
        provider: 'Harrison',
        takenOn: '2026-01-30',
        eligibility,
        suitability: 70,
        traits: null,
        reportFileId: null,
        recordedById: by,
        recordedAt: T0,
      });
      return application;
    };
    // Assessment (default pass marks 60): on day 0 a woman passes (70) and someone with no answers row fails (59);
    // on day 1 someone whose row holds no answers passes (65): the two without answers are one group, 1 of 2.
    const woman = await assessed(0, 70);
    await answer(woman.id, { sex: 'female', race: 'white', veteran: null, disability: 'no' });
    const silent = await assessed(0, 59);
    const blank = await assessed(1, 65);
    await answer(blank.id, { sex: null, race: null, veteran: null, disability: null });
    // Writing, day 2: a man graded 3 and 4 (mean 3.5 ≥ 3, passes); another with one grade still out (not decided).
    const man = await history(ds, { positionId: a, source: 'referral', applied: 2, byId: by, moves: [] });
    await answer(man.id, { sex: 'male', race: null, veteran: 'protected', disability: null });
    await writingTest(man.id, [3, 4]);
    const pending = await history(ds, { positionId: a, source: 'referral', applied: 2, byId: by, moves: [] });
    const open = await writingTest(pending.id, [4, null]);
    // Interview and offer, day 3: offered and hired (selected at both); interviewed and rejected (not selected).
    const hired = await history(ds, {
      positionId: a,
      source: 'referral',
      applied: 3,
      byId: by,
      moves: [
        ['applied', 'interview', 4],
        ['interview', 'offer', 6],
        ['offer', 'hired', 7],
      ],
    });
    await answer(hired.id, { sex: 'female', race: 'white', veteran: null, disability: 'no' });
    await history(ds, {
      positionId: a,
      source: 'referral',
      applied: 3,
      byId: by,
      moves: [
        ['applied', 'interview', 4],
        ['interview', 'rejected', 6],
      ],
    });

    const none = { sex: null, race: null, veteran: null, disability: null };
    const her = { sex: 'female', race: 'white', veteran: null, disability: 'no' };
    const expected = [
      { step: 'assessment', ...none, applicants: 2, selected: 1 },
      { step: 'assessment', ...her, applicants: 1, selected: 1 },
      { step: 'interview', ...none, applicants: 1, selected: 0 },
      { step: 'interview', ...her, applicants: 1, selected: 1 },
      { step: 'offer', ...her, applicants: 1, selected: 1 },
      { step: 'writing', sex: 'male', race: null, veteran: 'protected', disability: null, applicants: 1, selected: 1 },
    ];
    expect(canonical(await adverse.stepCounts({}))).toEqual(canonical(expected));
    expect(canonical(await adverse.stepCountsFull({}))).toEqual(canonical(expected));
    // Day 1 alone: the blank row's pass only; position B: nothing.
    expect(canonical(await adverse.stepCounts({ from: dayOf(1), to: dayOf(1) }))).toEqual(
      canonical([{ step: 'assessment', ...none, applicants: 1, selected: 1 }]),
    );
    expect(await adverse.stepCounts({ positionId: positions[1] })).toEqual([]);
    expect(await dirty()).toEqual([]);

    // The summary holds counts per bucket and group, nothing that names an application.
    const columns = Object.keys(((await ds.query(`SELECT * FROM insight_adverse LIMIT 1`)) as object[])[0]);
    expect(columns.sort()).toEqual(
      ['applicants', 'day', 'disability', 'positionId', 'race', 'selected', 'sex', 'step', 'veteran'].sort(),
    );

    // An answer changed marks its application's bucket only; the last grade in decides the pending test (4 and 2:
    // mean 3, passes).
    await answer(silent.id, { sex: 'male', race: null, veteran: null, disability: null });
    expect(await dirty()).toEqual([`${a} ${dayOf(0)}`]);
    await ds
      .getRepository(WritingGrade)
      .update({ submissionId: open.id, graderId: scorers[1].id }, { overall: 2, submittedAt: T0 });
    expect(await dirty()).toEqual([`${a} ${dayOf(0)}`, `${a} ${dayOf(2)}`]);
    const writing = (rows: StepCount[]) => canonical(rows.filter((row) => row.step === 'writing'));
    expect(writing(await adverse.stepCounts({}))).toEqual(
      canonical([
        {
          step: 'writing',
          sex: 'male',
          race: null,
          veteran: 'protected',
          disability: null,
          applicants: 1,
          selected: 1,
        },
        { step: 'writing', ...none, applicants: 1, selected: 1 },
      ]),
    );
    // A raised pass mark marks every day the position has applications on, and the figures follow it.
    await ds.getRepository(VettingConfig).insert({ positionId: a, minEligibility: 68, presentationBrief: 'Brief' });
    expect(await dirty()).toEqual([0, 1, 2, 3].map((day) => `${a} ${dayOf(day)}`));
    const assessment = canonical(await adverse.stepCounts({})).filter((row) => row.step === 'assessment');
    expect(assessment.map((row) => [row.sex, row.applicants, row.selected])).toEqual(
      expect.arrayContaining([
        ['female', 1, 1],
        [null, 1, 0],
        ['male', 1, 0],
      ]),
    );
    // Which steps are required is no input of this report but of the ready counts that share its buckets: marked too.
    await ds.getRepository(VettingConfig).update({ positionId: a }, { presentationRequired: false });
    expect(await dirty()).toEqual([0, 1, 2, 3].map((day) => `${a} ${dayOf(day)}`));
    await summaries.refresh();
    // A change to a column the report does not read marks nothing.
    await ds.getRepository(Application).update(woman.id, { planSharedAt: new Date() });
    expect(await dirty()).toEqual([]);
    await expectSummaryMatches(prng(1), 'hand-built');
  });

  it('matches after random moves, answers, assessments, grades, scores, pass marks and anonymisations', async () => {
    const seed = Number(process.env.SUMMARY_SEED ?? Date.now() % 2 ** 31);
    console.log(`adverse summary: random seed ${seed} (replay with SUMMARY_SEED=${seed})`);
    const random = prng(seed);
    const ds = testApp.dataSource;
    const uow = testApp.app.get(UnitOfWork);
    const candidates = testApp.app.get(CandidatesRepository);
    const answersRepository = testApp.app.get(SelfIdentificationRepository);
    const anonymisation = testApp.app.get(AnonymisationService);
    const postgres = ds.options.type === 'postgres';
    const p = (n: number) => (postgres ? `$${n}` : '?');
    const ids = async (table: string, where = '1 = 1') =>
      ((await ds.query(`SELECT id FROM ${table} WHERE ${where} ORDER BY id`)) as { id: number }[]).map((row) =>
        Number(row.id),
      );
    /** A random row's id, or null when there is none (the operation is then skipped). */
    const one = async (table: string, where = '1 = 1') => {
      const list = await ids(table, where);
      return list.length ? random.pick(list) : null;
    };
    const answer = (dimension: string) => {
      if (random.next() < 0.25) return null;
      return random.pick(QUESTIONS.find((question) => question.dimension === dimension)!.choices).value;
    };
    /** Mostly two or more scorers (a result needs two), sometimes fewer. */
    const rubricSize = () => (random.next() < 0.2 ? random.int(2) : 2 + random.int(3));
    const level = () => (random.next() < 0.2 ? null : 1 + random.int(4) + random.pick([0, 0.25, 0.5]));
    /** A scorer not yet on the rubric (writing grades and presentation scores allow one each). */
    const freeScorer = async (table: string, key: string, owner: number, person: string) => {
      const taken = (
        (await ds.query(`SELECT "${person}" AS id FROM ${table} WHERE "${key}" = ${p(1)}`, [owner])) as {
          id: number;
        }[]
      ).map((row) => Number(row.id));
      return scorers.find((scorer) => !taken.includes(scorer.id)) ?? null;
    };

    const operations: Record<string, () => Promise<unknown>> = {
      apply: () =>
        history(ds, {
          positionId: random.pick(positions),
          source: random.pick(['sourced', 'referral', 'recruiter'] as const),
          applied: random.int(20),
          byId: by,
          moves: random.next() < 0.5 ? [] : [['applied', 'vetting', 21]],
        }),
      move: async () => {
        const application = await one('applications');
        if (application !== null) await pipelineMove(testApp, application, random.pick(STAGES));
      },
      answer: async () => {
        const application = await one('applications');
        if (application === null) return;
        // The careers form's and the portal's own write: an upsert, a second answer replacing the first.
        await answersRepository.save(application, {
          sex: answer('sex'),
          race: answer('race'),
          veteran: answer('veteran'),
          disability: answer('disability'),
        } as Answers);
      },
      unanswer: async () => {
        const id = await one('self_identifications');
        if (id !== null) await ds.getRepository(SelfIdentification).delete(id);
      },
      assess: async () => {
        const application = await one('applications');
        if (application === null) return;
        const scores = { eligibility: 50 + random.int(25), suitability: 50 + random.int(25) };
        const existing = await ds.getRepository(Assessment).findOneBy({ applicationId: application });
        if (existing) await ds.getRepository(Assessment).update(existing.id, scores);
        else
          await ds.getRepository(Assessment).insert({
            applicationId: application,
            provider: 'Harrison',
            takenOn: '2026-01-30',
            ...scores,
            traits: null,
            reportFileId: null,
            recordedById: by,
            recordedAt: T0,
          });
      },
      rescoreAll: () =>
        // Plain SQL over many rows at once (one statement: PostgreSQL's statement triggers see them all).
        ds.query(`UPDATE assessments SET eligibility = eligibility + ${p(1)} WHERE id % 2 = ${p(2)}`, [
          random.pick([-6, -3, 3, 6]),
          random.int(2),
        ]),
      dropAssessment: async () => {
        const id = await one('assessments');
        if (id !== null) await ds.getRepository(Assessment).delete(id);
      },
      write: async () => {
        const application = await one('applications', `id NOT IN (SELECT "applicationId" FROM writing_submissions)`);
        if (application === null) return;
        await writingTest(
          application,
          Array.from({ length: rubricSize() }, () => level()),
          random.next() < 0.8,
        );
      },
      submitWriting: async () => {
        const id = await one('writing_submissions', `"submittedAt" IS NULL`);
        if (id !== null) await ds.getRepository(WritingSubmission).update(id, { submittedAt: new Date() });
      },
      assignGrader: async () => {
        const submission = await one('writing_submissions');
        if (submission === null) return;
        const grader = await freeScorer('writing_grades', 'submissionId', submission, 'graderId');
        if (grader)
          await ds.getRepository(WritingGrade).insert({
            submissionId: submission,
            graderId: grader.id,
            assignedAt: T0,
            overall: null,
            submittedAt: null,
          });
      },
      grade: async () => {
        const id = await one('writing_grades');
        const overall = level();
        if (id !== null)
          await ds.getRepository(WritingGrade).update(id, { overall, submittedAt: overall === null ? null : T0 });
      },
      dropGrade: async () => {
        const id = await one('writing_grades');
        if (id !== null) await ds.getRepository(WritingGrade).delete(id);
      },
      dropWriting: async () => {
        // The submission's grades go with it (ON DELETE CASCADE).
        const id = await one('writing_submissions');
        if (id !== null) await ds.getRepository(WritingSubmission).delete(id);
      },
      present: async () => {
        const application = await one('applications', `id NOT IN (SELECT "applicationId" FROM presentations)`);
        if (application === null) return;
        const presentation = await ds.getRepository(Presentation).save({ applicationId: application, sessionAt: T0 });
        for (const [index, overall] of Array.from({ length: rubricSize() }, () => level()).entries())
          await ds.getRepository(PresentationScore).insert({
            presentationId: presentation.id,
            evaluatorId: scorers[index].id,
            assignedAt: T0,
            overall,
            submittedAt: overall === null ? null : T0,
          });
      },
      score: async () => {
        const presentation = await one('presentations');
        if (presentation === null) return;
        const evaluator = await freeScorer('presentation_scores', 'presentationId', presentation, 'evaluatorId');
        const overall = level();
        if (evaluator)
          await ds.getRepository(PresentationScore).insert({
            presentationId: presentation,
            evaluatorId: evaluator.id,
            assignedAt: T0,
            overall,
            submittedAt: overall === null ? null : T0,
          });
      },
      rescore: async () => {
        const id = await one('presentation_scores');
        const overall = level();
        if (id !== null)
          await ds.getRepository(PresentationScore).update(id, { overall, submittedAt: overall === null ? null : T0 });
      },
      dropPresentation: async () => {
        const id = await one('presentations');
        if (id !== null) await ds.getRepository(Presentation).delete(id);
      },
      passMarks: async () => {
        const positionId = random.pick(positions);
        const marks = {
          minEligibility: 55 + random.int(15),
          minSuitability: 55 + random.int(15),
          writingPassMean: random.pick([2.5, 3, 3.25, 3.5]),
          presentationPassMean: random.pick([2.5, 3, 3.5]),
        };
        const existing = await ds.getRepository(VettingConfig).findOneBy({ positionId });
        if (!existing)
          await ds.getRepository(VettingConfig).insert({ positionId, presentationBrief: 'Brief', ...marks });
        else if (random.next() < 0.2) await ds.getRepository(VettingConfig).delete(existing.id);
        else await ds.getRepository(VettingConfig).update(existing.id, marks);
      },
      // One required step with a low mark: applications in Vetting become ready for the manager home's counts.
      oneStep: async () => {
        const positionId = random.pick(positions);
        // Assessments are the most common result here, so that step most often.
        const step = random.pick([
          'assessmentRequired',
          'assessmentRequired',
          'writingRequired',
          'presentationRequired',
        ] as const);
        const required = {
          assessmentRequired: step === 'assessmentRequired',
          writingRequired: step === 'writingRequired',
          presentationRequired: step === 'presentationRequired',
        };
        const low = { minEligibility: 1, minSuitability: 1, writingPassMean: 1, presentationPassMean: 1 };
        const existing = await ds.getRepository(VettingConfig).findOneBy({ positionId });
        // Half the time only which steps are required changes (no mark moves with it).
        if (existing && random.next() < 0.5) await ds.getRepository(VettingConfig).update(existing.id, required);
        else if (existing) await ds.getRepository(VettingConfig).update(existing.id, { ...required, ...low });
        else
          await ds.getRepository(VettingConfig).insert({ positionId, presentationBrief: 'Brief', ...required, ...low });
        // And one of its assessed applications back to Vetting, through the pipeline's writes as in move.
        const assessed = await one(
          'applications',
          `"positionId" = ${positionId} AND id IN (SELECT "applicationId" FROM assessments)`,
        );
        if (assessed !== null)
          await uow.run(async () => {
            const current = await ds.getRepository(Application).findOneByOrFail({ id: assessed });
            await candidates.changeStage(assessed, current.stage, 'vetting', NO_REJECTION);
            await candidates.addEvent({
              applicationId: assessed,
              fromStage: current.stage,
              toStage: 'vetting',
              summary: 'x',
            });
          });
      },
      redate: async () => {
        const id = await one('applications');
        if (id !== null)
          await ds.getRepository(Application).update(id, { createdAt: momentOf(random.int(22), random) });
      },
      transfer: async () => {
        const id = await one('applications');
        if (id !== null) await ds.getRepository(Application).update(id, { positionId: random.pick(positions) });
      },
      forgetEvent: async () => {
        const id = await one('application_events', `"toStage" IN ('interview', 'offer', 'hired')`);
        if (id !== null) await ds.getRepository(ApplicationEvent).delete(id);
      },
      anonymise: async () => {
        const application = await one('applications');
        if (application === null) return;
        const { candidateId } = await ds.getRepository(Application).findOneByOrFail({ id: application });
        await anonymisation.anonymise([candidateId], { reason: 'Summary test', actor: { kind: 'system', id: null } });
      },
      dropApplication: async () => {
        const id = await one('applications');
        if (id === null) return;
        // What a retention script's deletes would do, child rows first.
        await uow.run(async (manager) => {
          for (const table of [
            'self_identifications',
            'assessments',
            'writing_submissions',
            'presentations',
            'application_events',
          ])
            await manager.query(`DELETE FROM ${table} WHERE "applicationId" = ${p(1)}`, [id]);
          await manager.query(`DELETE FROM applications WHERE id = ${p(1)}`, [id]);
        });
      },
    };
    const weights: [string, number][] = [
      ['apply', 6],
      ['move', 8],
      ['answer', 6],
      ['unanswer', 1],
      ['assess', 5],
      ['rescoreAll', 1],
      ['dropAssessment', 1],
      ['write', 4],
      ['submitWriting', 2],
      ['assignGrader', 2],
      ['grade', 4],
      ['dropGrade', 1],
      ['dropWriting', 1],
      ['present', 4],
      ['score', 3],
      ['rescore', 3],
      ['dropPresentation', 1],
      ['passMarks', 2],
      ['oneStep', 3],
      ['redate', 2],
      ['transfer', 1],
      ['forgetEvent', 1],
      ['anonymise', 1],
      ['dropApplication', 1],
    ];
    const bag = weights.flatMap(([name, weight]) => Array.from({ length: weight }, () => name));
    const done: string[] = [];
    const steps = new Set<string>();
    for (let round = 0; round < 10; round += 1) {
      for (let step = 0; step < 20; step += 1) {
        const name = random.pick(bag);
        done.push(name);
        await operations[name]();
        // Sometimes the refresh job runs in between: later changes then meet already-summarised buckets.
        if (random.next() < 0.1) await summaries.refresh();
      }
      const marked = (await dirty()).length;
      expect(marked).toBeLessThanOrEqual(MANY_BUCKETS); // the incremental path, not the full rebuild
      await expectSummaryMatches(random, `seed ${seed}, round ${round}, after ${done.join(' ')}`);
      for (const row of await adverse.stepCountsFull({})) steps.add(row.step);
    }
    // Not vacuous, whatever the seed: one application in Vetting with a high assessment, of a position that needs only
    // an assessment, is ready; the summary must count it as the full query does.
    const last = (await ids('applications'))[0];
    const { positionId } = await ds.getRepository(Application).findOneByOrFail({ id: last });
    await uow.run(async () => {
      const current = await ds.getRepository(Application).findOneByOrFail({ id: last });
      await candidates.changeStage(last, current.stage, 'vetting', NO_REJECTION);
      await candidates.addEvent({ applicationId: last, fromStage: current.stage, toStage: 'vetting', summary: 'x' });
    });
    await ds.getRepository(Assessment).delete({ applicationId: last });
    await ds.getRepository(Assessment).insert({
      applicationId: last,
      provider: 'Harrison',
      takenOn: '2026-01-30',
      eligibility: 90,
      suitability: 90,
      traits: null,
      reportFileId: null,
      recordedById: by,
      recordedAt: T0,
    });
    const only = { assessmentRequired: true, writingRequired: false, presentationRequired: false };
    const low = { minEligibility: 50, minSuitability: 50 };
    if (await ds.getRepository(VettingConfig).existsBy({ positionId }))
      await ds.getRepository(VettingConfig).update({ positionId }, { ...only, ...low });
    else await ds.getRepository(VettingConfig).insert({ positionId, presentationBrief: 'Brief', ...only, ...low });
    await expectSummaryMatches(random, `seed ${seed}, one ready application`);
    expect(readySeen).toBeGreaterThan(0);
    expect(gradedSeen).toBeGreaterThan(0);
    // Not vacuous: every step had decided applications in some round.
    expect([...steps].sort()).toEqual(['assessment', 'interview', 'offer', 'presentation', 'writing']);
    // A rebuild from scratch gives the same table as the incremental maintenance did.
    const snapshot = async () =>
      (
        (await ds.query(
          `SELECT "positionId", day, step, sex, race, veteran, disability, applicants, selected FROM insight_adverse`,
        )) as Record<string, unknown>[]
      )
        .map((row) => JSON.stringify(Object.values(row).map((value) => (value === null ? null : String(value)))))
        .sort();
    const incremental = await snapshot();
    expect(incremental.length).toBeGreaterThan(5);
    await summaries.rebuildAll();
    expect(await snapshot()).toEqual(incremental);
  }, 300_000);

  it('stays exact when answers and results commit while refreshes run (concurrently on PostgreSQL)', async () => {
    const ds = testApp.dataSource;
    const uow = testApp.app.get(UnitOfWork);
    const random = prng(Number(process.env.SUMMARY_SEED ?? 11));
    const applications = ((await ds.query(`SELECT id FROM applications ORDER BY id`)) as { id: number }[]).map((row) =>
      Number(row.id),
    );
    const assessments = ((await ds.query(`SELECT id FROM assessments ORDER BY id`)) as { id: number }[]).map((row) =>
      Number(row.id),
    );
    const pause = () => new Promise((resolve) => setTimeout(resolve, random.int(15)));
    const work = Array.from({ length: 30 }, (_, index) => async () => {
      if (index % 3 === 0) return summaries.refresh();
      // Changes that stay uncommitted for a moment while other transactions (and refreshes) go on.
      return uow.run(async (manager) => {
        await manager
          .getRepository(SelfIdentification)
          .upsert({ applicationId: random.pick(applications), sex: random.pick(['female', 'male', null]) }, [
            'applicationId',
          ]);
        await pause();
        if (assessments.length)
          await manager
            .getRepository(Assessment)
            .update(random.pick(assessments), { eligibility: 55 + random.int(10) });
        await pause();
      });
    });
    await Promise.all(work.map((task) => task()));
    await expectSummaryMatches(random, 'after concurrent changes and refreshes');
  });

  it('puts its triggers back when one is missing, and rebuilds', async () => {
    const ds = testApp.dataSource;
    const postgres = ds.options.type === 'postgres';
    await ds.query(
      postgres
        ? `DROP TRIGGER insight_adverse_self_identifications_update ON self_identifications`
        : `DROP TRIGGER insight_adverse_self_identifications_update`,
    );
    expect(await summaries.ensureTriggers()).toBe(true);
    expect(await summaries.ensureTriggers()).toBe(false);
    await adverse.stepCounts({});
    expect(await dirty()).toEqual([]);
    // The trigger put back: an answer changed (inserted when there was none) marks its bucket.
    const application = await ds.getRepository(Application).findOneOrFail({ where: {}, order: { id: 'ASC' } });
    const answers = testApp.app.get(SelfIdentificationRepository);
    const before = await answers.findFor(application.id);
    await answers.save(application.id, {
      sex: before?.sex === 'female' ? 'male' : 'female',
      race: null,
      veteran: null,
      disability: null,
    } as Answers);
    expect(await dirty()).toEqual([`${application.positionId} ${application.createdAt.toISOString().slice(0, 10)}`]);
    await expectSummaryMatches(prng(3), 'after the triggers were put back');
  });
});
