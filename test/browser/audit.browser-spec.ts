import { jest } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { User } from '../../src/accounts/entities/user.entity.js';
import type { Application } from '../../src/candidates/entities/application.entity.js';
import { createUser, PASSWORD } from '../support/http.js';
import { applicationInInterview } from '../support/interviews.js';
import { publishedPosition } from '../support/positions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { describeInBrowser, expectAccessible, launch, newVisitor, serve, signInWithForm } from './support/browser.js';

jest.setTimeout(120000);

const SHOTS = process.env.SCREENSHOTS ?? '/tmp/audit';

/** A screenshot at desktop and phone width, each checked with axe; the page must not scroll sideways on a phone. */
async function lookAt(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage: true });
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: true });
  await expectAccessible(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect({ name, overflow }).toEqual({ name, overflow: 0 });
  await page.setViewportSize({ width: 1280, height: 900 });
}

describeInBrowser('The audit trail in a real browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let admin: User;
  let application: Application;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await createUser(testApp, ['admin'], { email: 'alex@acme.example', name: 'Alex Admin' });
    const manager = await createUser(testApp, ['manager'], { email: 'morgan@acme.example', name: 'Morgan Reyes' });
    const positionId = await publishedPosition(testApp, manager);
    application = await applicationInInterview(testApp, manager, positionId);
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

  it("shows what the admin changed in the application's History, and finds it on the audit page by person", async () => {
    const alex = await signedIn('alex@acme.example');
    await alex.goto(`${baseUrl}/candidates/${application.candidateId}/edit`);
    await alex.getByLabel('Email').fill('new.address@northwind.example');
    await alex.getByRole('button', { name: /Save/ }).click();
    await alex.waitForURL(`${baseUrl}/candidates/${application.candidateId}`);
    await alex.goto(`${baseUrl}/candidates/${application.candidateId}/resume`).catch(() => undefined);

    await alex.goto(`${baseUrl}/applications/${application.id}`);
    const history = alex.locator('section#history');
    await history.getByText('Changed candidate').first().waitFor();
    await expect(history.getByRole('cell', { name: 'Alex Admin' }).count()).resolves.toBeGreaterThan(0);
    await expect(history.getByText(/Email: c\*\*\*@e\*\*\*\.net → n\*\*\*@n\*\*\*\.example/).count()).resolves.toBe(1);
    await history.scrollIntoViewIfNeeded();
    await lookAt(alex, 'application-history');

    await alex.getByRole('link', { name: 'Audit', exact: true }).first().click();
    await alex.waitForURL(`${baseUrl}/admin/audit`);
    await alex.getByLabel('Person').selectOption({ label: 'Alex Admin' });
    await alex.getByLabel('Object', { exact: true }).selectOption({ label: 'Candidate' });
    await alex.getByRole('button', { name: 'Show' }).click();
    await alex.waitForURL(/actor=/);
    const rows = alex.locator('table.audit-table tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toContain('Changed candidate');
    await lookAt(alex, 'admin-audit');

    await alex.getByLabel('From').fill('2020-01-01');
    await alex.getByLabel('Until').fill('2020-01-31');
    await alex.getByRole('button', { name: 'Show' }).click();
    await alex.getByText('Nothing recorded matches these filters').waitFor();
    await lookAt(alex, 'admin-audit-empty');
    void admin;
  });
});
