import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { createUser, PASSWORD } from '../support/http.js';
import { publishedPosition } from '../support/positions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { describeInBrowser, launch, newVisitor, serve, signInWithForm, visit, waitForText } from './support/browser.js';

jest.setTimeout(90000);

describeInBrowser('Question bank and interview kit in a real browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let positionId: number;

  beforeAll(async () => {
    testApp = await createTestApp();
    await createUser(testApp, ['admin']);
    const manager = await createUser(testApp, ['manager'], { email: 'morgan@acme.example', name: 'Morgan Reyes' });
    positionId = await publishedPosition(testApp, manager);
    baseUrl = await serve(testApp.app);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('writes a question past the question check and builds a kit that probes every outcome', async () => {
    const page = await (await newVisitor(browser)).newPage();
    await signInWithForm(page, baseUrl, 'morgan@acme.example', PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Questions' }).click();
    await waitForText(page, 'No questions yet');
    await visit(page, 'q01-questions-empty');
    await page.getByRole('button', { name: 'New question' }).first().click();
    await visit(page, 'q02-question-form');

    const rubric = [
      'Would send a brochure.',
      'A generic sequence.',
      'A researched approach.',
      'A specific approach built on their results.',
    ];
    const fill = async (text: string) => {
      await page.getByLabel('Question', { exact: true }).fill(text);
      for (const [index, label] of ['1 — Poor', '2 — Mixed', '3 — Good', '4 — Excellent'].entries())
        await page.getByLabel(label).fill(rubric[index]);
    };
    await fill('Are you married?');
    await page.getByRole('button', { name: 'Save question' }).click();
    await waitForText(page, 'touches marital or family status');
    await visit(page, 'q03-question-refused');

    await fill('How would you win a first meeting with a clinic group that has never heard of us?');
    await page.getByRole('button', { name: 'Save question' }).click();
    await waitForText(page, 'Question saved to the bank.');

    await page.goto(`${baseUrl}/positions/${positionId}`);
    await page.getByRole('link', { name: 'Interview kit' }).click();
    await waitForText(page, 'Not probed yet');
    await visit(page, 'q04-kit');
    await page.getByRole('checkbox', { name: 'Ask this question' }).check();
    for (const box of await page
      .getByRole('group', { name: /How would you win/ })
      .getByRole('checkbox', { name: /^Outcome/ })
      .all())
      await box.check();
    await page.getByRole('button', { name: 'Save kit' }).click();
    await waitForText(page, 'Every outcome is probed.');
    await page.getByRole('button', { name: 'Publish the kit' }).click();
    await waitForText(page, 'The interview kit is published.');
    await page.getByRole('heading', { name: 'Ready to recruit' }).waitFor();
    await visit(page, 'q05-position-ready');
  });
});
