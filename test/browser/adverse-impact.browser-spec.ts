import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/demo.seed.js';
import { Position } from '../../src/positions/entities/position.entity.js';
import { PortalLink } from '../../src/vetting/entities/portal-link.entity.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { describeInBrowser, expectAccessible, launch, newVisitor, serve, waitForText } from './support/browser.js';

jest.setTimeout(300000);

const SHOTS = process.env.SCREENSHOTS ?? '/tmp/fair';

/** A screenshot at the desktop and the phone width, and the accessibility check at both. */
async function lookAtBothSizes(page: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1280, 900],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    await expectAccessible(page);
    // Nothing wider than the phone: wide tables scroll inside their own box.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect({ name, width, overflow }).toEqual({ name, width, overflow: 0 });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describeInBrowser('Self-identification and the adverse-impact report in a real browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    await seedDemo(testApp.app);
    baseUrl = await serve(testApp.app);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('shows the careers form’s voluntary section, answerable with the keyboard', async () => {
    const position = await testApp.dataSource.getRepository(Position).findOneByOrFail({ onCareersSite: true });
    const page = await (await newVisitor(browser)).newPage();
    await page.goto(`${baseUrl}/careers/${position.id}`);
    await waitForText(page, 'Voluntary self-identification (optional)');
    await page.getByRole('group', { name: /^Sex/ }).getByLabel('Female').check();
    await page.getByRole('radio', { name: 'Hispanic or Latino', exact: true }).check();
    await page
      .getByRole('group', { name: /Protected veteran status/ })
      .getByLabel('I don’t wish to answer')
      .check();
    expect(await page.getByRole('radio', { name: 'Hispanic or Latino', exact: true }).isChecked()).toBe(true);
    await page.locator('.self-id').scrollIntoViewIfNeeded();
    await page.locator('.self-id').screenshot({ path: `${SHOTS}/careers-self-id-section-1280.png` });
    await lookAtBothSizes(page, 'careers-form');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('.self-id').screenshot({ path: `${SHOTS}/careers-self-id-section-390.png` });
  });

  it('shows the portal’s own self-identification page', async () => {
    const [row] = (await testApp.dataSource.query(
      `SELECT l.token FROM portal_links l WHERE l."revokedAt" IS NULL ORDER BY l.id LIMIT 1`,
    )) as Pick<PortalLink, 'token'>[];
    const page = await (await newVisitor(browser)).newPage();
    await page.goto(`${baseUrl}/portal/${row.token}/self-identification`);
    await waitForText(page, 'This section is voluntary.');
    await page.getByLabel('No, I do not have a disability and have not had one in the past').check();
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await waitForText(page, 'Your answers are kept apart from your application');
    await lookAtBothSizes(page, 'portal-home');
  });

  it('takes a compliance officer from sign-in to the report, with the four-fifths failure at the top', async () => {
    const page = await (await newVisitor(browser)).newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Email').fill('compliance@keeper.demo');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl}/insights/adverse-impact`);
    await waitForText(page, 'How to read this report');
    expect(await page.getByRole('link', { name: '29 CFR 1607.4(D)' }).count()).toBe(1);
    const flags = page.locator('.impact-flags');
    expect(await flags.innerText()).toContain('Interview — Sex: Female');
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allInnerTexts()).not.toContain('Candidates');
    await lookAtBothSizes(page, 'adverse-impact');
    await page.getByRole('link', { name: 'Race or ethnicity' }).click();
    await waitForText(page, 'Too few to report');
    await lookAtBothSizes(page, 'adverse-impact-race');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV (every group)' }).click();
    expect((await download).suggestedFilename()).toBe('adverse-impact.csv');
  });
});
