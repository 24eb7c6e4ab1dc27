import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { PASSWORD } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { describeInBrowser, launch, newVisitor, serve, visit, waitForText } from './support/browser.js';

jest.setTimeout(60000);

describeInBrowser('Accounts in a real browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    baseUrl = await serve(testApp.app);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  async function signOut(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);
  }

  it('sets up Keeper, invites a hiring manager who joins by the mailed link, and signs in through the form', async () => {
    const adminContext = await newVisitor(browser);
    const admin = await adminContext.newPage();

    // First run: every address leads to setup.
    await admin.goto(baseUrl);
    await admin.waitForURL(/\/setup$/);
    await visit(admin, '01-setup');

    // Mistakes are explained at the top and beside the fields, and what was typed stays.
    await admin.getByLabel('Your name').fill('Ada Admin');
    await admin.getByLabel('Your work email').fill('ada@acme');
    await admin.getByRole('button', { name: 'Create admin account' }).click();
    await waitForText(admin, 'There are 3 problems');
    await expect(admin.getByLabel('Your name').inputValue()).resolves.toBe('Ada Admin');
    await visit(admin, '02-setup-errors');
    await admin.getByRole('link', { name: 'Enter an email address like name@company.com' }).click();
    await expect(admin.evaluate(() => document.activeElement?.id)).resolves.toBe('field-email');

    await admin.getByLabel('Your work email').fill('ada@acme.example');
    await admin.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await admin.getByLabel('Password, again').fill(PASSWORD);
    await admin.getByRole('button', { name: 'Create admin account' }).click();
    await admin.waitForURL(/\/people\/invite$/);
    await waitForText(admin, 'Welcome, Ada Admin');
    await visit(admin, '03-invite');

    await admin.getByLabel('Name', { exact: true }).fill('Max Manager');
    await admin.getByLabel('Work email').fill('max@acme.example');
    await admin.getByRole('checkbox', { name: /Hiring manager/ }).check();
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    await admin.waitForURL(/\/people\/\d+$/);
    await waitForText(admin, 'Invitation to max@acme.example is on its way.');
    await visit(admin, '04-person');

    // The confirmation step before deactivating, then back out.
    await admin.getByRole('link', { name: /Deactivate Max Manager/ }).click();
    await visit(admin, '05-deactivate-confirm');
    await admin.getByRole('button', { name: 'Cancel' }).click();

    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await admin.waitForURL(/\/people$/);
    await waitForText(admin, 'max@acme.example');
    await visit(admin, '06-people');

    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
    await visit(admin, '07-outbox');
    await admin.getByRole('link', { name: 'Ada Admin invited you to Keeper' }).click();
    await visit(admin, '08-outbox-message');
    const mail = await admin.locator('pre.mail-text').innerText();
    const invitationLink = /https?:\/\/\S+\/invitations\/\S+/.exec(mail)![0];

    await admin.getByRole('link', { name: /Ada Admin/ }).click();
    await visit(admin, '09-change-password');
    await signOut(admin);
    await visit(admin, '10-login');
    await adminContext.close();

    // The manager follows the link from the mail.
    const managerContext = await newVisitor(browser);
    const manager = await managerContext.newPage();
    await manager.goto(invitationLink.replace(/^https?:\/\/[^/]+/, baseUrl));
    await waitForText(manager, 'You are joining as max@acme.example');
    await visit(manager, '11-accept-invitation');
    await manager.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await manager.getByLabel('Password, again').fill(PASSWORD);
    await manager.getByRole('button', { name: 'Join and sign in' }).click();
    await manager.waitForURL(`${baseUrl}/`);
    await signOut(manager);

    // And signs in again through the real form.
    await manager.getByLabel('Email').fill('max@acme.example');
    await manager.getByLabel('Password').fill(PASSWORD);
    await manager.getByRole('button', { name: 'Sign in' }).click();
    await manager.waitForURL(`${baseUrl}/`);
    await waitForText(manager, 'Hello, Max');
    const nav = manager.getByRole('navigation', { name: 'Main' });
    await expect(nav.innerText()).resolves.toContain('Hiring manager');
    await expect(nav.getByRole('link', { name: 'People' }).count()).resolves.toBe(0);
    await visit(manager, '12-manager-home');

    await manager.goto(`${baseUrl}/people`);
    await waitForText(manager, 'You do not have access to this page');
    await visit(manager, '13-forbidden');
    await managerContext.close();
  });

  it('lets a person who forgot their password choose a new one', async () => {
    const context = await newVisitor(browser);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await visit(page, '14-forgot-password');
    await page.getByLabel('Email').fill('max@acme.example');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await waitForText(page, 'Check your mail');
    await visit(page, '15-forgot-password-sent');

    const [message] = await testApp.dataSource.query(
      `SELECT text FROM outbox_messages WHERE subject = 'Reset your Keeper password'`,
    );
    const path = new URL(/https?:\/\/\S+/.exec(message.text as string)![0]).pathname;
    await page.goto(`${baseUrl}${path}`);
    await visit(page, '16-reset-password');
    await page.getByLabel('New password', { exact: true }).fill('a different long password');
    await page.getByLabel('New password, again').fill('a different long password');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await waitForText(page, 'Your password has been changed');

    await page.goto(`${baseUrl}${path}`);
    await waitForText(page, 'This password reset link has already been used');
    await visit(page, '17-used-link');
    await page.goto(`${baseUrl}/no-such-page`);
    await visit(page, '18-not-found');
    await context.close();
  });
});
