import { jest } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
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
    baseUrl = await serve(testApp.app);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('adds a candidate with a resume from the position, moves and rejects through the board and list', async () => {
    const page = await (await newVisitor(browser)).newPage();
    await signInWithForm(page, baseUrl, 'morgan@acme.example', PASSWORD);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Candidates' }).click();
    await waitForText(page, 'No candidates yet');
    await visit(page, 'c01-candidates-empty');

    await page.goto(`${baseUrl}/positions/${positionId}`);
    await page.getByRole('link', { name: 'Board by stage' }).click();
    await waitForText(page, 'No applications yet');
    await visit(page, 'c02-board-empty');
    await page.getByRole('button', { name: 'Add a candidate' }).first().click();
    await visit(page, 'c03-new-candidate');

    // A mistake first: no name, a bad email. What was typed stays.
    await page.getByLabel('Email').fill('rosa@');
    await page.getByRole('button', { name: 'Add candidate' }).click();
    await waitForText(page, 'There are 3 problems');
    await expectAccessible(page);

    await page.getByLabel('Name').fill('Rosa Quinn');
    await page.getByLabel('Email').fill('rosa@example.com');
    await page.getByLabel('Source').selectOption('referral');
    await page.getByLabel('The candidate agreed').check();
    await page.getByLabel(/Resume/).setInputFiles(resumePath);
    await page.getByRole('button', { name: 'Add candidate' }).click();
    await waitForText(page, 'Rosa Quinn is added and has applied.');
    await visit(page, 'c04-application');

    await page.getByLabel('Move to').selectOption('vetting');
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    await waitForText(page, 'Moved to Vetting.');
    await page.getByLabel('Move to').selectOption('interview');
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    await waitForText(page, 'Vetting is not complete');
    await visit(page, 'c05-gate-refused');

    // Record an external assessment that fails on suitability: one click rejects.
    await page.getByLabel('Eligibility (0–100)').fill('82');
    await page.getByLabel('Suitability (0–100)').fill('41');
    await page.getByLabel('Taken on').fill('2026-11-02');
    await page.getByRole('button', { name: 'Save the assessment' }).click();
    await waitForText(page, 'Assessment recorded.');
    await waitForText(page, 'Reject: did not pass vetting');
    await expect(page.getByText('Traits noted:').count()).resolves.toBe(0);
    await page.locator('summary', { hasText: 'Schedule the session' }).click();
    await visit(page, 'c05b-assessment');
    await page.getByRole('link', { name: 'Vetting steps of this position' }).click();
    await waitForText(page, 'Pass mark: eligibility');
    await visit(page, 'c05c-vetting-steps');
    await page.goBack();

    await page.getByRole('link', { name: /← Board of/ }).click();
    await waitForText(page, 'Rosa Quinn');
    await visit(page, 'c06-board');
    await page.getByRole('link', { name: 'List view' }).click();
    await page.getByLabel('Select Rosa Quinn').check();
    await page.getByRole('button', { name: 'Reject ticked…' }).click();
    await waitForText(page, 'Reject 1 application');
    await page.getByLabel('Reason, for all of them').selectOption({ label: 'No reply from the candidate' });
    await page.getByLabel('Don’t send a message').check();
    await visit(page, 'c07a-bulk-reject');
    await page.getByRole('button', { name: 'Reject 1 application' }).click();
    await waitForText(page, '1 application rejected.');
    await waitForText(page, 'No reply from the candidate');
    await visit(page, 'c07-list');

    await page.getByRole('link', { name: 'Rosa Quinn' }).click();
    await page.getByRole('button', { name: 'Candidate record' }).click();
    await waitForText(page, 'Download Rosa Quinn CV.pdf');
    await visit(page, 'c08-candidate');
  });
});
