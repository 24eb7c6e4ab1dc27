import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { PipelineService } from '../../src/candidates/pipeline.service.js';
import { createUser, PASSWORD } from '../support/http.js';
import { history, panel, person, reviewedHire } from '../support/insights-data.js';
import { publishedPosition } from '../support/positions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { describeInBrowser, launch, newVisitor, serve, signInWithForm, visit, waitForText } from './support/browser.js';

jest.setTimeout(120000);

describeInBrowser('Insights in a real browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    await createUser(testApp, ['admin']);
    const manager = await createUser(testApp, ['manager'], { email: 'morgan@acme.example', name: 'Morgan Reyes' });
    const positionId = await publishedPosition(testApp, manager);
    const ds = testApp.dataSource;
    const [reason] = await testApp.app.get(PipelineService).reasons();
    const hired = await history(ds, {
      positionId,
      source: 'referral',
      applied: 0,
      byId: manager.id,
      moves: [
        ['applied', 'vetting', 2],
        ['vetting', 'interview', 9],
        ['interview', 'offer', 14],
      ],
    });
    await history(ds, {
      positionId,
      source: 'recruiter',
      applied: 1,
      byId: manager.id,
      rejectionReasonId: reason.id,
      moves: [
        ['applied', 'vetting', 3],
        ['vetting', 'rejected', 5],
      ],
    });
    const [alice, bob] = [await person(ds, 'Alice Ames'), await person(ds, 'Bob Brandt')];
    await panel(ds, {
      applicationId: hired.id,
      day: 9,
      decision: 'hire',
      byId: manager.id,
      seats: [
        { user: alice, ratings: [4, 3], recommendation: 'yes', hoursLate: 3 },
        { user: bob, ratings: [2, 3], recommendation: 'no', hoursLate: 40 },
      ],
    });
    for (const [eligibility, met] of [
      [80, 'met'],
      [60, 'not-met'],
      [70, 'partly'],
    ] as const) {
      await reviewedHire(ds, { positionId, managerId: manager.id, eligibility, suitability: 70, results: [[1, met]] });
    }
    baseUrl = await serve(testApp.app);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('opens each report from the Insights page, with the CSV link of what is shown', async () => {
    const page = await (await newVisitor(browser)).newPage();
    await signInWithForm(page, baseUrl, 'morgan@acme.example', PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
    await waitForText(page, 'Which assessments predicted keepers');
    await visit(page, 'n01-insights');

    await page.getByRole('link', { name: 'Funnel' }).click();
    await waitForText(page, 'Time to hire');
    // Two histories and three reviewed hires: five applications.
    await page.getByRole('row', { name: /^Applied 5 / }).waitFor();
    await visit(page, 'n02-funnel');
    expect(await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe(
      '/insights/funnel?format=csv',
    );

    await page.goto(`${baseUrl}/insights/calibration`);
    await page.getByRole('row', { name: /^Bob Brandt 1 0 2\.5 -1 severe/ }).waitFor();
    await visit(page, 'n03-calibration');

    await page.goto(`${baseUrl}/insights/validity`);
    await waitForText(page, 'Not enough data: 3 of the 10 hires needed to say anything.');
    await visit(page, 'n04-validity');

    await page.goto(`${baseUrl}/insights`);
    await page.getByRole('link', { name: 'The cost of a bad hire' }).click();
    await page.getByLabel('Annual salary').fill('120000');
    await page.getByRole('button', { name: 'Work it out' }).click();
    await page.getByRole('heading', { name: '$489,500' }).waitFor();
    await visit(page, 'n05-cost');
  });
});
