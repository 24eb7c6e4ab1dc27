import { Application } from '../src/candidates/entities/application.entity.js';
import { Candidate } from '../src/candidates/entities/candidate.entity.js';
import { Assessment } from '../src/vetting/entities/assessment.entity.js';
import { Presentation, PresentationScore } from '../src/vetting/entities/presentation.entity.js';
import { VettingConfig } from '../src/vetting/entities/vetting-config.entity.js';
import { WritingGrade } from '../src/vetting/entities/writing-grade.entity.js';
import { WritingSubmission } from '../src/vetting/entities/writing-submission.entity.js';
import { VettingService } from '../src/vetting/vetting.service.js';
import { signedInAs } from './support/http.js';
import { person } from './support/insights-data.js';
import { publishedPosition } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 17, acceptance 3: the manager's home counts the applications that passed every vetting step exactly, over
 * more than 500 in Vetting (the count had looked at the first 500 only), by the same rules as the application page.
 */
describe('Home page counts at scale', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it('counts every application in Vetting that passed, by the rules of the vetting marks, past 500', async () => {
    await signedInAs(testApp, ['admin']);
    const manager = await signedInAs(testApp, ['manager']);
    const ds = testApp.dataSource;
    const scorers = [await person(ds, 'Grader One'), await person(ds, 'Grader Two'), await person(ds, 'Grader Three')];
    // Every step required with a pass mark between levels (3.25), and a position with the assessment only.
    const full = await publishedPosition(testApp, manager.user, 'Every step');
    const light = await publishedPosition(testApp, manager.user, 'Assessment only');
    await ds.getRepository(VettingConfig).insert([
      Object.assign(new VettingConfig(), {
        positionId: full,
        minEligibility: 65,
        minSuitability: 55,
        writingPassMean: 3.25,
        presentationPassMean: 3,
        presentationBrief: 'Brief',
      }),
      Object.assign(new VettingConfig(), {
        positionId: light,
        writingRequired: false,
        presentationRequired: false,
        presentationBrief: 'Brief',
      }),
    ]);
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(values: T[]) => values[Math.floor(random() * values.length)];
    const insert = async <T extends object>(entity: new () => T, rows: Partial<T>[]) => {
      const ids: number[] = [];
      for (let start = 0; start < rows.length; start += 200) {
        const result = await ds
          .createQueryBuilder()
          .insert()
          .into(entity)
          .values(rows.slice(start, start + 200) as never)
          .callListeners(false)
          .execute();
        ids.push(...result.identifiers.map((row) => Number(row.id)));
      }
      return ids;
    };
    const total = 640;
    const candidateIds = await insert(
      Candidate,
      Array.from({ length: total }, (_, i) => ({
        name: `Scale ${i}`,
        email: `scale${i}@example.org`,
        source: 'referral' as const,
        createdById: manager.user.id,
      })),
    );
    const positionOf = (i: number) => (i % 5 === 0 ? light : full);
    const applicationIds = await insert(
      Application,
      candidateIds.map((candidateId, i) => ({
        candidateId,
        positionId: positionOf(i),
        positionVersion: 1,
        source: 'referral' as const,
        stage: 'vetting' as const,
        stageChangedAt: new Date(),
        code: `S-${i}`,
        createdById: manager.user.id,
      })),
    );
    // Results of every kind: missing, failing, passing, exactly at the mark, a grader still to submit, a third grader.
    await insert(
      Assessment,
      applicationIds
        .filter(() => random() < 0.9)
        .map((applicationId) => ({
          applicationId,
          provider: 'Harrison',
          takenOn: '2026-11-01',
          eligibility: pick([50, 64, 65, 80]),
          suitability: pick([54, 55, 70]),
          recordedById: manager.user.id,
          recordedAt: new Date(),
        })),
    );
    const written = applicationIds.filter(() => random() < 0.85);
    const submissionIds = await insert(
      WritingSubmission,
      written.map((applicationId) => ({
        applicationId,
        prompt: 'Write',
        draft: '',
        startedAt: new Date(),
        submittedAt: random() < 0.9 ? new Date() : null,
        text: 'Text',
      })),
    );
    const presented = applicationIds.filter(() => random() < 0.85);
    const presentationIds = await insert(
      Presentation,
      presented.map((applicationId) => ({ applicationId, sessionAt: new Date() })),
    );
    const scores = (owner: 'submissionId' | 'presentationId', by: 'graderId' | 'evaluatorId', ownerIds: number[]) =>
      ownerIds.flatMap((ownerId) =>
        scorers.slice(0, pick([1, 2, 2, 2, 3])).map((scorer) => {
          const submitted = random() < 0.92;
          return {
            [owner]: ownerId,
            [by]: scorer.id,
            overall: submitted ? pick([2.5, 3, 3.25, 3.5, 4]) : null,
            assignedAt: new Date(),
            submittedAt: submitted ? new Date() : null,
          };
        }),
      );
    await insert(WritingGrade, scores('submissionId', 'graderId', submissionIds));
    await insert(PresentationScore, scores('presentationId', 'evaluatorId', presentationIds));

    // What the application page's marks say, application by application.
    const vetting = testApp.app.get(VettingService);
    const expected = [];
    for (const positionId of [full, light]) {
      const ids = applicationIds.filter((_, i) => positionOf(i) === positionId);
      expected.push({ positionId, count: (await vetting.passedGate(positionId, ids)).length });
    }
    expect(expected[0].count).toBeGreaterThan(20);
    expect(expected[1].count).toBeGreaterThan(20);
    const counted = (await vetting.passedGateCounts(manager.user.id)).map(({ positionId, count }) => ({
      positionId,
      count,
    }));
    expect(counted).toEqual(expected);

    const home = await manager.agent.get('/').expect(200);
    expect(home.text).toContain(`${expected[0].count} candidates for “Every step” have passed every vetting step`);
    expect(home.text).toContain(`${expected[1].count} candidates for “Assessment only” have passed every vetting step`);
    // "Waiting on vetting" counts every one of the 640 (from the kept per-stage counts, not the first 500).
    expect(home.text).toMatch(/Waiting on vetting<\/a><\/dt><dd>640<\/dd>/);
    // An anonymised candidate leaves the count, as they leave the board.
    await ds.query(`UPDATE candidates SET "anonymisedAt" = CURRENT_TIMESTAMP WHERE id = ${candidateIds[0]}`);
    const after = await manager.agent.get('/').expect(200);
    expect(after.text).toMatch(/Waiting on vetting<\/a><\/dt><dd>639<\/dd>/);
  });
});
