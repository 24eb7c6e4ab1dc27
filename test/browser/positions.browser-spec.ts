import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { B2B_SALESPERSON } from '../../src/positions/position-templates.js';
import { composeOutcomeSentence } from '../../src/positions/outcome-sentence.js';
import type { User } from '../../src/accounts/entities/user.entity.js';
import { createUser, PASSWORD } from '../support/http.js';
import { publishKit } from '../support/positions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { describeInBrowser, launch, newVisitor, serve, signInWithForm, visit, waitForText } from './support/browser.js';

jest.setTimeout(90000);

describeInBrowser('Positions in a real browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let manager: User;

  beforeAll(async () => {
    testApp = await createTestApp();
    await createUser(testApp, ['admin']);
    manager = await createUser(testApp, ['manager'], { email: 'morgan@acme.example', name: 'Morgan Reyes' });
    baseUrl = await serve(testApp.app);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('writes a position from the template, fixes the outcome check, publishes v1 and v2 and reads the diff', async () => {
    const context = await newVisitor(browser);
    const page = await context.newPage();
    await signInWithForm(page, baseUrl, 'morgan@acme.example', PASSWORD);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Positions' }).click();
    await waitForText(page, 'No positions yet');
    await visit(page, 'p01-positions-empty');
    await page.getByRole('button', { name: 'New position' }).first().click();
    await visit(page, 'p02-new');
    await page.getByRole('button', { name: 'Start from “B2B salesperson”' }).click();
    await page.waitForURL(/\/positions\/\d+\/edit$/);
    await waitForText(page, composeOutcomeSentence(B2B_SALESPERSON.outcomes[0]));
    await visit(page, 'p03-editor');

    // Remove outcome 2's deadline: the check shows an error.
    await page.locator('[id="field-outcomes.1.deadlineKind"]').selectOption('');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await waitForText(page, 'Outcome 2 has no deadline');
    await visit(page, 'p04-editor-error');

    // Restore it, and add an experience proxy: a warning.
    await page.locator('[id="field-outcomes.1.deadlineKind"]').selectOption('month-close');
    const description = page.getByLabel('About the role');
    await description.fill(`${await description.inputValue()}\n\nYou bring 5+ years of industry experience.`);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await waitForText(page, '“industry experience” in the description is an experience proxy');

    await page.getByRole('link', { name: /← Account Executive/ }).click();
    await waitForText(page, 'Not ready to recruit yet');
    await page.getByRole('button', { name: 'Publish version 1' }).click();
    await waitForText(page, 'tick the box to publish anyway');
    await visit(page, 'p05-publish-refused');
    await page.getByRole('checkbox', { name: /I have read these warnings/ }).check();
    await page.getByRole('button', { name: 'Publish version 1' }).click();
    await waitForText(page, 'Version 1 is published.');
    await waitForText(page, 'Interview kit is published');
    // The kit has its own journey; here it is set up directly.
    await publishKit(testApp, manager, Number(/\/positions\/(\d+)/.exec(page.url())![1]));
    await page.reload();
    await page.getByRole('heading', { name: 'Ready to recruit' }).waitFor();
    await visit(page, 'p06-position');

    // v2: a higher target and no proxy.
    await page.getByRole('button', { name: 'Edit position' }).click();
    await page.locator('[id="field-outcomes.0.targetValue"]').fill('600000');
    await description.fill(
      (await description.inputValue()).replace('\n\nYou bring 5+ years of industry experience.', ''),
    );
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await waitForText(page, 'No errors and no warnings');
    await page.getByRole('link', { name: /← Account Executive/ }).click();
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    await waitForText(page, 'Version 2 is published.');

    await page.getByRole('link', { name: 'What changed from version 1 to 2' }).click();
    await page.locator('del', { hasText: '$500,000' }).first().waitFor();
    await page.locator('ins', { hasText: '$600,000' }).first().waitFor();
    await visit(page, 'p07-diff');
    await page.getByRole('link', { name: /← Account Executive/ }).click();

    // The plan editor.
    await page.getByRole('button', { name: 'Edit development plan' }).click();
    await waitForText(page, 'The plan is complete');
    await visit(page, 'p08-plan');
    await page.getByLabel('Cadence').fill('');
    await page.getByRole('button', { name: 'Save plan' }).click();
    await waitForText(page, 'Coaching has no cadence');
    await page.getByLabel('Cadence').fill('Weekly one-to-one tied to live opportunities');
    await page.getByRole('button', { name: 'Save plan' }).click();
    await waitForText(page, 'The plan is complete');
    await page.getByRole('link', { name: 'Back to the position' }).click();

    // Share with a recruiter, who reads it signed out.
    await page.getByRole('button', { name: 'Create a share link' }).click();
    const shareUrl = await page.getByRole('textbox', { name: /Link created/ }).inputValue();
    const recruiter = await (await newVisitor(browser)).newPage();
    await recruiter.goto(shareUrl);
    await waitForText(recruiter, 'shared for recruiting');
    await waitForText(recruiter, 'Billings at an annualized pace of $600,000');
    await visit(recruiter, 'p09-shared');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Positions' }).click();
    await waitForText(page, 'Account Executive, Mid-Market Healthcare');
    await visit(page, 'p10-positions');
    await context.close();
  });

  it('lets an admin extend the outcome check words', async () => {
    const context = await newVisitor(browser);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Email').fill('person1@example.com'.replace('person1', await firstAdminEmail()));
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Check words' }).click();
    await visit(page, 'p11-check-words');
    await page.getByLabel('List').selectOption('experience-proxy');
    await page.getByRole('textbox', { name: 'Phrase' }).fill('Hit The Ground Running');
    await page.getByRole('button', { name: 'Add phrase' }).click();
    await waitForText(page, '“hit the ground running” added');
    await context.close();
  });

  async function firstAdminEmail(): Promise<string> {
    const [row] = (await testApp.dataSource.query(
      `SELECT u.email FROM users u JOIN user_roles r ON r."userId" = u.id WHERE r.role = 'admin' ORDER BY u.id LIMIT 1`,
    )) as { email: string }[];
    return row.email.split('@')[0];
  }
});
