import { jest } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { CompanyService } from '../../src/company/company.service.js';
import { createUser, PASSWORD } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import {
  describeInBrowser,
  expectAccessible,
  launch,
  newVisitor,
  serve,
  signInWithForm,
  snapshot,
  waitForText,
} from './support/browser.js';

jest.setTimeout(120000);

const LOGO = fileURLToPath(new URL('../../src/demo/assets/brightline-logo.png', import.meta.url));

/** A screenshot and an accessibility check at desktop width, then at a phone's (390×844). */
async function atBothWidths(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await snapshot(page, `${name}-1280`);
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await snapshot(page, `${name}-390`);
  await expectAccessible(page);
  const overflow = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      .map((element) => element.tagName.toLowerCase()),
  );
  expect({ page: name, overflow }).toEqual({ page: name, overflow: [] });
  await page.setViewportSize({ width: 1280, height: 900 });
}

describeInBrowser("The company's logo, in a real browser", () => {
  let testApp: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    await createUser(testApp, ['admin'], { email: 'ada@acme.example', name: 'Ada Admin' });
    await testApp.app
      .get(CompanyService)
      .saveProfile({ companyName: 'Brightline Health Software', introduction: null });
    baseUrl = await serve(testApp.app);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('lets an admin upload a logo and see it on the careers site, with the company name as its text', async () => {
    const page = await (await newVisitor(browser)).newPage();
    await signInWithForm(page, baseUrl, 'ada@acme.example', PASSWORD);
    await page.goto(`${baseUrl}/admin/settings`);
    await page.getByRole('link', { name: 'Company and careers site' }).click();
    await page.getByRole('link', { name: 'Logo' }).first().click();
    await waitForText(page, 'No logo yet');
    await atBothWidths(page, 'brand-logo-empty');

    await page.getByLabel('Upload a logo').setInputFiles(LOGO);
    await page.getByRole('button', { name: 'Save the logo' }).click();
    await waitForText(page, 'The logo is saved.');
    const preview = page.getByRole('img', { name: 'Brightline Health Software' });
    await preview.waitFor({ state: 'visible' });
    expect(await preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await atBothWidths(page, 'brand-logo-settings');

    const visitor = await (await newVisitor(browser)).newPage();
    await visitor.goto(`${baseUrl}/careers`);
    const logo = visitor.getByRole('banner').getByRole('img', { name: 'Brightline Health Software' });
    await logo.waitFor({ state: 'visible' });
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(600);
    const box = await logo.boundingBox();
    expect(box!.height).toBeGreaterThan(30);
    expect(box!.height).toBeLessThan(60);
    await expect(visitor.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Careers at Brightline Health Software',
    );
    const keeper = (await visitor.locator('body').innerText()).replace(/powered by Keeper/gi, '');
    expect(keeper).not.toMatch(/keeper/i);
    await atBothWidths(visitor, 'brand-careers');

    await page.getByRole('button', { name: 'Remove the logo' }).click();
    await waitForText(page, 'Remove the logo?');
    await atBothWidths(page, 'brand-logo-remove');
    await page.getByRole('button', { name: 'Remove the logo' }).click();
    await waitForText(page, 'The logo is removed.');
    await visitor.reload();
    await expect(
      visitor.getByRole('banner').getByRole('link', { name: 'Brightline Health Software' }).count(),
    ).resolves.toBe(1);
    await expect(visitor.getByRole('banner').getByRole('img').count()).resolves.toBe(0);
  });
});
