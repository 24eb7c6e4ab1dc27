import { jest } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { Candidate } from '../../src/candidates/entities/candidate.entity.js';
import { PortalLink } from '../../src/vetting/entities/portal-link.entity.js';
import { createUser, PASSWORD } from '../support/http.js';
import { history } from '../support/insights-data.js';
import { publishedPosition } from '../support/positions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { describeInBrowser, expectAccessible, launch, newVisitor, serve, signInWithForm } from './support/browser.js';

jest.setTimeout(120000);

const SHOTS = process.env.SCREENSHOTS ?? '/tmp/data-requests';

/** A screenshot at desktop and phone width, each checked with axe; the page must not scroll sideways on a phone. */
async function lookAt(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage: true });
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: true });
  await expectAccessible(page);
  for (const width of [390, 360]) {
    await page.setViewportSize({ width, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect({ name, width, overflow }).toEqual({ name, width, overflow: 0 });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describeInBrowser('Erasure requests in a real browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let baseUrl: string;
  const token = 'browser-erasure-token-0123456789abcdef';
  let candidateId: number;

  beforeAll(async () => {
    testApp = await createTestApp();
    await createUser(testApp, ['admin'], { email: 'alex@acme.example', name: 'Alex Admin' });
    const manager = await createUser(testApp, ['manager'], { email: 'morgan@acme.example', name: 'Morgan Reyes' });
    const positionId = await publishedPosition(testApp, manager);
    const application = await history(testApp.dataSource, {
      positionId,
      source: 'careers-page',
      applied: 0,
      moves: [['applied', 'vetting', 2]],
      byId: manager.id,
    });
    candidateId = application.candidateId;
    await testApp.dataSource
      .getRepository(Candidate)
      .update(candidateId, { name: 'Hana Sato', email: 'hana.sato@example.com', phone: '+1 555 0199' });
    await testApp.dataSource
      .getRepository(PortalLink)
      .insert({ applicationId: application.id, token, expiresAt: new Date(Date.now() + 30 * 86_400_000) });
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

  it('takes the request in the portal, after a confirmation step', async () => {
    const admin = await signedIn('alex@acme.example');
    await admin.goto(`${baseUrl}/admin/data-requests`);
    await admin.getByRole('heading', { name: 'No requests waiting' }).waitFor();
    await lookAt(admin, 'queue-empty');

    const candidate = await (await newVisitor(browser)).newPage();
    await candidate.goto(`${baseUrl}/portal/${token}`);
    await candidate.getByRole('link', { name: 'Your data', exact: true }).click();
    await candidate.waitForURL(`${baseUrl}/portal/${token}/data`);
    await candidate.getByText('hana.sato@example.com').first().waitFor();
    await expect(candidate.getByRole('link', { name: 'Download your data (ZIP)' }).getAttribute('href')).resolves.toBe(
      `/portal/${token}/data.zip`,
    );
    await lookAt(candidate, 'portal-data');
    await candidate.getByRole('button', { name: 'Ask us to erase your data' }).click();
    await candidate.getByRole('heading', { name: 'Erase your data?' }).waitFor();
    await lookAt(candidate, 'portal-erase');
    await candidate.getByRole('button', { name: 'Yes, ask to erase my data' }).click();
    await candidate.waitForURL(`${baseUrl}/portal/${token}/data`);
    await candidate.getByText('We have your request', { exact: false }).first().waitFor();
    await lookAt(candidate, 'portal-requested');
  });

  it('lets an admin confirm it from the queue: the candidate is anonymised', async () => {
    const admin = await signedIn('alex@acme.example');
    await admin.getByRole('button', { name: 'Answer data requests' }).click();
    await admin.waitForURL(`${baseUrl}/admin/data-requests`);
    await lookAt(admin, 'queue');
    await admin.getByRole('link', { name: /Erasure #\d+/ }).click();
    await admin.getByRole('heading', { name: /Erasure request #\d+/ }).waitFor();
    await lookAt(admin, 'request');
    await admin.getByRole('button', { name: "Erase Hana Sato's data" }).click();
    await admin.waitForURL(`${baseUrl}/admin/data-requests`);
    await admin.getByText('the candidate is anonymised and told by mail').waitFor();
    await admin.getByRole('heading', { name: 'No requests waiting' }).waitFor();
    await admin.goto(`${baseUrl}/candidates/${candidateId}`);
    await admin.getByText('Anonymised', { exact: false }).first().waitFor();
    await expect(admin.getByText('Hana Sato').count()).resolves.toBe(0);
    await lookAt(admin, 'candidate-anonymised');
  });
});
