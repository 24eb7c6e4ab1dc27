import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { CompanyService } from '../../src/company/company.service.js';
import { OutboxMessage } from '../../src/mail/entities/outbox-message.entity.js';
import { createUser, csrfTokenIn, linkIn, PASSWORD, signIn } from '../support/http.js';
import { publishedPosition } from '../support/positions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { describeInBrowser, launch, newVisitor, serve, signInWithForm, visit, waitForText } from './support/browser.js';

jest.setTimeout(120000);

describeInBrowser('A humane rejection in a real browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let applicationId: number;
  let portal: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    await testApp.app.get(CompanyService).saveProfile({ companyName: 'Acme Clinics', introduction: null });
    await createUser(testApp, ['admin']);
    const manager = await createUser(testApp, ['manager'], { email: 'morgan@acme.example', name: 'Morgan Reyes' });
    const positionId = await publishedPosition(testApp, manager, 'Account Executive');
    const agent = await signIn(testApp, 'morgan@acme.example');
    const form = await agent.get(`/candidates/new?position=${positionId}`).expect(200);
    const created = await agent
      .post('/candidates')
      .field('_csrf', csrfTokenIn(form.text))
      .field('positionId', String(positionId))
      .field('name', 'Lena Ortiz')
      .field('email', 'lena@example.com')
      .field('source', 'referral')
      .expect(303);
    applicationId = Number(created.headers.location.split('/').pop());
    const page = await agent.get(`/applications/${applicationId}`).expect(200);
    await agent
      .post(`/applications/${applicationId}/portal`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text) })
      .expect(303);
    await agent
      .post(`/applications/${applicationId}/move`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), to: 'vetting' })
      .expect(303);
    const link = await testApp.dataSource
      .getRepository(OutboxMessage)
      .findOneByOrFail({ to: 'lena@example.com', templateKey: 'portal-link' });
    portal = linkIn(link.text);
    baseUrl = await serve(testApp.app);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  async function atPhoneWidth(page: Page, name: string): Promise<void> {
    await page.setViewportSize({ width: 390, height: 844 });
    await visit(page, name);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  it('a manager rejects through the step, undoes it, rejects again now; the candidate sees the closing page', async () => {
    const context = await newVisitor(browser);
    const page = await context.newPage();
    await signInWithForm(page, baseUrl, 'morgan@acme.example', PASSWORD);
    await page.goto(`${baseUrl}/applications/${applicationId}`);
    await page.getByRole('button', { name: 'Reject…' }).click();
    await waitForText(page, 'Reject Lena Ortiz');
    await expect(page.getByLabel('Reason', { exact: true }).inputValue()).resolves.toBe('');
    await expect(page.getByLabel('Message', { exact: true }).inputValue()).resolves.toContain('Hello Lena,');
    await visit(page, 'r01-reject-step');
    await atPhoneWidth(page, 'r01-reject-step-phone');

    // Without a reason the form comes back with the message as edited.
    await page.getByLabel('Subject').fill('About your application, Lena');
    await page.getByRole('button', { name: 'Reject Lena Ortiz' }).click();
    await waitForText(page, 'There is a problem');
    await expect(page.getByLabel('Subject').inputValue()).resolves.toBe('About your application, Lena');
    await page.getByLabel('Reason', { exact: true }).selectOption({ label: 'Did not pass vetting' });
    await page.getByLabel(/After 2 days/).check();
    await page.getByRole('button', { name: 'Reject Lena Ortiz' }).click();
    await waitForText(page, 'Rejected — message goes on');
    await visit(page, 'r02-rejected-undoable');

    await page.getByRole('button', { name: 'Undo' }).click();
    await waitForText(page, 'Rejection undone');
    await waitForText(page, 'Morgan Reyes undid the rejection');
    await waitForText(page, 'Cancelled (not sent)');
    await visit(page, 'r03-undone');

    await page.getByRole('button', { name: 'Reject…' }).click();
    await page.getByLabel('Reason', { exact: true }).selectOption({ label: 'Position filled or closed' });
    await page.getByRole('radio', { name: /Now \(after/ }).check();
    await page.getByRole('button', { name: 'Reject Lena Ortiz' }).click();
    await waitForText(page, 'The application is rejected.');
    await visit(page, 'r04-rejected-now');
    await context.close();

    const candidate = await (await newVisitor(browser)).newPage();
    await candidate.goto(`${baseUrl}${portal}`);
    await waitForText(candidate, 'Thank you for your time, Lena');
    await expect(candidate.locator('a[href="/login"], a[href="/"]').count()).resolves.toBe(0);
    await expect(candidate.getByText('Acme Clinics').count()).resolves.toBeGreaterThan(0);
    await visit(candidate, 'r05-portal-closing');
    await atPhoneWidth(candidate, 'r05-portal-closing-phone');
  });
});
