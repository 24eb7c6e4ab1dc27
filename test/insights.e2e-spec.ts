import type { User } from '../src/accounts/entities/user.entity.js';
import { PipelineService } from '../src/candidates/pipeline.service.js';
import { Offer } from '../src/hires/entities/hire.entity.js';
import { Panelist } from '../src/interviews/entities/interview.entity.js';
import { csrfTokenIn, signedInAs, type Agent } from './support/http.js';
import { history, panel, person, reviewedHire, T0 } from './support/insights-data.js';
import { publishedPosition } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Spearman written out independently: Pearson's r on midranks. */
function spearmanByHand(xs: number[], ys: number[]): number {
  const ranks = (values: number[]) =>
    values.map(
      (value) =>
        values.filter((other) => other < value).length + (values.filter((other) => other === value).length + 1) / 2,
    );
  const [rx, ry] = [ranks(xs), ranks(ys)];
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const [mx, my] = [mean(rx), mean(ry)];
  const cov = rx.reduce((sum, value, index) => sum + (value - mx) * (ry[index] - my), 0);
  return (
    cov /
    Math.sqrt(
      rx.reduce((sum, value) => sum + (value - mx) ** 2, 0) * ry.reduce((sum, value) => sum + (value - my) ** 2, 0),
    )
  );
}

