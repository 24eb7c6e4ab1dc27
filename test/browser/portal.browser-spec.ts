import { jest } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CandidatesService } from '../../src/candidates/candidates.service.js';
import { CandidateDto } from '../../src/candidates/dto/candidate.dto.js';
import { PipelineService } from '../../src/candidates/pipeline.service.js';
import { PortalService } from '../../src/vetting/portal.service.js';
import { WritingTestService } from '../../src/vetting/writing-test.service.js';
import { samplePdf } from '../support/files.js';
import { createUser, PASSWORD } from '../support/http.js';
import { publishedPosition } from '../support/positions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import {
  describeInBrowser,
  expectAccessible,
  launch,
  newVisitor,
  serve,
  signInWithForm,
  visit,
  waitForText,
} from './support/browser.js';

jest.setTimeout(90000);

const SHOTS = process.env.SCREENSHOTS ?? '/tmp/portal-shots';

/** Screenshots at desktop and phone width, axe at both; no sideways scroll on a phone (390 px) nor at 360 px. */
async function lookAt(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const [width, height] of [
    [1280, 900],
    [390, 844],
    [360, 740],
  ]) {
    await page.setViewportSize({ width, height });
    if (width !== 360) await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    await expectAccessible(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect({ name, width, overflow }).toEqual({ name, width, overflow: 0 });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describeInBrowser('The candidate portal in a real browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let portalUrl: string;
  let deckPath: string;
  let candidateId: number;

  beforeAll(async () => {
    testApp = await createTestApp();
    await createUser(testApp, ['admin'], { email: 'alex@acme.example', name: 'Alex Admin' });
    const manager = await createUser(testApp, ['manager']);
    const positionId = await publishedPosition(testApp, manager);
    await testApp.app
      .get(WritingTestService)
      .savePrompts(positionId, [
        'Write a follow-up email to a prospect you met at an industry event who asked how we shorten patient intake.',
      ]);
    const { application } = await testApp.app.get(CandidatesService).create(
      manager,
      Object.assign(new CandidateDto(), {
        name: 'Rosa Quinn',
        email: 'rosa@example.com',
        source: 'referral',
        phone: null,
        notes: null,
        positionId,
      }),
      null,
    );
    baseUrl = await serve(testApp.app);
    candidateId = application!.candidateId;
    const withRelations = await testApp.app.get(PipelineService).findOrFail(application!.id);
    const { link } = await testApp.app.get(PortalService).issue(manager, withRelations);
    portalUrl = `${baseUrl}/portal/${link.token}`;
    deckPath = join(mkdtempSync(join(tmpdir(), 'keeper-deck-')), 'My research.pdf');
    writeFileSync(deckPath, await samplePdf('Our customer: you'));
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('reads the position, writes a draft that survives closing the tab, and submits', async () => {
    const context = await newVisitor(browser);
    let page = await context.newPage();
    await page.goto(portalUrl);
    await waitForText(page, 'Hello Rosa Quinn');
    await visit(page, 'w01-portal');
    await page.getByRole('button', { name: 'Open the writing test' }).click();
    await visit(page, 'w02-writing-intro');
    await page.getByRole('button', { name: /Start the writing test/ }).click();
    await waitForText(page, 'Your prompt');
    await page.getByLabel('Your text').fill('Dear Dana, it was good to meet you at the summit.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await waitForText(page, 'Draft saved.');
    await visit(page, 'w03-writing-draft');

    // Close the tab, come back: the draft is on the server.
    await page.close();
    page = await context.newPage();
    await page.goto(`${portalUrl}/writing`);
    await expect(page.getByLabel('Your text').inputValue()).resolves.toBe(
      'Dear Dana, it was good to meet you at the summit.',
    );

    await page.getByRole('button', { name: 'Submit the writing test' }).click();
    await waitForText(page, 'Tick the box to confirm');
    await visit(page, 'w04-writing-error');
    const body = Array.from({ length: 30 }, () => 'Our intake tool cuts the wait for your patients.').join(' ');
    await page
      .getByLabel('Your text')
      .fill(`Dear Dana, it was good to meet you at the summit. ${body} Could we talk on Tuesday?`);
    await page.getByRole('checkbox', { name: /I am ready to submit/ }).check();
    await page.getByRole('button', { name: 'Submit the writing test' }).click();
    await waitForText(page, 'your writing test is submitted');
    await visit(page, 'w05-portal-submitted');

    // The research presentation deck.
    await page.getByLabel('Your presentation').setInputFiles(deckPath);
    await page.getByRole('button', { name: 'Upload' }).click();
    await waitForText(page, 'your presentation is uploaded');
    await waitForText(page, 'My research.pdf uploaded');
    await visit(page, 'w06-portal-deck');
    await context.close();
  });

  it('offers the candidate their data as a ZIP from their page, readable on a phone', async () => {
    const context = await newVisitor(browser);
    const page = await context.newPage();
    await page.goto(portalUrl);
    await page.setViewportSize({ width: 390, height: 844 });
    const link = page.getByRole('link', { name: 'Download your data (ZIP)' });
    await link.scrollIntoViewIfNeeded();
    await expect(link.isVisible()).resolves.toBe(true);
    const box = await link.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
    await lookAt(page, 'portal-your-data');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^your-data-\d{4}-\d{2}-\d{2}\.zip$/);
    await context.close();
  });

  it('gives an admin "Export data (ZIP)" on the candidate page', async () => {
    const context = await newVisitor(browser);
    const page = await context.newPage();
    await signInWithForm(page, baseUrl, 'alex@acme.example', PASSWORD);
    await page.goto(`${baseUrl}/candidates/${candidateId}`);
    const button = page.getByRole('button', { name: 'Export data (ZIP)…' });
    await expect(button.isVisible()).resolves.toBe(true);
    await lookAt(page, 'candidate-export');
    await button.click();
    await page.waitForURL(`${baseUrl}/candidates/${candidateId}/export`);
    await lookAt(page, 'candidate-export-confirm');
    const confirm = page.getByRole('button', { name: 'Download the ZIP' });
    const [download] = await Promise.all([page.waitForEvent('download'), confirm.click()]);
    expect(download.suggestedFilename()).toBe(
      `candidate-${candidateId}-data-${new Date().toISOString().slice(0, 10)}.zip`,
    );
    await context.close();
  });
});
