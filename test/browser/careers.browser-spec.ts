import { jest } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { User } from '../../src/accounts/entities/user.entity.js';
import { Application } from '../../src/candidates/entities/application.entity.js';
import { CompanyService } from '../../src/company/company.service.js';
import { listedPosition, outcomesOf } from '../support/careers.js';
import { samplePdf } from '../support/files.js';
import { createUser, outboxMessages, PASSWORD } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import {
  describeInBrowser,
  launch,
  newVisitor,
  serve,
  signInWithForm,
  snapshot,
  visit,
  waitForText,
} from './support/browser.js';

jest.setTimeout(90000);

/** The page as a reviewer sees it: axe, and screenshots at desktop and phone width (when SCREENSHOTS is set). */
async function look(page: Page, name: string): Promise<void> {
  await visit(page, name);
  await page.setViewportSize({ width: 390, height: 844 });
  await snapshot(page, `${name}-phone`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describeInBrowser('The careers site in a real browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let manager: User;
  let position: { id: number; path: string };
  let resumePath: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    const admin = await createUser(testApp, ['admin']);
    manager = await createUser(testApp, ['manager']);
    const company = testApp.app.get(CompanyService);
    await company.saveProfile({
      companyName: 'Northwind Health',
      introduction:
        'We build software that shortens patient intake for clinics. Forty people in Boston and around the country, growing carefully.',
    });
    await company.publishNotice(
      'We use your application only to consider you for positions at Northwind Health.',
      18,
      admin.id,
    );
    position = await listedPosition(testApp, manager, 'Account Executive, Mid-Market Healthcare', {
      compensationMin: 95000,
      compensationMax: 120000,
      compensationCurrency: 'USD',
    });
    await listedPosition(testApp, manager, 'Solutions Engineer', { location: null, workplace: 'remote' });
    resumePath = join(mkdtempSync(join(tmpdir(), 'keeper-resume-')), 'Rosa Quinn resume.pdf');
    writeFileSync(resumePath, await samplePdf('Rosa Quinn — account executive'));
    baseUrl = await serve(testApp.app);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('a visitor reads the position, fixes a missing answer, applies, opens the portal from the mail; the manager sees it', async () => {
    const [required, optional] = await outcomesOf(testApp, position.id);
    const context = await newVisitor(browser);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/careers`);
    await waitForText(page, 'Careers at Northwind Health');
    await look(page, 'k01-careers');

    await page.getByRole('link', { name: 'Account Executive, Mid-Market Healthcare' }).click();
    await page.waitForURL(`${baseUrl}${position.path}`);
    await waitForText(page, 'What you would achieve');
    await look(page, 'k02-position');

    // The first try leaves the required answer empty.
    await page.getByLabel('Your name').fill('Rosa Quinn');
    await page.getByLabel('Email').fill('rosa.quinn@example.com');
    await page.getByLabel('Where you live (optional)').fill('Cambridge, MA');
    await page
      .locator(`#field-answer_${optional.id}`)
      .fill('I would build the pipeline from forty discovery meetings.');
    await page.getByRole('checkbox', { name: /I have read the outcomes/ }).check();
    await page.getByRole('checkbox', { name: /privacy notice/ }).check();
    await page.getByLabel('Your resume').setInputFiles(resumePath);
    await page.getByRole('button', { name: 'Send application' }).click();
    await waitForText(page, 'There is a problem');
    await look(page, 'k03-form-errors');
    await expect(page.getByLabel('Your name').inputValue()).resolves.toBe('Rosa Quinn');
    await expect(page.locator(`#field-answer_${optional.id}`).inputValue()).resolves.toBe(
      'I would build the pipeline from forty discovery meetings.',
    );
    await expect(page.getByRole('checkbox', { name: /I have read the outcomes/ }).isChecked()).resolves.toBe(true);
    await expect(page.locator(`#error-answer_${required.id}`).textContent()).resolves.toBe(
      'Write a short answer to this outcome',
    );

    await page
      .locator(`#field-answer_${required.id}`)
      .fill('Map the forty clinic groups, meet their operations directors.');
    await page.getByLabel('Your resume').setInputFiles(resumePath);
    await page.getByRole('button', { name: 'Send application' }).click();
    await waitForText(page, 'Thank you for applying');
    expect(page.url().split('#')[0]).toBe(`${baseUrl}${position.path}/thank-you`);
    await look(page, 'k04-thank-you');

    const mail = (await outboxMessages(testApp.dataSource)).find((message) => message.to === 'rosa.quinn@example.com');
    const link = /https?:\/\/\S+/.exec(mail!.text)![0];
    await page.goto(`${baseUrl}${new URL(link).pathname}`);
    await waitForText(page, 'Hello Rosa Quinn');
    await visit(page, 'k05-portal');
    await context.close();

    const application = await testApp.dataSource
      .getRepository(Application)
      .findOneByOrFail({ positionId: position.id });
    const staff = await (await newVisitor(browser)).newPage();
    await signInWithForm(staff, baseUrl, manager.email, PASSWORD);
    await staff.goto(`${baseUrl}/positions/${position.id}/applications`);
    await waitForText(staff, 'Rosa Quinn');
    await visit(staff, 'k06-manager-applications');
    await staff.goto(`${baseUrl}/applications/${application.id}`);
    await waitForText(staff, 'Applied on the careers site to version 1');
    await visit(staff, 'k07-manager-application');
  });
});
