import { jest } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { Candidate } from '../../src/candidates/entities/candidate.entity.js';
import { createUser, PASSWORD } from '../support/http.js';
import { history, T0 } from '../support/insights-data.js';
import { publishedPosition } from '../support/positions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { describeInBrowser, expectAccessible, launch, newVisitor, serve, signInWithForm } from './support/browser.js';

jest.setTimeout(120000);

const SHOTS = process.env.SCREENSHOTS ?? '/tmp/retention';
const daysAgo = (days: number) => Math.round((Date.now() - days * 86_400_000 - T0.getTime()) / 86_400_000);

/** A screenshot at desktop and phone width, each checked with axe; the page must not scroll sideways on a phone. */
async function lookAt(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage: true });
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: true });
  await expectAccessible(page);
  for (const width of [390, 360]) {
    await page.setViewportSize({ width, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect({ name, width, overflow }).toEqual({ name, width, overflow: 0 });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describeInBrowser('Data retention in a real browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let oldest: Candidate;
  let positionId: number;

  beforeAll(async () => {
    testApp = await createTestApp();
    await createUser(testApp, ['admin'], { email: 'alex@acme.example', name: 'Alex Admin' });
    const manager = await createUser(testApp, ['manager'], { email: 'morgan@acme.example', name: 'Morgan Reyes' });
    positionId = await publishedPosition(testApp, manager, 'Account Executive');
    for (const ago of [800, 500, 420, 200]) {
      const application = await history(testApp.dataSource, {
        positionId,
        source: 'referral',
        applied: daysAgo(ago + 20),
        moves: [['applied', 'rejected', daysAgo(ago)]],
        byId: manager.id,
      });
      oldest ??= await testApp.dataSource.getRepository(Candidate).findOneByOrFail({ id: application.candidateId });
    }
    baseUrl = await serve(testApp.app);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('sets a rule after a confirmation, refuses one under 12 months, previews, holds a candidate and runs', async () => {
    const page = await (await newVisitor(browser)).newPage();
    await signInWithForm(page, baseUrl, 'alex@acme.example', PASSWORD);
    await page.goto(`${baseUrl}/admin/settings`);
    await page.getByRole('link', { name: 'Data retention' }).click();
    await page.waitForURL(`${baseUrl}/admin/retention`);

    await page.getByLabel('Rejected: months to keep').fill('6');
    await page.getByRole('button', { name: 'Review and save' }).click();
    await page
      .getByRole('alert')
      .getByText(/29 CFR 1602\.14/)
      .first()
      .waitFor();
    await lookAt(page, 'settings-error');

    await page.getByLabel('Rejected: months to keep').fill('12');
    await page.getByRole('button', { name: 'Review and save' }).click();
    await page.getByRole('heading', { name: 'Save these retention rules?' }).waitFor();
    await expect(page.getByText('would anonymise 3 candidates').count()).resolves.toBe(1);
    await lookAt(page, 'confirm');
    await page.getByRole('button', { name: 'Save the rules' }).click();
    await page.waitForURL(`${baseUrl}/admin/retention`);
    await lookAt(page, 'settings');

    await page.getByRole('link', { name: 'See what the next run would anonymise' }).click();
    await expect(page.locator('tbody tr').count()).resolves.toBe(3);
    await lookAt(page, 'preview');

    await page.goto(`${baseUrl}/candidates/${oldest.id}`);
    await page.getByRole('link', { name: 'Place a legal hold' }).click();
    await page.getByRole('button', { name: 'Place the legal hold' }).click();
    await page.getByText('Say why the data must be kept').first().waitFor();
    await page.getByLabel('Reason').fill('EEOC charge received');
    await page.getByRole('button', { name: 'Place the legal hold' }).click();
    await page.waitForURL(`${baseUrl}/candidates/${oldest.id}`);
    await page.locator('.badge-legal-hold').waitFor();
    await lookAt(page, 'candidate-held');

    await page.goto(`${baseUrl}/admin/retention/preview`);
    await expect(page.locator('tbody tr').count()).resolves.toBe(2);
    await page.getByRole('button', { name: 'Run now' }).click();
    await lookAt(page, 'run-confirm');
    await page.getByRole('button', { name: 'Anonymise 2 candidates' }).click();
    await page.waitForURL(`${baseUrl}/admin/retention/preview`);
    await page.getByText('Retention ran: 2 candidates anonymised').waitFor();
    await page.getByText('Nobody to anonymise').waitFor();
    await lookAt(page, 'preview-empty');

    await page.goto(`${baseUrl}/positions/${positionId}`);
    await page.getByRole('link', { name: 'Place a legal hold' }).click();
    await page.getByLabel('Reason').fill('Litigation hold from counsel');
    await page.getByRole('button', { name: 'Place the legal hold' }).click();
    await page.waitForURL(`${baseUrl}/positions/${positionId}`);
    await page.locator('.badge-legal-hold').waitFor();
    await lookAt(page, 'position-held');
  });
});
