import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { User } from '../../src/accounts/entities/user.entity.js';
import { hashPassword } from '../../src/accounts/password-hasher.js';
import { Application } from '../../src/candidates/entities/application.entity.js';
import { Hire } from '../../src/hires/entities/hire.entity.js';
import { addDays, today } from '../../src/hires/plan-dates.js';
import { createUser, PASSWORD } from '../support/http.js';
import { applicationInInterview } from '../support/interviews.js';
import { publishedPosition } from '../support/positions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { describeInBrowser, launch, newVisitor, serve, signInWithForm, visit, waitForText } from './support/browser.js';

jest.setTimeout(120000);

describeInBrowser('Hiring, onboarding and the development plan in a real browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let manager: User;
  let application: Application;

  beforeAll(async () => {
    testApp = await createTestApp();
    await createUser(testApp, ['admin'], { email: 'alex@acme.example', name: 'Alex Admin' });
    manager = await createUser(testApp, ['manager'], { email: 'morgan@acme.example', name: 'Morgan Reyes' });
    await createUser(testApp, ['interviewer'], { email: 'priya@acme.example', name: 'Priya Shah' });
    const positionId = await publishedPosition(testApp, manager);
    application = await applicationInInterview(testApp, manager, positionId);
    await testApp.dataSource.getRepository(Application).update(application.id, { stage: 'offer' });
    baseUrl = await serve(testApp.app);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  async function signedIn(email: string): Promise<Page> {
    const page = await (await newVisitor(browser)).newPage();
    await signInWithForm(page, baseUrl, email, PASSWORD);
    return page;
  }

  it('the manager hires; the new hire ticks off a task, meets a connection, logs learning; the manager records a check-in', async () => {
    const morgan = await signedIn('morgan@acme.example');
    await morgan.goto(`${baseUrl}/applications/${application.id}`);
    await morgan.getByRole('button', { name: 'Record the offer' }).click();
    await waitForText(morgan, 'Record the offer');
    await visit(morgan, 'h01-offer');
    await morgan.getByLabel('Terms').fill('USD 90,000 base, 40% variable at target.');
    await morgan.getByLabel('First-year salary (optional)').fill('90,000');
    await morgan.getByRole('button', { name: 'Record the offer' }).click();
    await waitForText(morgan, 'Offer recorded.');
    await waitForText(morgan, 'first-year salary $90,000');
    await morgan.getByLabel('Start date').fill(addDays(today(), -3));
    await morgan.getByLabel('Buddy (optional)').selectOption({ label: 'Priya Shah' });
    await morgan.getByRole('button', { name: /^Accepted: hire/ }).click();
    await waitForText(morgan, 'is hired.');
    await visit(morgan, 'h02-onboarding-manager');
    const hire = await testApp.dataSource.getRepository(Hire).findOneByOrFail({ applicationId: application.id });

    // The new hire signs in (their invitation is tested elsewhere).
    await testApp.dataSource.query(
      `UPDATE users SET "passwordHash" = '${await hashPassword(PASSWORD)}' WHERE id = ${hire.userId}`,
    );
    const nina = await signedIn(application.candidate.email);
    await waitForText(nina, 'My onboarding — week 1');
    await visit(nina, 'h03-new-hire-home');
    await nina.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My onboarding' }).click();
    await waitForText(nina, 'The whole plan');
    await visit(nina, 'h04-my-onboarding');
    const before = await nina.locator('#progress-text').innerText();
    await nina
      .locator('#tasks')
      .getByRole('button', { name: /^Mark done\s*:\s*Set up email, CRM and calendar$/ })
      .click();
    await waitForText(nina, 'Done: Set up email, CRM and calendar.');
    const after = await nina.locator('#progress-text').innerText();
    expect(Number(/^(\d+) of/.exec(after)![1])).toBe(Number(/^(\d+) of/.exec(before)![1]) + 1);

    // A connection: added, then met with a note on what she learned.
    await nina.getByText('Add someone to the map').click();
    await nina.getByLabel('Or their name').fill('Dana Whitfield');
    await nina.getByLabel('Their role (optional)').fill('Head of customer support');
    await nina.getByLabel('Meet by week').fill('2');
    await nina.getByLabel('Why meet them').fill('Hears what customers complain about first.');
    await nina.getByRole('button', { name: 'Add to the map' }).click();
    await waitForText(nina, 'Added to the connections map.');
    const card = nina.locator('article', { hasText: 'Dana Whitfield' });
    await card.getByLabel('Status').selectOption('met');
    await card.getByLabel('What you learned').fill('Ask about wait times before anything else.');
    await card.getByRole('button', { name: 'Save Dana Whitfield' }).click();
    await waitForText(nina, 'Marked as met, with what you learned.');
    await nina.getByText('Ask about wait times before anything else.').first().waitFor();

    // A week of learning.
    await nina.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My plan' }).click();
    await waitForText(nina, 'Learning log');
    await nina.getByLabel('Time spent (minutes)').fill('120');
    await nina.getByLabel('What you learned').fill('The patient intake module, end to end.');
    await nina.getByRole('button', { name: 'Log this week’s learning' }).click();
    await waitForText(nina, 'Learning logged.');
    await nina.getByText('1 week in a row').waitFor();
    await visit(nina, 'h05-my-plan');

    // The manager records the first check-in.
    await morgan.goto(`${baseUrl}/hires/${hire.id}/plan`);
    await morgan.getByRole('textbox', { name: 'Billings at an annualized pace' }).fill('5000');
    await morgan.getByRole('textbox', { name: 'Discovery meetings with economic buyers, a total' }).fill('2');
    await morgan.getByLabel('Coaching notes').fill('A good first week; book discovery meetings early.');
    await morgan.getByRole('button', { name: 'Record the check-in' }).click();
    await waitForText(morgan, 'Check-in recorded.');
    await morgan.locator('table.goal-table').first().getByRole('row').nth(1).waitFor();
    await visit(morgan, 'h06-plan-manager');

    await morgan.goto(`${baseUrl}/hires`);
    await visit(morgan, 'h07-hires');
    const alex = await signedIn('alex@acme.example');
    await alex.goto(`${baseUrl}/admin/onboarding-template`);
    await waitForText(alex, 'Standard onboarding');
    await visit(alex, 'h08-template');
  });
});
