import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Router } from 'express';
import { DEMO_PASSWORD, seedDemo } from '../src/demo/demo.seed.js';
import { QUESTIONS } from '../src/self-identification/self-identification.js';
import { signIn } from './support/http.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Every GET route the Express router holds. */
function getRoutes(testApp: TestApp): string[] {
  const router = (testApp.app.getHttpAdapter().getInstance() as { router: Router }).router;
  const paths = new Set<string>();
  for (const layer of router.stack as { route?: { path: string; methods: Record<string, boolean> } }[])
    if (layer.route?.methods.get) paths.add(layer.route.path.replace(/(.)\/$/, '$1'));
  return [...paths];
}

/** Pages for strangers and candidates (the careers form, the portal, shared links): not the hiring team's. */
const PUBLIC = /^\/(careers|portal|share|invitations|setup|password|login|logout|health)(\/|$)/;

// What a self-identification answer looks like on a page: every answer and group label, and the section's name.
const ANSWER_TEXTS = [
  ...new Set(
    QUESTIONS.flatMap((question) => question.choices.flatMap((choice) => [choice.label, choice.group])).filter(
      (text) => !['Female', 'Male', 'Asian', 'White'].includes(text),
    ),
  ),
];
const ANSWER_PATTERN = new RegExp(
  [
    ...ANSWER_TEXTS.map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    // Short labels as whole words, in the case the report writes them.
    '\\bFemale\\b',
    '\\bMale\\b',
    '\\bAsian\\b',
    '\\bWhite\\b',
    'self-identif',
    'adverse impact',
    'wish to answer',
  ].join('|'),
  'i',
);

describe('The rule: the hiring team never sees a self-identification answer or who answered', () => {
  let testApp: TestApp;
  let ids: string[];

  beforeAll(async () => {
    testApp = await createTestApp();
    await seedDemo(testApp.app);
    // Real ids from the demo: the first rows, and applications with answers, their candidates, hires and interviews.
    const rows = (await testApp.dataSource.query(
      `SELECT s."applicationId" AS application, a."candidateId" AS candidate, h.id AS hire, i.id AS interview
       FROM self_identifications s JOIN applications a ON a.id = s."applicationId"
       LEFT JOIN hires h ON h."applicationId" = a.id LEFT JOIN interviews i ON i."applicationId" = a.id
       WHERE h.id IS NOT NULL ORDER BY s.id LIMIT 2`,
    )) as Record<string, number | null>[];
    expect(rows).toHaveLength(2);
    ids = [...new Set(['1', '2', '3', ...rows.flatMap((row) => Object.values(row).filter(Boolean).map(String))])];
  });
  afterAll(() => testApp.close());

  it('finds none of the answer texts on any page or CSV, as manager, interviewer and grader, and recruiter', async () => {
    const answers = Number((await testApp.dataSource.query('SELECT COUNT(*) AS n FROM self_identifications'))[0].n);
    expect(answers).toBeGreaterThan(30);
    const routes = getRoutes(testApp).filter((path) => !PUBLIC.test(path));
    expect(routes.length).toBeGreaterThan(60);
    const found: string[] = [];
    let pages = 0;
    for (const email of [
      'manager@keeper.demo',
      'interviewer@keeper.demo',
      'interviewer2@keeper.demo',
      'recruiter@keeper.demo',
    ]) {
      const agent = await signIn(testApp, email, DEMO_PASSWORD);
      for (const route of routes) {
        const urls = route.includes(':') ? ids.map((id) => route.replace(/:[A-Za-z]+/g, id)) : [route];
        if (route.startsWith('/insights')) urls.push(...urls.map((url) => `${url}?format=csv`));
        for (const url of urls) {
          const response = await agent.get(url).redirects(0);
          if (response.status === 200) pages += 1;
          const match = ANSWER_PATTERN.exec(response.text ?? '');
          if (match) found.push(`${email} ${url} → ${response.status}: “${match[0]}”`);
        }
      }
    }
    // The crawl saw the hiring team's pages, not only refusals.
    expect(pages).toBeGreaterThan(150);
    expect(found).toEqual([]);
  }, 900_000);

  it('has the answers in place: the same crawl’s pattern finds them in the report an admin sees', async () => {
    const admin = await signIn(testApp, 'admin@keeper.demo', DEMO_PASSWORD);
    const report = await admin.get('/insights/adverse-impact').expect(200);
    expect(report.text).toMatch(ANSWER_PATTERN);
    expect(report.text).toContain('Below four-fifths');
  });
});
