import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { PipelineService } from '../../src/candidates/pipeline.service.js';
import { createUser, PASSWORD } from '../support/http.js';
import { agency, history, panel, person, reviewedHire } from '../support/insights-data.js';
import { publishedPosition } from '../support/positions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { describeInBrowser, launch, newVisitor, serve, signInWithForm, visit, waitForText } from './support/browser.js';

jest.setTimeout(120000);

describeInBrowser('Insights in a real browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let managerId: number;
  let positionId: number;

  beforeAll(async () => {
    testApp = await createTestApp();
    await createUser(testApp, ['admin']);
    const manager = await createUser(testApp, ['manager'], { email: 'morgan@acme.example', name: 'Morgan Reyes' });
    managerId = manager.id;
    positionId = await publishedPosition(testApp, manager);
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

  it('shows source quality per source and per agency, its tables scrolling in their own box on a phone', async () => {
    const ds = testApp.dataSource;
    await ds.query(`UPDATE positions SET "compensationCurrency" = 'EUR' WHERE id = ${positionId}`);
    const northbridge = await agency(ds, 'Northbridge Talent', 20);
    await agency(ds, 'Harbour Search', 17.5);
    const viaNorthbridge = { positionId, managerId, source: 'recruiter' as const, agencyId: northbridge.id };
    await reviewedHire(ds, { ...viaNorthbridge, keeper: true, results: [[1, 'met']], salary: 90000 });
    await reviewedHire(ds, { ...viaNorthbridge, keeper: false, results: [[1, 'not-met']], salary: 80000 });
    await reviewedHire(ds, { ...viaNorthbridge, keeper: null, results: [[1, 'met']], salary: null });
    await history(ds, { positionId, source: 'careers-page', applied: 2, byId: managerId, moves: [] });

    const page = await (await newVisitor(browser)).newPage();
    await signInWithForm(page, baseUrl, 'morgan@acme.example', PASSWORD);
    await page.goto(`${baseUrl}/insights`);
    await page.getByRole('link', { name: 'Source quality' }).click();
    await page.getByRole('heading', { name: 'Source quality', level: 1 }).waitFor();
    // Fees 20% × (90,000 + 80,000) = 34,000 for one keeper; the third hire has no salary and no review yet.
    await page
      .getByRole('row', { name: /^Northbridge Talent 20% 3 3 \(100%\) 3 1 of 2 reviewed \(50%\) · few hires/ })
      .waitFor();
    await waitForText(page, '€34,000 (1 hire without a salary)');
    expect(await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe(
      '/insights/sources?format=csv',
    );
    await visit(page, 'n06-sources');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('region', { name: 'Table by agency' }).waitFor();
    // Nothing of the report runs off the screen; each table scrolls inside its own region, reachable by keyboard.
    // (The layout's top navigation is checked where the layout is built.)
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((element) => !element.closest('.table-scroll') && element.getBoundingClientRect().right > 390)
        .map((element) => element.outerHTML.slice(0, 80)),
    );
    expect(overflowing).toEqual([]);
    const agencies = page.getByRole('region', { name: 'Table by agency' });
    expect(await agencies.getAttribute('tabindex')).toBe('0');
    expect(await agencies.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
    await agencies.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowRight');
    // Keyboard scrolling may be animated: wait (up to 5 s) for the box to have moved.
    const box = await agencies.elementHandle();
    await page.waitForFunction((element) => (element?.scrollLeft ?? 0) > 0, box, { timeout: 5000 });
    expect(await agencies.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    // The first column stays in view while the table scrolls.
    const name = agencies.getByRole('rowheader', { name: 'Northbridge Talent' });
    expect(await name.evaluate((cell) => cell.getBoundingClientRect().left)).toBeGreaterThanOrEqual(0);
    await visit(page, 'n07-sources-phone');
  });
});
