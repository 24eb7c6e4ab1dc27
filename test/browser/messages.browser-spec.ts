import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { CandidatesService } from '../../src/candidates/candidates.service.js';
import { CandidateDto } from '../../src/candidates/dto/candidate.dto.js';
import { PipelineService } from '../../src/candidates/pipeline.service.js';
import { OutboxMessage } from '../../src/mail/entities/outbox-message.entity.js';
import { PortalService } from '../../src/vetting/portal.service.js';
import { createUser, PASSWORD } from '../support/http.js';
import { publishedPosition } from '../support/positions.js';
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

describeInBrowser('Messages to candidates in a real browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let applicationId: number;
  let adminEmail: string;
  let managerEmail: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    adminEmail = (await createUser(testApp, ['admin'])).email;
    const manager = await createUser(testApp, ['manager']);
    managerEmail = manager.email;
    const positionId = await publishedPosition(testApp, manager);
    const { application } = await testApp.app.get(CandidatesService).create(
      manager,
      Object.assign(new CandidateDto(), {
        name: 'Rosa Quinn',
        email: 'rosa@example.com',
        source: 'referral',
        phone: null,
        notes: null,
        positionId,
      }),
      null,
    );
    applicationId = application!.id;
    await testApp.app
      .get(PortalService)
      .issue(manager, await testApp.app.get(PipelineService).findOrFail(applicationId));
    baseUrl = await serve(testApp.app);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  async function both(page: Page, name: string) {
    await visit(page, name);
    await page.setViewportSize({ width: 390, height: 844 });
    await snapshot(page, `${name}-phone`);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  it('an admin edits a template: an unknown placeholder is refused, then fixed and previewed', async () => {
    const context = await newVisitor(browser);
    const page = await context.newPage();
    await signInWithForm(page, baseUrl, adminEmail, PASSWORD);
    await page.goto(`${baseUrl}/admin/settings`);
    await page.getByRole('link', { name: 'Messages' }).click();
    await waitForText(page, 'What candidates receive from your company');
    await both(page, 'messages-index');

    await page.getByRole('link', { name: 'Portal link' }).click();
    await page.getByLabel('Message').fill('Hello {{candidateFirstName}}, your rating: {{rating}}.\n\n{{portalLink}}');
    await page.getByRole('button', { name: 'Save' }).click();
    await waitForText(page, 'There is a problem');
    await page.getByRole('link', { name: /Unknown placeholder \{\{rating\}\}/ }).click();
    expect(await page.getByLabel('Message').inputValue()).toContain('{{rating}}');
    await both(page, 'messages-edit-refused');

    await page
      .getByLabel('Message')
      .fill('Hello {{candidateFirstName}},\n\nYour next steps at {{companyName}}:\n{{portalLink}}');
    await page.getByRole('button', { name: 'Preview' }).click();
    await waitForText(page, 'Preview: as Hana Sato');
    const frame = page.frameLocator('iframe.mail-html');
    await frame.getByText('Hello Hana,').waitFor();
    expect(await frame.getByRole('link').getAttribute('href')).toBe(
      'https://keeper.example.com/portal/example-private-link',
    );
    await both(page, 'messages-preview');
    await page.getByRole('button', { name: 'Save' }).click();
    await waitForText(page, 'Saved. The next message of this kind is sent with this text.');
    await context.close();
  });

  it('a manager sees the log and writes to the candidate', async () => {
    const context = await newVisitor(browser);
    const page = await context.newPage();
    await signInWithForm(page, baseUrl, managerEmail, PASSWORD);
    await page.goto(`${baseUrl}/applications/${applicationId}`);
    const log = page.locator('#messages');
    await log.getByText('Your next steps for').waitFor();
    await log.getByRole('cell', { name: 'Portal link' }).waitFor();
    await page.locator('#messages').scrollIntoViewIfNeeded();
    await both(page, 'messages-log');

    await page.getByLabel('Start from').selectOption({ label: 'Rejection before vetting' });
    await page.getByRole('button', { name: 'Write to the candidate' }).click();
    await waitForText(page, 'Write to Rosa Quinn');
    expect(await page.getByLabel('Message').inputValue()).toContain('Hello Rosa,');
    await page.getByLabel('Subject').fill('A question about your availability');
    await page.getByLabel('Message').fill('Hello Rosa,\n\nCould you tell us when you are free next week?');
    await both(page, 'messages-write');
    await page.getByRole('button', { name: 'Send the message' }).click();
    await waitForText(page, 'Your message to Rosa Quinn is on its way.');
    await page.locator('#messages').getByText('A question about your availability').waitFor();
    await page
      .locator('#messages')
      .getByText(/Written by/)
      .waitFor();
    const rows = await testApp.dataSource.getRepository(OutboxMessage).findBy({ applicationId });
    expect(rows.filter((row) => row.authorId !== null)).toHaveLength(1);
    await context.close();
  });
});
