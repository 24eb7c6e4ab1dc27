import { jest } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { samplePdf } from '../support/files.js';
import { createUser, PASSWORD } from '../support/http.js';
import { publishedPosition } from '../support/positions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { describeInBrowser, expectAccessible, launch, newVisitor, snapshot } from './support/browser.js';

jest.setTimeout(90000);

describeInBrowser('Candidates in a real browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let positionId: number;
  let resumePath: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    await createUser(testApp, ['admin']);
    const manager = await createUser(testApp, ['manager'], { email: 'morgan@acme.example', name: 'Morgan Reyes' });
    positionId = await publishedPosition(testApp, manager);
    resumePath = join(mkdtempSync(join(tmpdir(), 'keeper-resume-')), 'Rosa Quinn CV.pdf');
    writeFileSync(resumePath, await samplePdf('Rosa Quinn, account executive'));
    await testApp.app.listen(0, '127.0.0.1');
    baseUrl = (await testApp.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  async function visit(page: Page, name: string): Promise<void> {
    await snapshot(page, name);
    await expectAccessible(page);
  }
  const text = (page: Page, value: string) => page.getByText(value).first().waitFor({ state: 'visible' });

  it('adds a candidate with a resume from the position, moves and rejects through the board and list', async () => {
    const page = await (await newVisitor(browser)).newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Email').fill('morgan@acme.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl}/`);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Candidates' }).click();
    await text(page, 'No candidates yet');
    await visit(page, 'c01-candidates-empty');

    await page.goto(`${baseUrl}/positions/${positionId}`);
    await page.getByRole('link', { name: 'Board by stage' }).click();
    await text(page, 'No applications yet');
    await visit(page, 'c02-board-empty');
    await page.getByRole('button', { name: 'Add a candidate' }).first().click();
    await visit(page, 'c03-new-candidate');

    // A mistake first: no name, a bad email. What was typed stays.
    await page.getByLabel('Email').fill('rosa@');
    await page.getByRole('button', { name: 'Add candidate' }).click();
    await text(page, 'There are 3 problems');
    await expectAccessible(page);

    await page.getByLabel('Name').fill('Rosa Quinn');
    await page.getByLabel('Email').fill('rosa@example.com');
    await page.getByLabel('Source').selectOption('referral');
    await page.getByLabel('The candidate agreed').check();
    await page.getByLabel(/Resume/).setInputFiles(resumePath);
    await page.getByRole('button', { name: 'Add candidate' }).click();
    await text(page, 'Rosa Quinn is added and has applied.');
    await visit(page, 'c04-application');

    await page.getByLabel('Move to').selectOption('vetting');
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    await text(page, 'Moved to Vetting.');
    await page.getByLabel('Move to').selectOption('interview');
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    await text(page, 'Vetting is not complete');
    await visit(page, 'c05-gate-refused');

    // Record an external assessment that fails on suitability: one click rejects.
    await page.getByLabel('Eligibility (0–100)').fill('82');
    await page.getByLabel('Suitability (0–100)').fill('41');
    await page.getByLabel('Taken on').fill('2026-11-02');
    await page.getByRole('button', { name: 'Save the assessment' }).click();
    await text(page, 'Assessment recorded.');
    await text(page, 'Reject: did not pass vetting');
    await expect(page.getByText('Traits noted:').count()).resolves.toBe(0);
    await page.locator('summary', { hasText: 'Schedule the session' }).click();
    await visit(page, 'c05b-assessment');
    await page.getByRole('link', { name: 'Vetting steps of this position' }).click();
    await text(page, 'Pass mark: eligibility');
    await visit(page, 'c05c-vetting-steps');
    await page.goBack();

    await page.getByRole('link', { name: /← Board of/ }).click();
    await text(page, 'Rosa Quinn');
    await visit(page, 'c06-board');
    await page.getByRole('link', { name: 'List view' }).click();
    await page.getByLabel('Select Rosa Quinn').check();
    await page.getByLabel('Reject the ticked applications with the reason').selectOption({ label: 'No reply from the candidate' });
    await page.getByRole('button', { name: 'Reject ticked' }).click();
    await text(page, '1 application rejected.');
    await text(page, 'No reply from the candidate');
    await visit(page, 'c07-list');

    await page.getByRole('link', { name: 'Rosa Quinn' }).click();
    await page.getByRole('button', { name: 'Candidate record' }).click();
    await text(page, 'Download Rosa-Quinn-CV.pdf');
    await visit(page, 'c08-candidate');
  });
});
