import { jest } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import type { User } from '../../src/accounts/entities/user.entity.js';
import { Candidate } from '../../src/candidates/entities/candidate.entity.js';
import { PipelineService } from '../../src/candidates/pipeline.service.js';
import { CompanyService } from '../../src/company/company.service.js';
import { PortalService } from '../../src/vetting/portal.service.js';
import { listedPosition } from '../support/careers.js';
import { createUser, PASSWORD } from '../support/http.js';
import { applicationInInterview } from '../support/interviews.js';
import { publishKit } from '../support/positions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { describeInBrowser, expectAccessible, launch, serve, signInWithForm } from './support/browser.js';

jest.setTimeout(90000);

const SHOTS = '/tmp/tz';

/** axe, then the page at desktop and phone width, the element in view (the screenshots are for looking at). */
async function look(page: Page, name: string, selector: string): Promise<void> {
  await expectAccessible(page);
  mkdirSync(SHOTS, { recursive: true });
  for (const [width, height, suffix] of [
    [1280, 900, 'desktop'],
    [390, 844, 'phone'],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.locator(selector).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/${name}-${suffix}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describeInBrowser('Time zones in a real browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let manager: User;
  let position: { id: number; path: string };

  beforeAll(async () => {
    testApp = await createTestApp();
    const admin = await createUser(testApp, ['admin']);
    manager = await createUser(testApp, ['manager'], { timeZone: 'America/New_York' });
    const company = testApp.app.get(CompanyService);
    await company.saveProfile({ companyName: 'Northwind Health', introduction: null, timeZone: 'Europe/London' });
    await company.publishNotice('We use your application only to consider you for positions.', 12, admin.id);
    position = await listedPosition(testApp, manager, 'Account Executive, Zones');
    await publishKit(testApp, manager, position.id);
    baseUrl = await serve(testApp.app);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('pre-fills the careers form’s zone from the browser, and keeps the company’s without JavaScript', async () => {
    const tokyo = await browser.newContext({ bypassCSP: true, timezoneId: 'Asia/Tokyo' });
    const page = await tokyo.newPage();
    await page.goto(`${baseUrl}${position.path}`);
    const zone = page.getByLabel('Your time zone');
    await expect(zone.inputValue()).resolves.toBe('Asia/Tokyo');
    await look(page, 'careers-form', '#field-timeZone');
    await tokyo.close();

    const plain = await browser.newContext({ javaScriptEnabled: false, timezoneId: 'Asia/Tokyo' });
    const noScript = await plain.newPage();
    await noScript.goto(`${baseUrl}${position.path}`);
    await expect(noScript.getByLabel('Your time zone').inputValue()).resolves.toBe('Europe/London');
    await plain.close();
  });

  it('shows the candidate’s local time beside the scheduler’s, and follows the form as it changes', async () => {
    const application = await applicationInInterview(testApp, manager, position.id);
    await testApp.dataSource.getRepository(Candidate).update(application.candidateId, { timeZone: 'Asia/Tokyo' });
    const context = await browser.newContext({ bypassCSP: true, timezoneId: 'Europe/Berlin' });
    const page = await context.newPage();
    await signInWithForm(page, baseUrl, manager.email, PASSWORD);
    await page.goto(`${baseUrl}/applications/${application.id}/interviews/new`);

    // The form starts in the manager's own zone, tomorrow at 10:00; the server wrote the candidate's time.
    await expect(page.getByLabel('Time zone', { exact: true }).inputValue()).resolves.toBe('America/New_York');
    const date = await page.getByLabel('Date', { exact: true }).inputValue();
    const inTokyo = (day: string, time: string, zone: string) =>
      DateTime.fromISO(`${day}T${time}`, { zone }).setZone('Asia/Tokyo').toFormat('ccc d LLL yyyy, HH:mm');
    const local = page.locator('#candidate-local-time');
    await expect(local.textContent()).resolves.toContain('For the candidate (Asia/Tokyo)');
    await expect(local.textContent()).resolves.toContain(`${inTokyo(date, '10:00', 'America/New_York')} GMT+9`);

    await page.getByLabel('Start time').fill('16:45');
    await expect(local.textContent()).resolves.toContain(`${inTokyo(date, '16:45', 'America/New_York')} GMT+9`);
    await page.getByLabel('Time zone', { exact: true }).selectOption('Europe/Berlin');
    await expect(local.textContent()).resolves.toContain(`${inTokyo(date, '16:45', 'Europe/Berlin')} GMT+9`);
    await look(page, 'schedule-form', '#candidate-local-time');
    await context.close();
  });

  it('lets a person choose their zone in their account, and a candidate in their portal (axe clean)', async () => {
    const context = await browser.newContext({ bypassCSP: true, timezoneId: 'America/Chicago' });
    const page = await context.newPage();
    await signInWithForm(page, baseUrl, manager.email, PASSWORD);
    await page.getByRole('link', { name: /Hiring manager/ }).click();
    await page.waitForURL(`${baseUrl}/account`);
    await expect(page.getByLabel('Your time zone').inputValue()).resolves.toBe('America/New_York');
    await page.getByLabel('Your time zone').selectOption('');
    await page.getByRole('button', { name: 'Save time zone' }).click();
    await page.getByText('Time zone saved').waitFor();
    await expect(page.getByLabel('Your time zone').inputValue()).resolves.toBe('');
    await expect(page.locator('#field-timeZone option:checked').textContent()).resolves.toBe(
      'Company’s zone (Europe/London)',
    );
    await look(page, 'account', '#field-timeZone');

    const application = await applicationInInterview(testApp, manager, position.id);
    const { link } = await testApp.app
      .get(PortalService)
      .issue(manager, await testApp.app.get(PipelineService).findOrFail(application.id));
    const candidate = await context.newPage();
    await candidate.goto(`${baseUrl}/portal/${link.token}`);
    // The browser's zone is offered until the candidate saves one.
    await expect(candidate.getByLabel('Time zone', { exact: true }).inputValue()).resolves.toBe('America/Chicago');
    await candidate.getByRole('button', { name: 'Save time zone' }).click();
    await candidate.getByText('we give your dates and times in this zone').waitFor();
    await look(candidate, 'portal', '#time-zone');
    const stored = await testApp.dataSource.getRepository(Candidate).findOneByOrFail({ id: application.candidateId });
    expect(stored.timeZone).toBe('America/Chicago');
    await context.close();
  });
});
