import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { Application } from '../../src/candidates/entities/application.entity.js';
import { CheckIn, HireGoal } from '../../src/hires/entities/development.entity.js';
import { HiresService } from '../../src/hires/hires.service.js';
import { CheckInsService } from '../../src/hires/check-ins.service.js';
import { CheckInDto } from '../../src/hires/dto/hires.dto.js';
import { addDays, today } from '../../src/hires/plan-dates.js';
import { Position } from '../../src/positions/entities/position.entity.js';
import { createUser, PASSWORD } from '../support/http.js';
import { applicationInInterview } from '../support/interviews.js';
import { publishedPosition } from '../support/positions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { describeInBrowser, launch, newVisitor, serve, signInWithForm, visit, waitForText } from './support/browser.js';

jest.setTimeout(120000);

/** Issue 16: closing a position through its confirmation step, and correcting a check-in, in a real browser. */
describeInBrowser('Confirm, undo, correct in a real browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let positionId: number;
  let hireId: number;
  let checkInId: number;
  let open: Application;

  beforeAll(async () => {
    testApp = await createTestApp();
    await createUser(testApp, ['admin']);
    const manager = await createUser(testApp, ['manager'], { email: 'morgan@acme.example', name: 'Morgan Reyes' });
    // One position hires Omar; another, Account Executive, still has Lena's open application when it closes.
    const hiring = await publishedPosition(testApp, manager, 'Solutions Engineer');
    const hired = await applicationInInterview(testApp, manager, hiring);
    await testApp.dataSource.getRepository(Application).update(hired.id, { stage: 'offer' });
    const hires = testApp.app.get(HiresService);
    const offer = await hires.recordOffer(manager, hired.id, { offeredOn: addDays(today(), -50), terms: 'Standard.' });
    const start = addDays(today(), -40);
    const hire = await hires.acceptOffer(manager, hired.id, offer.id, {
      startDate: start,
      buddyId: null,
      confirm: 'yes',
    });
    hireId = hire.id;
    const [goal] = await testApp.dataSource.getRepository(HireGoal).find({ where: { hireId }, order: { id: 'ASC' } });
    const checkIn = await testApp.app.get(CheckInsService).record(
      manager,
      hireId,
      Object.assign(new CheckInDto(), {
        heldOn: addDays(start, 30),
        actuals: { [`g${goal.id}`]: '40000' },
        coachingNotes: 'Strong first month.',
        nextSteps: null,
      }),
    );
    checkInId = checkIn.id;
    positionId = await publishedPosition(testApp, manager, 'Account Executive');
    open = await applicationInInterview(testApp, manager, positionId);
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
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  it('closes a position through the step, rejecting its open application with its message', async () => {
    const page = await (await newVisitor(browser)).newPage();
    await signInWithForm(page, baseUrl, 'morgan@acme.example', PASSWORD);
    await page.goto(`${baseUrl}/positions/${positionId}`);
    await page.getByLabel('Change status to').selectOption('closed');
    await page.getByRole('button', { name: 'Change status…' }).click();
    await waitForText(page, 'Close Account Executive?');
    await visit(page, 'c01-close-step');
    await atPhoneWidth(page, 'c01-close-step-phone');

    // Without a choice for the open application the step comes back and nothing changes.
    await page.getByRole('button', { name: 'Close the position' }).click();
    await waitForText(page, 'Choose what happens to the open applications');
    await visit(page, 'c02-close-step-error');
    await expect(testApp.dataSource.getRepository(Position).findOneByOrFail({ id: positionId })).resolves.toMatchObject(
      {
        status: 'published',
      },
    );

    await page.getByLabel(/Reject them, with the rejection message/).check();
    await page.getByText('When rejecting: reason and messages').click();
    await page.getByLabel('Reason, for all of them').selectOption({ label: 'Position filled or closed' });
    await page.getByRole('button', { name: 'Close the position' }).click();
    await waitForText(page, 'The position is now closed. 1 open application was rejected.');
    await visit(page, 'c03-closed');
    expect((await testApp.dataSource.getRepository(Application).findOneByOrFail({ id: open.id })).stage).toBe(
      'rejected',
    );
  });

  it('corrects a check-in, confirming a date in the future, and shows the earlier version', async () => {
    const page = await (await newVisitor(browser)).newPage();
    await signInWithForm(page, baseUrl, 'morgan@acme.example', PASSWORD);
    await page.goto(`${baseUrl}/hires/${hireId}/plan#check-in-${checkInId}`);
    await page.getByRole('link', { name: 'Correct this check-in' }).click();
    await waitForText(page, 'Correct the check-in of');
    await visit(page, 'c04-check-in-edit');
    await atPhoneWidth(page, 'c04-check-in-edit-phone');

    await page.getByLabel('Date').fill(addDays(today(), 20));
    await page.getByLabel('Coaching notes').fill('Strong first month; pricing needs work.');
    await page.getByRole('button', { name: 'Save the correction' }).click();
    await waitForText(page, 'in the future');
    await visit(page, 'c05-check-in-future-warning');
    await atPhoneWidth(page, 'c05-check-in-future-warning-phone');
    await page.getByLabel('Yes, this date is right').check();
    await page.getByRole('button', { name: 'Save the correction' }).click();
    await waitForText(page, 'Check-in corrected.');
    await page.getByText(/Corrected 1 time/).click();
    await waitForText(page, 'Strong first month.');
    await visit(page, 'c06-check-in-corrected');
    await atPhoneWidth(page, 'c06-check-in-corrected-phone');
    expect((await testApp.dataSource.getRepository(CheckIn).findOneByOrFail({ id: checkInId })).coachingNotes).toBe(
      'Strong first month; pricing needs work.',
    );
  });
});
