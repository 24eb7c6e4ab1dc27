import type { User } from '../src/accounts/entities/user.entity.js';
import { signedInAs, type Agent } from './support/http.js';
import { agency, history, reviewedHire } from './support/insights-data.js';
import { publishedPosition } from './support/positions.js';
import { countQueries } from './support/query-counter.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The cells of the table row whose header cell is `label`. */
function rowOf(html: string, label: string): string[] {
  const row = new RegExp(`<tr><th scope="row">${escape(label)}</th>(.*?)</tr>`).exec(html);
  if (!row) throw new Error(`No row ${label}`);
  return [...row[1].matchAll(/<td>(.*?)<\/td>/g)].map((cell) => cell[1]);
}

/** The row headers of the table under the heading with this id, in order. */
function rowLabels(html: string, headingId: string): string[] {
  const start = html.indexOf(`id="${headingId}"`);
  const table = html.slice(start, html.indexOf('</table>', start));
  return [...table.matchAll(/<th scope="row">(.*?)<\/th>/g)].map((cell) => cell[1]);
}

const csvLines = (text: string) => text.trim().split('\r\n');

const HEADER =
  'Group,Name,Agency fee (%),Applications,Passed vetting,Passed vetting (%),Hired,Hires reviewed at month 10,Keepers at month 10,Keepers (% of hires reviewed),Mean outcome attainment (%),Hires in the attainment mean,Total fees,Fee per keeper,Currency,Hires without a salary,Hires credited to no agency';

/**
 * Source quality on a data set built by hand. Morgan manages two positions paid in euros; Olga manages one paid in
 * dollars. Northbridge Talent charges 20%, Harbour Search 17.5%, Idle Partners 25% (no submissions yet); Dormant
 * Agency is inactive and has none. Every expected figure below is worked out in the comment beside it.
 */
