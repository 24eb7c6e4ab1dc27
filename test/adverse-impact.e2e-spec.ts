import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { User } from '../src/accounts/entities/user.entity.js';
import { SelfIdentification } from '../src/self-identification/entities/self-identification.entity.js';
import { Assessment } from '../src/vetting/entities/assessment.entity.js';
import { signedInAs, type Agent } from './support/http.js';
import { history } from './support/insights-data.js';
import { publishedPosition } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** The cells of the report's table row for `group` in the section headed `step`. */
function cells(html: string, step: string, group: string): string[] {
  const start = html.indexOf(`>${step}</h2>`);
  if (start < 0) throw new Error(`No step ${step}`);
  const section = html.slice(start, html.indexOf('</section>', start));
  const row = new RegExp(`<tr[^>]*>\\s*<th scope="row">${group.replace(/[()]/g, '\\$&')}</th>([\\s\\S]*?)</tr>`).exec(
    section,
  );
  if (!row) throw new Error(`No row ${group} in ${step}`);
  return [...row[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => cell[1].replace(/<[^>]+>/g, '').trim());
}

describe('The adverse-impact report on a hand-built data set', () => {
  let testApp: TestApp;
  let admin: { agent: Agent; user: User };
  let compliance: { agent: Agent; user: User };
  let positionId: number;

  type Sex = 'female' | 'male' | 'declined';
  /** An application at Interview on day `applied` (after T0), offered and hired or rejected, with its answers. */
  async function interviewed(sex: Sex, race: string, offered: boolean, applied = 10) {
    const application = await history(testApp.dataSource, {
      positionId,
      source: 'referral',
      applied,
      byId: admin.user.id,
      moves: offered
        ? [
            ['applied', 'vetting', applied + 1],
            ['vetting', 'interview', applied + 5],
            ['interview', 'offer', applied + 9],
            ['offer', 'hired', applied + 12],
          ]
        : [
            ['applied', 'vetting', applied + 1],
            ['vetting', 'interview', applied + 5],
            ['interview', 'rejected', applied + 9],
          ],
    });
    await testApp.dataSource
      .getRepository(SelfIdentification)
      .insert({ applicationId: application.id, sex, race, veteran: 'not-protected', disability: 'no' });
    return application;
  }

  async function assessed(sex: Sex, passed: boolean) {
    const application = await history(testApp.dataSource, {
      positionId,
      source: 'careers-page',
      applied: 20,
      byId: admin.user.id,
      moves: [['applied', 'vetting', 21]],
    });
    await testApp.dataSource.getRepository(Assessment).insert({
      applicationId: application.id,
      provider: 'Harrison',
      takenOn: '2026-01-30',
      // The default pass marks are 60 and 60: 59 fails.
      eligibility: passed ? 70 : 59,
      suitability: 65,
      traits: null,
      reportFileId: null,
      recordedById: admin.user.id,
      recordedAt: new Date('2026-01-30T10:00:00Z'),
    });
    await testApp.dataSource
      .getRepository(SelfIdentification)
      .insert({ applicationId: application.id, sex, race: 'declined', veteran: null, disability: null });
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await signedInAs(testApp, ['admin']);
    compliance = await signedInAs(testApp, ['compliance']);
    const manager = await signedInAs(testApp, ['manager']);
    positionId = await publishedPosition(testApp, manager.user, 'Account Executive');
    // Interview: 10 women (2 offered, 8 rejected: 5 White, 5 Black), 10 men (6 offered: 6 White, 4 Asian),
    // 3 who declined to say (rejected).
    for (let i = 0; i < 10; i += 1) await interviewed('female', i < 5 ? 'white' : 'black', i < 2);
    for (let i = 0; i < 10; i += 1) await interviewed('male', i < 6 ? 'white' : 'asian', i < 6);
    for (let i = 0; i < 3; i += 1) await interviewed('declined', 'declined', false);
    // A woman interviewed and rejected long after the period the test chooses (day 400).
    await interviewed('female', 'white', false, 400);
    // One still in Interview: not decided, so not counted.
    const open = await history(testApp.dataSource, {
      positionId,
      source: 'referral',
      applied: 12,
      byId: admin.user.id,
      moves: [
        ['applied', 'vetting', 13],
        ['vetting', 'interview', 15],
      ],
    });
    await testApp.dataSource.getRepository(SelfIdentification).insert({ applicationId: open.id, sex: 'female' });
    // Assessment: 6 women (3 pass), 6 men (6 pass).
    for (let i = 0; i < 6; i += 1) await assessed('female', i < 3);
    for (let i = 0; i < 6; i += 1) await assessed('male', true);
  });
  afterAll(() => testApp.close());

  const PERIOD = 'from=2026-01-01&to=2026-06-30';

  it('shows each group’s rate, impact ratio, the four-fifths flag and the test worked out by hand', async () => {
    const page = await compliance.agent.get(`/insights/adverse-impact?${PERIOD}`).expect(200);
    // Interview, women: 2 of 10 = 20%; men 6 of 10 = 60% (the highest); ratio 0.20 / 0.60 = 0.33 < 0.8.
    // Expected counts 10 · 8 / 20 = 4 < 5, so Fisher's exact: [[2,8],[6,4]], margins 10, 10 / 8, 12 of 20;
    // P(x) = C(8,x) C(12,10−x) / C(20,10) = 66, 1760, 13860, 44352, 64680, 44352, 13860, 1760, 66 over 184756 for
    // x = 0..8; as likely as x = 2 or less: x = 0, 1, 2, 6, 7, 8 → 31372 / 184756 = 0.170.
    expect(cells(page.text, 'Interview', 'Female')).toEqual([
      '10',
      '2',
      '20%',
      '0.33',
      'Below four-fifths',
      'Fisher’s exact: p 0.170',
    ]);
    expect(cells(page.text, 'Interview', 'Male')).toEqual(['10', '6', '60%', '1.00 (highest rate)', '—', '—']);
    expect(page.text).toContain('<strong>Interview</strong> — Sex: Female, impact ratio 0.33, not significant at 5%.');
    // Assessment, women 3 of 6 = 50%, men 6 of 6 = 100%; ratio 0.50. Fisher: [[3,3],[6,0]], margins 6, 6 / 9, 3;
    // P(x) = C(9,x) C(3,6−x) / C(12,6) = 84, 378, 378, 84 over 924 for x = 3..6; x = 3 and 6 → 168 / 924 = 0.182.
    expect(cells(page.text, 'External assessment', 'Female')).toEqual([
      '6',
      '3',
      '50%',
      '0.50',
      'Below four-fifths',
      'Fisher’s exact: p 0.182',
    ]);
    // Offer: 2 women and 6 men hired of those offered. 2 women are too few; hidden groups would hold 2 people, so
    // the men (the smallest shown row) are hidden too, or 8 − 6 would give the women away.
    expect(cells(page.text, 'Offer', 'Female')).toEqual(['Too few to report']);
    expect(cells(page.text, 'Offer', 'Male')).toEqual(['Too few to report']);
  });

  it('reports groups below five as too few, by race', async () => {
    const page = await admin.agent.get(`/insights/adverse-impact?${PERIOD}&dimension=race`).expect(200);
    // White: 5 women (2 offered) + 6 men (6 offered) = 11, 8 selected; Black: 5, 0 selected; Asian: 4 → too few.
    expect(cells(page.text, 'Interview', 'White').slice(0, 4)).toEqual(['11', '8', '72.7%', '1.00 (highest rate)']);
    expect(cells(page.text, 'Interview', 'Black or African American').slice(0, 5)).toEqual([
      '5',
      '0',
      '0%',
      '0.00',
      'Below four-fifths',
    ]);
    expect(cells(page.text, 'Interview', 'Asian')).toEqual(['Too few to report']);
    expect(cells(page.text, 'Interview', 'Not disclosed (no answer, or “I don’t wish to answer”)')).toEqual([
      'Too few to report',
    ]);
  });

  it('keeps to the period and the position, and leaves undecided applications out', async () => {
    const all = await compliance.agent.get('/insights/adverse-impact').expect(200);
    // The woman from day 400 joins: 11 women, 2 selected. The one still in Interview never counts.
    expect(cells(all.text, 'Interview', 'Female').slice(0, 2)).toEqual(['11', '2']);
    const elsewhere = await compliance.agent
      .get(`/insights/adverse-impact?positionId=${positionId + 1000}`)
      .expect(200);
    expect(elsewhere.text).toContain('No application reached a decision at this step in the period.');
  });

  it('downloads every dimension as CSV with the same figures', async () => {
    const csv = await compliance.agent.get(`/insights/adverse-impact?${PERIOD}&format=csv`).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="adverse-impact.csv"');
    const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'Step,Applicants are,Selected are,Dimension,Group,Applicants,Selected,Selection rate (%),Impact ratio,Below four-fifths,Test,p-value,Note',
    );
    const row = (step: string, dimension: string, group: string) =>
      lines
        .find((line) => line.startsWith(`${step},`) && line.includes(`,${dimension},${group},`))
        ?.split(',')
        .slice(-8);
    expect(row('Interview', 'Sex', 'Female')).toEqual(['10', '2', '20', '0.33', 'yes', 'Fisher’s exact', '0.1698', '']);
    expect(row('Interview', 'Sex', 'Male')).toEqual(['10', '6', '60', '1', 'no', '', '', 'highest rate (reference)']);
    expect(row('Interview', 'Race or ethnicity', 'Asian')).toEqual(['', '', '', '', '', '', '', 'too few to report']);
    expect(row('Offer', 'Sex', 'Male')).toEqual(['', '', '', '', '', '', '', 'too few to report']);
    // Veteran status and disability are in the file too, though the page shows one dimension at a time.
    expect(lines.some((line) => line.includes(',Protected veteran status,Not a protected veteran,'))).toBe(true);
    expect(lines.some((line) => line.includes(',Disability,No disability,'))).toBe(true);
  });

  it('is for admins and the compliance role only; compliance sees nothing of candidates, applications or positions', async () => {
    for (const roles of [['manager'], ['interviewer'], ['recruiter'], ['new-hire']] as const) {
      const { agent } = await signedInAs(testApp, [...roles]);
      await agent.get('/insights/adverse-impact').expect(403);
      await agent.get('/insights/adverse-impact?format=csv').expect(403);
    }
    await admin.agent.get('/insights/adverse-impact').expect(200);
    const [application] = await testApp.dataSource.query('SELECT id FROM applications ORDER BY id LIMIT 1');
    for (const path of [
      '/candidates',
      '/positions',
      `/positions/${positionId}`,
      `/positions/${positionId}/applications`,
      `/applications/${application.id}`,
      '/insights',
      '/insights/funnel',
      '/hires',
      '/grading',
      '/people',
      '/admin/settings',
    ])
      await compliance.agent.get(path).expect(403);
    await compliance.agent.get('/').expect(303).expect('Location', '/insights/adverse-impact');
    await compliance.agent.get('/account/password').expect(200);
    const report = await compliance.agent.get('/insights/adverse-impact').expect(200);
    // The compliance officer's navigation is the report alone.
    const nav = /<nav[\s\S]*?<\/nav>/.exec(report.text)![0];
    expect(
      [...nav.matchAll(/<a [^>]*href="([^"]+)"/g)].map((match) => match[1]).filter((href) => href !== '#main'),
    ).toEqual(expect.arrayContaining(['/insights/adverse-impact']));
    expect(nav).not.toContain('href="/candidates"');
    expect(nav).not.toContain('href="/positions"');
  });
});
