import { jest } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Application } from '../../src/candidates/entities/application.entity.js';
import { Outcome } from '../../src/positions/entities/outcome.entity.js';
import { samplePdf } from '../support/files.js';
import { createUser, linkIn, outboxMessages, PASSWORD } from '../support/http.js';
import { publishedPosition } from '../support/positions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import {
  describeInBrowser,
  expectAccessible,
  launch,
  newVisitor,
  serve,
  signInWithForm,
  snapshot,
  visit,
  waitForText,
} from './support/browser.js';

jest.setTimeout(120000);

/** Checks the page, then looks at it on a phone as well (390 × 844). */
async function look(page: Page, name: string): Promise<void> {
  await visit(page, name);
  await page.setViewportSize({ width: 390, height: 844 });
  await snapshot(page, `${name}-phone`);
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describeInBrowser('Agencies and the agency portal in a real browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let positionId: number;
  let resumePath: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    await createUser(testApp, ['admin'], { email: 'ada@acme.example', name: 'Ada Brooks' });
    const manager = await createUser(testApp, ['manager'], { email: 'morgan@acme.example', name: 'Morgan Reyes' });
    positionId = await publishedPosition(testApp, manager, 'Account Executive');
    await publishedPosition(testApp, manager, 'Field Sales Lead');
    const outcomes = await testApp.dataSource
      .getRepository(Outcome)
      .find({ where: { positionId }, order: { sortOrder: 'ASC' } });
    await testApp.dataSource
      .getRepository(Outcome)
      .update(outcomes[0].id, { askOnApplication: true, answerRequired: true });
    await testApp.dataSource.getRepository(Outcome).update(outcomes[1].id, { askOnApplication: true });
    resumePath = join(mkdtempSync(join(tmpdir(), 'keeper-agency-')), 'Nora Quist CV.pdf');
    writeFileSync(resumePath, await samplePdf('Nora Quist, account executive'));
    baseUrl = await serve(testApp.app);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('lets an admin add an agency, invite a recruiter and give them a position', async () => {
    const page = await (await newVisitor(browser)).newPage();
    await signInWithForm(page, baseUrl, 'ada@acme.example', PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Agencies' }).click();
    await waitForText(page, 'No agencies yet');
    await look(page, 'a01-agencies-empty');

    await page.getByRole('button', { name: 'New agency' }).first().click();
    await page.getByLabel('Name').fill('Northbridge Talent');
    await page.getByLabel(/Fee \(%/).fill('120');
    await page.getByLabel('Guarantee (months)').fill('6');
    await page.getByRole('button', { name: 'Add agency' }).click();
    await waitForText(page, 'There is a problem');
    await expect(page.getByLabel('Name').inputValue()).resolves.toBe('Northbridge Talent');
    await look(page, 'a02-new-agency-error');

    await page.getByLabel(/Fee \(%/).fill('17.5');
    await page.getByLabel('Fee terms (optional)').fill('Due 30 days after the start date.');
    await page.getByRole('button', { name: 'Add agency' }).click();
    await waitForText(page, 'Northbridge Talent is added.');

    await page.getByLabel('Name').fill('Rita Vance');
    await page.getByLabel('Email').fill('rita@');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await waitForText(page, 'Enter an email address like name@agency.com');
    await look(page, 'a03-agency-invite-error');
    await page.getByLabel('Email').fill('rita@northbridge.example');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await waitForText(page, 'Now choose the positions they work on.');
    await page.getByLabel('Account Executive').check();
    await look(page, 'a04-recruiter');
    await page.getByRole('button', { name: 'Save positions' }).click();
    await waitForText(page, 'Rita Vance’s positions are saved.');

    await page.getByRole('link', { name: '← Northbridge Talent' }).click();
    await waitForText(page, 'rita@northbridge.example');
    await look(page, 'a05-agency');
    await page.getByRole('link', { name: 'Deactivate Northbridge Talent…' }).click();
    await waitForText(page, 'will no longer see any position');
    await look(page, 'a06-deactivate-confirm');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('link', { name: '← Agencies' }).click();
    await waitForText(page, '17.5 %');
    await look(page, 'a07-agencies');
  });

  it('lets the recruiter read the brief, submit a candidate after a mistake, and follow the submission', async () => {
    const mail = (await outboxMessages(testApp.dataSource)).find((m) => m.to === 'rita@northbridge.example')!;
    const page = await (await newVisitor(browser)).newPage();
    await page.goto(`${baseUrl}${linkIn(mail.text)}`);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Password, again').fill(PASSWORD);
    await page.getByRole('button', { name: 'Join and sign in' }).click();
    await page.waitForURL(`${baseUrl}/agency`);
    await waitForText(page, 'Account Executive');
    await look(page, 'r01-positions');

    await page.getByRole('link', { name: 'Account Executive' }).click();
    await waitForText(page, 'How the selection works');
    await look(page, 'r02-brief');

    await page.getByLabel('Candidate’s name').fill('Nora Quist');
    await page.getByLabel('Candidate’s email').fill('nora@example.com');
    await page.getByLabel('Note for the hiring team (optional)').fill('Ran a territory of 40 clinics.');
    await page.getByRole('button', { name: 'Submit the candidate' }).click();
    await waitForText(page, 'There are 2 problems');
    await expect(page.getByLabel('Candidate’s name').inputValue()).resolves.toBe('Nora Quist');
    await look(page, 'r03-submit-errors');

    const answers = page.locator('textarea[name^="answers["]');
    await answers.first().fill('I would start with the ten largest clinic groups in the region.');
    await page.getByLabel('Resume').setInputFiles(resumePath);
    await page.getByRole('button', { name: 'Submit the candidate' }).click();
    await waitForText(page, 'We have mailed the candidate a private page');
    await look(page, 'r04-submitted');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Submissions' }).click();
    await waitForText(page, 'Nora Quist');
    await expect(page.getByRole('cell', { name: 'Active' }).count()).resolves.toBe(1);
    await look(page, 'r05-submissions');

    // The hiring team sees who put the candidate forward, with the note.
    const application = await testApp.dataSource
      .getRepository(Application)
      .findOneOrFail({ where: { candidate: { email: 'nora@example.com' } }, relations: { candidate: true } });
    const staff = await (await newVisitor(browser)).newPage();
    await signInWithForm(staff, baseUrl, 'morgan@acme.example', PASSWORD);
    await staff.goto(`${baseUrl}/applications/${application.id}`);
    await waitForText(staff, 'Ran a territory of 40 clinics.');
    await expect(staff.getByText('Submitted by Northbridge Talent — Rita Vance').count()).resolves.toBe(1);
    await look(staff, 'm01-application-agency');
  });
});