describe('Source quality on a hand-built data set', () => {
  let testApp: TestApp;
  let admin: { agent: Agent; user: User };
  let morgan: { agent: Agent; user: User };
  let olga: { agent: Agent; user: User };
  let euros: number;
  let eurosToo: number;
  let dollars: number;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await signedInAs(testApp, ['admin']);
    morgan = await signedInAs(testApp, ['manager']);
    olga = await signedInAs(testApp, ['manager']);
    euros = await publishedPosition(testApp, morgan.user, 'Account Executive');
    eurosToo = await publishedPosition(testApp, morgan.user, 'Sales Engineer');
    dollars = await publishedPosition(testApp, olga.user, 'US Account Executive');
    const ds = testApp.dataSource;
    await ds.query(`UPDATE positions SET "compensationCurrency" = 'EUR' WHERE id IN (${euros}, ${eurosToo})`);
    await ds.query(`UPDATE positions SET "compensationCurrency" = 'USD' WHERE id = ${dollars}`);
    const northbridge = await agency(ds, 'Northbridge Talent', 20);
    const harbour = await agency(ds, 'Harbour Search', 17.5);
    await agency(ds, 'Idle Partners', 25);
    await agency(ds, 'Dormant Agency', 10, false);
    const by = morgan.user.id;
    const hire = (input: Omit<Parameters<typeof reviewedHire>[1], 'managerId'>) =>
      reviewedHire(ds, { managerId: by, ...input });
    const rejectedInVetting = [['applied', 'vetting', 3] as const, ['vetting', 'rejected', 5] as const];
    const rejectedAfterPanel = [
      ['applied', 'vetting', 3] as const,
      ['vetting', 'interview', 9] as const,
      ['interview', 'rejected', 12] as const,
    ];

    // Careers page (Morgan): c1 applied only; c2 failed vetting; c3 passed vetting, rejected after the panel;
    // c4 hired, a keeper, attainment 1; c5 hired, not a keeper, attainment (3 × 0.5 + 1 × 0) / 4 = 0.375, no salary.
    await history(ds, { positionId: euros, source: 'careers-page', applied: 1, byId: by, moves: [] });
    await history(ds, { positionId: euros, source: 'careers-page', applied: 1, byId: by, moves: rejectedInVetting });
    await history(ds, { positionId: euros, source: 'careers-page', applied: 2, byId: by, moves: rejectedAfterPanel });
    await hire({ positionId: euros, source: 'careers-page', keeper: true, results: [[1, 'met']], salary: 60000 });
    await hire({
      positionId: euros,
      source: 'careers-page',
      keeper: false,
      results: [
        [3, 'partly'],
        [1, 'not-met'],
      ],
      salary: null,
    });

    // Referral (Morgan): r1 failed vetting; r2 hired, not reviewed yet.
    await history(ds, { positionId: euros, source: 'referral', applied: 2, byId: by, moves: rejectedInVetting });
    await hire({ positionId: euros, source: 'referral', keeper: null, results: [[1, 'met']], salary: 70000 });

    // Northbridge (Morgan): a1 applied only; a2 rejected after the panel; a3 keeper, attainment 1, EUR 80,000
    // (fee 16,000); a4 (Sales Engineer, applied on day 40) keeper, attainment (1 + 0.5) / 2 = 0.75, EUR 90,000
    // (fee 18,000); a5 not a keeper, attainment 0, EUR 70,000 (fee 14,000); a6 not reviewed, no salary.
    const viaNorthbridge = { source: 'recruiter' as const, agencyId: northbridge.id };
    await history(ds, { positionId: euros, ...viaNorthbridge, applied: 1, byId: by, moves: [] });
    await history(ds, { positionId: euros, ...viaNorthbridge, applied: 2, byId: by, moves: rejectedAfterPanel });
    await hire({ positionId: euros, ...viaNorthbridge, keeper: true, results: [[1, 'met']], salary: 80000 });
    await hire({
      positionId: eurosToo,
      ...viaNorthbridge,
      applied: 40,
      keeper: true,
      results: [
        [1, 'met'],
        [1, 'partly'],
      ],
      salary: 90000,
    });
    await hire({ positionId: euros, ...viaNorthbridge, keeper: false, results: [[1, 'not-met']], salary: 70000 });
    await hire({ positionId: euros, ...viaNorthbridge, keeper: null, results: [[1, 'met']], salary: null });

    // Harbour (Morgan): b1 not a keeper, attainment 0.5, EUR 100,000 (fee 17.5% = 17,500); b2 failed vetting.
    const viaHarbour = { source: 'recruiter' as const, agencyId: harbour.id };
    await hire({ positionId: euros, ...viaHarbour, keeper: false, results: [[1, 'partly']], salary: 100000 });
    await history(ds, { positionId: euros, ...viaHarbour, applied: 2, byId: by, moves: rejectedInVetting });

    // A recruiter's hire credited to no agency (Morgan): a keeper, attainment 1, EUR 50,000 (fee unknown).
    await hire({ positionId: euros, source: 'recruiter', keeper: true, results: [[1, 'met']], salary: 50000 });

    // Olga's position, which Morgan cannot see: o1 via Northbridge, keeper, attainment 1, USD 100,000 (fee 20,000);
    // o2 from the careers page, applied only.
    await reviewedHire(ds, {
      positionId: dollars,
      managerId: olga.user.id,
      ...viaNorthbridge,
      keeper: true,
      results: [[1, 'met']],
      salary: 100000,
    });
    await history(ds, { positionId: dollars, source: 'careers-page', applied: 1, byId: olga.user.id, moves: [] });
  });
  afterAll(() => testApp.close());

  it('fills both tables for the hiring manager from their own positions, every cell worked out by hand', async () => {
    const page = await morgan.agent.get('/insights/sources').expect(200);
    // Columns: applications, passed vetting, hired, keepers at month 10, mean attainment, total fees, fee per keeper.
    expect(rowLabels(page.text, 'sources-heading')).toEqual(['Careers page', 'Recruiter', 'Referral', 'Sourced']);
    // 5 applications; c3, c4, c5 passed vetting: 3/5 = 60%; keepers 1 of 2 reviewed = 50%;
    // attainment (1 + 0.375) / 2 = 0.6875 → 69%.
    expect(rowOf(page.text, 'Careers page')).toEqual([
      '5',
      '3 (60%)',
      '2',
      '1 of 2 reviewed (50%) · few hires',
      '69% (2 hires)',
      'No fee',
      'No fee',
    ]);
    // Northbridge 6 + Harbour 2 + no agency 1 = 9 applications; passed 5 + 1 + 1 = 7: 7/9 = 77.8% → 78%;
    // hired 4 + 1 + 1 = 6; reviewed 3 + 1 + 1 = 5, keepers 2 + 0 + 1 = 3: 60%;
    // attainment (1 + 0.75 + 0 + 0.5 + 1) / 5 = 0.65; fees 16,000 + 18,000 + 14,000 + 17,500 = 65,500;
    // per keeper 65,500 / 3 = 21,833.3.
    expect(rowOf(page.text, 'Recruiter')).toEqual([
      '9',
      '7 (78%)',
      '6',
      '3 of 5 reviewed (60%) · few hires',
      '65% (5 hires)',
      '€65,500 (1 hire without a salary, 1 hire credited to no agency)',
      '€21,833',
    ]);
    // 2 applications, r2 passed: 50%; r2 hired, not reviewed.
    expect(rowOf(page.text, 'Referral')).toEqual(['2', '1 (50%)', '1', 'none reviewed yet', '—', 'No fee', 'No fee']);
    expect(rowOf(page.text, 'Sourced')).toEqual(['0', '0', '0', '—', '—', 'No fee', 'No fee']);

    // Agencies by name; the inactive one without submissions is left out. Columns begin with the fee.
    expect(rowLabels(page.text, 'agencies-heading')).toEqual(['Harbour Search', 'Idle Partners', 'Northbridge Talent']);
    // 2 applications, b1 passed: 50%; 0 keepers of 1 reviewed; attainment 0.5; fee 17.5% × 100,000 = 17,500.
    expect(rowOf(page.text, 'Harbour Search')).toEqual([
      '17.5%',
      '2',
      '1 (50%)',
      '1',
      '0 of 1 reviewed (0%) · few hires',
      '50% (1 hire)',
      '€17,500',
      '—',
    ]);
    expect(rowOf(page.text, 'Idle Partners')).toEqual(['25%', '0', '0', '0', '—', '—', '—', '—']);
    // 6 applications, a2–a6 passed: 5/6 = 83.3%; 2 keepers of 3 reviewed = 66.7%; attainment (1 + 0.75 + 0) / 3
    // = 0.583; fees 16,000 + 18,000 + 14,000 = 48,000 (a6 has no salary); per keeper 48,000 / 2 = 24,000.
    expect(rowOf(page.text, 'Northbridge Talent')).toEqual([
      '20%',
      '6',
      '5 (83%)',
      '4',
      '2 of 3 reviewed (67%) · few hires',
      '58% (3 hires)',
      '€48,000 (1 hire without a salary)',
      '€24,000',
    ]);
    expect(page.text).toContain('Rows marked “few hires” have fewer than 10 reviewed hires');
    expect(page.text).toContain(
      'Recruiters are paid well before you can know whether the hire will succeed; this is where you can.',
    );
    // Nothing of Olga's position: no dollars anywhere.
    expect(page.text).not.toContain('$');
  });

  it('downloads the same figures as CSV, every count in its own column', async () => {
    const csv = await morgan.agent.get('/insights/sources?format=csv').expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="source-quality.csv"');
    expect(csvLines(csv.text)).toEqual([
      HEADER,
      // Rounded percentages as on the page; fees as whole amounts with the currency in its own column.
      'Source,Careers page,,5,3,60,2,2,1,50,69,2,no fee,no fee,,,',
      'Source,Recruiter,,9,7,78,6,5,3,60,65,5,65500,21833,EUR,1,1',
      'Source,Referral,,2,1,50,1,0,0,,,0,no fee,no fee,,,',
      'Source,Sourced,,0,0,,0,0,0,,,0,no fee,no fee,,,',
      'Agency,Harbour Search,17.5,2,1,50,1,1,0,0,50,1,17500,,EUR,0,',
      'Agency,Idle Partners,25,0,0,,0,0,0,,,0,,,,0,',
      'Agency,Northbridge Talent,20,6,5,83,4,3,2,67,58,3,48000,24000,EUR,1,',
    ]);
  });

  it('shows an admin every position, with fees in each currency never added together', async () => {
    const page = await admin.agent.get('/insights/sources').expect(200);
    // Olga's o2 and o1 join: careers 6 applications (3 passed: 50%); Northbridge 7 (6 passed: 85.7%), 5 hired,
    // 3 keepers of 4 reviewed (75%), attainment (1 + 0.75 + 0 + 1) / 4 = 0.6875; fees EUR 48,000 and USD 20,000;
    // per keeper EUR 48,000 / 3 = 16,000 and USD 20,000 / 3 = 6,666.7.
    expect(rowOf(page.text, 'Careers page').slice(0, 2)).toEqual(['6', '3 (50%)']);
    expect(rowOf(page.text, 'Northbridge Talent')).toEqual([
      '20%',
      '7',
      '6 (86%)',
      '5',
      '3 of 4 reviewed (75%) · few hires',
      '69% (4 hires)',
      '€48,000 + $20,000 (1 hire without a salary)',
      '€16,000 + $6,667',
    ]);
    // Recruiter: 10 applications, 8 passed (80%), 7 hired, 4 keepers of 6 reviewed (66.7%), attainment
    // (3.25 + 1) / 6 = 0.708; fees EUR 65,500 and USD 20,000; per keeper 65,500 / 4 = 16,375 and 20,000 / 4 = 5,000.
    expect(rowOf(page.text, 'Recruiter')).toEqual([
      '10',
      '8 (80%)',
      '7',
      '4 of 6 reviewed (67%) · few hires',
      '71% (6 hires)',
      '€65,500 + $20,000 (1 hire without a salary, 1 hire credited to no agency)',
      '€16,375 + $5,000',
    ]);
    const csv = await admin.agent.get('/insights/sources?format=csv').expect(200);
    expect(csvLines(csv.text)).toContain(
      'Agency,Northbridge Talent,20,7,6,86,5,4,3,75,69,4,48000 EUR + 20000 USD,16000 EUR + 6667 USD,EUR + USD,1,',
    );
  });

  it('keeps each manager to the positions they hire for, even when asked for another’s', async () => {
    const olgaPage = await olga.agent.get('/insights/sources').expect(200);
    // o1 alone: 1 application, passed, hired, a keeper, attainment 1, fee 20% × 100,000 = USD 20,000 for 1 keeper.
    expect(rowOf(olgaPage.text, 'Northbridge Talent')).toEqual([
      '20%',
      '1',
      '1 (100%)',
      '1',
      '1 of 1 reviewed (100%) · few hires',
      '100% (1 hire)',
      '$20,000',
      '$20,000',
    ]);
    expect(rowOf(olgaPage.text, 'Harbour Search')).toEqual(['17.5%', '0', '0', '0', '—', '—', '—', '—']);
    expect(olgaPage.text).not.toContain('€');

    // Morgan asking for Olga's position by its id gets nothing of it.
    const asked = await morgan.agent.get(`/insights/sources?positionId=${dollars}`).expect(200);
    expect(rowOf(asked.text, 'Northbridge Talent')).toEqual(['20%', '0', '0', '0', '—', '—', '—', '—']);
    expect(rowOf(asked.text, 'Careers page')).toEqual(['0', '0', '0', '—', '—', 'No fee', 'No fee']);
    const askedCsv = await morgan.agent.get(`/insights/sources?positionId=${dollars}&format=csv`).expect(200);
    expect(askedCsv.text).toContain('\r\nAgency,Northbridge Talent,20,0,0,,0,0,0,,,0,,,,0,\r\n');

    const interviewer = await signedInAs(testApp, ['interviewer']);
    await interviewer.agent.get('/insights/sources').expect(403);
    await interviewer.agent.get('/insights/sources?format=csv').expect(403);
  });

  it('filters by position and by period', async () => {
    // The Sales Engineer position has a4 alone: 1 application, passed, hired, a keeper, attainment 0.75,
    // fee 20% × 90,000 = 18,000 for 1 keeper.
    const a4 = ['1', '1 (100%)', '1', '1 of 1 reviewed (100%) · few hires', '75% (1 hire)', '€18,000', '€18,000'];
    const position = await morgan.agent.get(`/insights/sources?positionId=${eurosToo}`).expect(200);
    expect(rowOf(position.text, 'Northbridge Talent')).toEqual(['20%', ...a4]);
    expect(rowOf(position.text, 'Recruiter')).toEqual(a4);
    expect(rowOf(position.text, 'Careers page')).toEqual(['0', '0', '0', '—', '—', 'No fee', 'No fee']);
    expect(position.text).toContain(`href="/insights/sources?positionId&#x3D;${eurosToo}&amp;format&#x3D;csv"`);

    // a4 applied on day 40 (14 Feb 2026); everything else in the first days of January.
    const later = await morgan.agent.get('/insights/sources?from=2026-02-01').expect(200);
    expect(rowOf(later.text, 'Recruiter')).toEqual(a4);
    const earlier = await morgan.agent.get('/insights/sources?to=2026-01-31&format=csv').expect(200);
    // Northbridge without a4: 5 applications, 4 passed (80%), 3 hired, 1 keeper of 2 reviewed, attainment 0.5,
    // fees 16,000 + 14,000 = 30,000, per keeper 30,000.
    expect(csvLines(earlier.text)).toContain('Agency,Northbridge Talent,20,5,4,80,3,2,1,50,50,2,30000,30000,EUR,1,');
  });

  it('asks the database the same few questions however many applications there are', async () => {
    const all = await countQueries(testApp.dataSource, () => admin.agent.get('/insights/sources').expect(200));
    const one = await countQueries(testApp.dataSource, () =>
      admin.agent.get(`/insights/sources?positionId=${eurosToo}`).expect(200),
    );
    expect(all).toBe(one);
    expect(all).toBeLessThanOrEqual(8);
  });

  it.each([
    ['from=yesterday', 422],
    ['from=2026-02-30', 422],
    ['to=2026-13-01', 422],
    ['positionId=abc', 422],
    ['positionId=-4', 422],
    ['positionId=99999999999999999999', 422],
    ['positionId=1&positionId=2', 422],
    ['format=xlsx', 422],
    ['colour=red', 422],
    ['from=2026-01-01%00', 400],
    ['from[a][b][c][d][e][f][g][h][i]=1', 422],
  ])('answers a bad query %p with %p, never a server error', async (query, status) => {
    const response = await morgan.agent.get(`/insights/sources?${query}`);
    expect(response.status).toBe(status);
  });

  it('says nothing is few once a row has the minimum number of reviewed hires', async () => {
    const sourcedOnly = await publishedPosition(testApp, morgan.user, 'Sourced only');
    // Ten sourced keepers: 9 meeting their one outcome, one not: attainment 9 / 10 = 0.9.
    for (let index = 0; index < 10; index += 1)
      await reviewedHire(testApp.dataSource, {
        positionId: sourcedOnly,
        managerId: morgan.user.id,
        source: 'sourced',
        keeper: true,
        results: [[1, index < 9 ? 'met' : 'not-met']],
        salary: 65000,
      });
    const page = await morgan.agent.get(`/insights/sources?positionId=${sourcedOnly}`).expect(200);
    expect(rowOf(page.text, 'Sourced')).toEqual([
      '10',
      '10 (100%)',
      '10',
      '10 of 10 reviewed (100%)',
      '90% (10 hires)',
      'No fee',
      'No fee',
    ]);
    expect(page.text).not.toContain('few hires');
  });

  it('writes an agency name a spreadsheet would run as a formula as plain text, in a file marked as UTF-8', async () => {
    await agency(testApp.dataSource, '=HYPERLINK("http://evil.example","Recruiter’s pick")', 12);
    const csv = await admin.agent.get('/insights/sources?format=csv').expect(200);
    expect(csv.text.startsWith('\ufeff')).toBe(true);
    expect(csvLines(csv.text)).toContain(
      `Agency,"'=HYPERLINK(""http://evil.example"",""Recruiter’s pick"")",12,0,0,,0,0,0,,,0,,,,0,`,
    );
  });
});