/** The cells of a table row whose header cell is `label`. */
function rowOf(html: string, label: string): string[] {
  const row = new RegExp(`<tr><th scope="row">${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</th>(.*?)</tr>`).exec(
    html,
  );
  if (!row) throw new Error(`No row ${label}`);
  return [...row[1].matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((cell) => cell[1]);
}

describe('Hiring insights on a data set with known answers', () => {
  let testApp: TestApp;
  let manager: { agent: Agent; user: User };
  let positionId: number;
  let otherPositionId: number;

  beforeAll(async () => {
    testApp = await createTestApp();
    await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    positionId = await publishedPosition(testApp, manager.user, 'Account Executive');
    otherPositionId = await publishedPosition(testApp, manager.user, 'Sales Engineer');
    const ds = testApp.dataSource;
    const [notFit, noShow] = await testApp.app.get(PipelineService).reasons();
    const by = manager.user.id;

    // Four applications (days after T0).
    const hired = await history(ds, {
      positionId,
      source: 'referral',
      applied: 0,
      byId: by,
      moves: [
        ['applied', 'vetting', 2],
        ['vetting', 'interview', 10],
        ['interview', 'offer', 20],
        ['offer', 'hired', 25],
      ],
    });
    await history(ds, {
      positionId,
      source: 'referral',
      applied: 0,
      byId: by,
      rejectionReasonId: notFit.id,
      moves: [
        ['applied', 'vetting', 4],
        ['vetting', 'rejected', 6],
      ],
    });
    const interviewed = await history(ds, {
      positionId,
      source: 'recruiter',
      applied: 1,
      byId: by,
      rejectionReasonId: noShow.id,
      moves: [
        ['applied', 'vetting', 3],
        ['vetting', 'interview', 9],
        ['interview', 'rejected', 12],
      ],
    });
    await history(ds, { positionId, source: 'recruiter', applied: 1, byId: by, moves: [] });
    await ds.getRepository(Offer).insert({
      applicationId: hired.id,
      offeredOn: '2026-01-25',
      terms: 'Terms',
      status: 'accepted',
      respondedAt: new Date(T0.getTime() + 25 * 86_400_000),
      createdById: by,
    });

    // Two interviews: Alice sits on both, Bob and Carol on one each.
    const [alice, bob, carol] = [
      await person(ds, 'Alice Ames'),
      await person(ds, 'Bob Brandt'),
      await person(ds, 'Carol Cruz'),
    ];
    await panel(ds, {
      applicationId: hired.id,
      day: 9,
      decision: 'hire',
      byId: by,
      seats: [
        { user: alice, ratings: [4, 4], recommendation: 'strong-yes', hoursLate: 2 },
        { user: bob, ratings: [3, 3], recommendation: 'no', hoursLate: 30 },
      ],
    });
    await panel(ds, {
      applicationId: interviewed.id,
      day: 8,
      decision: 'no-hire',
      byId: by,
      seats: [
        { user: alice, ratings: [3, 3], recommendation: 'yes', hoursLate: 1 },
        { user: carol, ratings: [1, 2], recommendation: 'strong-no', hoursLate: 20 },
      ],
    });
  });
  afterAll(() => testApp.close());

  it('counts the funnel: entered, went on, days in stage, time to hire, reasons and sources', async () => {
    const page = await manager.agent.get(`/insights/funnel?positionId=${positionId}`).expect(200);
    // Stage: entered, went on (%), median days, 90th percentile days.
    expect(rowOf(page.text, 'Applied')).toEqual(['4', '75', '2', '4']);
    expect(rowOf(page.text, 'Vetting')).toEqual(['3', '67', '6', '8']);
    expect(rowOf(page.text, 'Interview')).toEqual(['2', '50', '3', '10']);
    // The hire went from Interview straight to Offer: it still passed Decision, so the funnel only narrows.
    expect(rowOf(page.text, 'Decision')).toEqual(['1', '100', '—', '—']);
    expect(rowOf(page.text, 'Offer')).toEqual(['1', '100', '5', '5']);
    expect(rowOf(page.text, 'Hired')).toEqual(['1', '—', '—', '—']);
    expect(page.text).toContain('over 1 hire: median 25.0 days, 90th percentile 25.0 days');
    expect(rowOf(page.text, notFitLabel(page.text))).toEqual(['1']);
    expect(rowOf(page.text, 'Referral')).toEqual(['2', '1', '1', '0', '0']);
    expect(rowOf(page.text, 'Recruiter')).toEqual(['2', '0', '1', '0', '1']);

    // The date filter: only the two applications of day 1.
    const later = await manager.agent.get(`/insights/funnel?positionId=${positionId}&from=2026-01-06`).expect(200);
    expect(rowOf(later.text, 'Applied')).toEqual(['2', '50', '2', '2']);

    // The CSV has the same figures as the table.
    const csv = await manager.agent.get(`/insights/funnel?positionId=${positionId}&format=csv`).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    // A UTF-8 byte order mark first, so that spreadsheets read the file as UTF-8.
    expect(csv.text.startsWith('\ufeff')).toBe(true);
    expect(csv.text.slice(1).split('\r\n').slice(0, 3)).toEqual([
      'Stage,Entered,Passed to a later stage (%),Median days in stage,90th percentile days in stage',
      'Applied,4,75,2,4',
      'Vetting,3,67,6,8',
    ]);
    // Every stage row of the CSV is the on-screen row (an empty cell where the page shows a dash).
    for (const line of csv.text.trim().split('\r\n').slice(1)) {
      const [stage, ...cells] = line.split(',');
      expect(rowOf(page.text, stage)).toEqual(cells.map((cell) => cell || '—'));
    }
  });

  it('calibrates interviewers against the other panelists of the same interviews', async () => {
    const page = await manager.agent.get('/insights/calibration').expect(200);
    // Scorecards, on time %, mean, difference, tendency, strong no, no, yes, strong yes, agreed %.
    expect(rowOf(page.text, 'Alice Ames')).toEqual(['2', '100', '3.5', '1.25', 'lenient', '0', '0', '1', '1', '50']);
    expect(rowOf(page.text, 'Bob Brandt')).toEqual(['1', '0', '3', '-1', 'severe', '0', '1', '0', '0', '0']);
    expect(rowOf(page.text, 'Carol Cruz')).toEqual(['1', '100', '1.5', '-1.5', 'severe', '1', '0', '0', '0', '100']);
    const csv = await manager.agent.get('/insights/calibration?format=csv').expect(200);
    expect(csv.text).toContain('\r\nAlice Ames,2,100,3.5,1.25,lenient,0,0,1,1,50\r\n');
    for (const line of csv.text.trim().split('\r\n').slice(1)) {
      const [name, ...cells] = line.split(',');
      expect(rowOf(page.text, name)).toEqual(cells.map((cell) => cell || '—'));
    }
    // The chart draws the same differences: Alice lenient, Bob and Carol severe.
    expect(page.text).toContain('<title>Alice Ames: 1.25</title>');
    expect(page.text).toContain('<title>Carol Cruz: -1.50</title>');
  });

  it('leaves an interview out of calibration until its panel is finished, as the debrief stays closed', async () => {
    const ds = testApp.dataSource;
    const candidate = await history(ds, {
      positionId: otherPositionId,
      source: 'referral',
      applied: 30,
      byId: manager.user.id,
      moves: [['applied', 'interview', 35]],
    });
    const [dana, eric] = [await person(ds, 'Dana Dahl'), await person(ds, 'Eric Engel')];
    const interview = await panel(ds, {
      applicationId: candidate.id,
      day: 40,
      decision: null,
      byId: manager.user.id,
      seats: [
        { user: dana, ratings: [5, 5], recommendation: 'strong-yes', hoursLate: 1 },
        { user: eric, ratings: [2, 2], recommendation: 'no', hoursLate: 1 },
      ],
    });
    const seats = ds.getRepository(Panelist);
    const ericSeat = await seats.findOneByOrFail({ interviewId: interview.id, userId: eric.id });
    await seats.update(ericSeat.id, { submittedAt: null });
    const oneDay = '/insights/calibration?from=2026-02-14&to=2026-02-14';

    // Dana has submitted, Eric has not: the debrief is closed and calibration shows nothing of this interview.
    await manager.agent.get(`/interviews/${interview.id}/debrief`).expect(409);
    const midPanel = await manager.agent.get(oneDay).expect(200);
    expect(midPanel.text).not.toContain('Dana Dahl');
    const midCsv = await manager.agent.get(`${oneDay}&format=csv`).expect(200);
    expect(midCsv.text).not.toContain('Dana Dahl');
    expect(midCsv.text.trim().split('\r\n')).toHaveLength(1);
    const everything = await manager.agent.get('/insights/calibration?format=csv').expect(200);
    expect(everything.text).not.toContain('Dana Dahl');

    // The last scorecard comes in: both appear.
    await seats.update(ericSeat.id, { submittedAt: new Date('2026-02-14T11:00:00Z') });
    const finished = await manager.agent.get(oneDay).expect(200);
    expect(rowOf(finished.text, 'Dana Dahl').slice(0, 4)).toEqual(['1', '100', '5', '3']);
    const finishedCsv = await manager.agent.get(`${oneDay}&format=csv`).expect(200);
    expect(finishedCsv.text).toContain('\r\nEric Engel,1,100,2,-3,');
  });

  it('correlates assessments with first-year attainment, and says so plainly below the minimum n', async () => {
    const ds = testApp.dataSource;
    // Weights 3 and 1: met/met 1, met/not 0.75, partly/met 0.625, partly/partly 0.5, not/met 0.25, not/not 0.
    const hires: [number, number, [number, 'met' | 'partly' | 'not-met'][]][] = [
      [
        82,
        70,
        [
          [3, 'met'],
          [1, 'met'],
        ],
      ],
      [
        75,
        64,
        [
          [3, 'met'],
          [1, 'not-met'],
        ],
      ],
      [
        61,
        80,
        [
          [3, 'partly'],
          [1, 'met'],
        ],
      ],
      [
        90,
        55,
        [
          [3, 'met'],
          [1, 'met'],
        ],
      ],
      [
        58,
        60,
        [
          [3, 'not-met'],
          [1, 'met'],
        ],
      ],
      [
        70,
        72,
        [
          [3, 'partly'],
          [1, 'partly'],
        ],
      ],
      [
        66,
        68,
        [
          [3, 'partly'],
          [1, 'met'],
        ],
      ],
      [
        52,
        75,
        [
          [3, 'not-met'],
          [1, 'not-met'],
        ],
      ],
      [
        79,
        58,
        [
          [3, 'met'],
          [1, 'not-met'],
        ],
      ],
      [
        63,
        66,
        [
          [3, 'partly'],
          [1, 'partly'],
        ],
      ],
      [
        70,
        71,
        [
          [3, 'met'],
          [1, 'met'],
        ],
      ],
    ];
    for (const [eligibility, suitability, results] of hires)
      await reviewedHire(ds, { positionId, managerId: manager.user.id, eligibility, suitability, results });
    for (const [eligibility, suitability, results] of hires.slice(0, 3))
      await reviewedHire(ds, {
        positionId: otherPositionId,
        managerId: manager.user.id,
        eligibility,
        suitability,
        results,
      });

    const attainment = (results: [number, string][]) =>
      results.reduce(
        (sum, [weight, result]) => sum + weight * (result === 'met' ? 1 : result === 'partly' ? 0.5 : 0),
        0,
      ) / results.reduce((sum, [weight]) => sum + weight, 0);
    const expected = spearmanByHand(
      hires.map(([eligibility]) => eligibility),
      hires.map(([, , results]) => attainment(results)),
    );
    const page = await manager.agent.get(`/insights/validity?positionId=${positionId}`).expect(200);
    const [n, rho] = rowOf(page.text, 'External assessment: eligibility');
    expect(n).toBe('11');
    expect(rho).toBe(expected.toFixed(2));
    expect(page.text).toContain('Structured interview');
    expect(page.text).toContain('0.42');

    const small = await manager.agent.get(`/insights/validity?positionId=${otherPositionId}`).expect(200);
    expect(rowOf(small.text, 'External assessment: eligibility')[0]).toBe('3');
    expect(small.text).toContain('Not enough data: 3 of the 10 hires needed to say anything.');
    expect(small.text).not.toMatch(/External assessment: eligibility<\/th><td>3<\/td><td>-?\d/);

    const csv = await manager.agent.get(`/insights/validity?positionId=${positionId}&format=csv`).expect(200);
    expect(csv.text).toContain(`\r\nExternal assessment: eligibility,11,${Number(expected.toFixed(2))},`);
  });

  it('works out the cost of a bad hire from editable figures, beside the position’s own vetting and panel time', async () => {
    const page = await manager.agent.get(`/insights/cost?positionId=${positionId}&salary=120000`).expect(200);
    // Fee 30,000 + pay 312,000 + opportunities 100,000 + time 22,500 + travel 15,000 + legal 10,000.
    expect(page.text).toContain('<h2 id="total-heading">$489,500</h2>');
    // Two interviews of an hour with two panelists each: 4 seats × (1 hour of preparation + 1 hour) = 8 hours at $90.
    expect(page.text).toContain('about <strong>8.0 hours</strong>');
    expect(page.text).toContain('<strong>$720</strong>');
    const changed = await manager.agent
      .get(`/insights/cost?positionId=${positionId}&salary=120000&monthsUntilRecognised=12&legal=0`)
      .expect(200);
    expect(changed.text).toContain('<h2 id="total-heading">$323,500</h2>');
    const csv = await manager.agent.get(`/insights/cost?positionId=${positionId}&salary=120000&format=csv`).expect(200);
    expect(csv.text).toContain('\r\nTotal,489500\r\n');
    const bad = await manager.agent.get(`/insights/cost?positionId=${positionId}&salary=-5`);
    expect(bad.status).toBe(422);
  });

  it('keeps insights to managers and admins, and a manager to their own positions', async () => {
    const interviewer = await signedInAs(testApp, ['interviewer']);
    await interviewer.agent.get('/insights/funnel').expect(403);
    await interviewer.agent.get(`/insights/cost?positionId=${positionId}`).expect(403);
    const otherManager = await signedInAs(testApp, ['manager']);
    const page = await otherManager.agent.get('/insights/funnel').expect(200);
    expect(rowOf(page.text, 'Applied')).toEqual(['0', '—', '—', '—']);
    await otherManager.agent.get(`/insights/cost?positionId=${positionId}`).expect(403);
    void csrfTokenIn;
  });
});

/** The label of the first rejection reason as the page shows it. */
function notFitLabel(html: string): string {
  return /<h2 id="reasons-heading">Rejection reasons<\/h2>[\s\S]*?<tr><th scope="row">(.*?)<\/th>/.exec(html)![1];
}
