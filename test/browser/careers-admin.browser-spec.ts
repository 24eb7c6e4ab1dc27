import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { User } from '../../src/accounts/entities/user.entity.js';
import { PipelineService } from '../../src/candidates/pipeline.service.js';
import { IntakeService } from '../../src/careers/intake.service.js';
import { CompanyService } from '../../src/company/company.service.js';
import { Outcome } from '../../src/positions/entities/outcome.entity.js';
import { Position } from '../../src/positions/entities/position.entity.js';
import { PositionsService } from '../../src/positions/positions.service.js';
import { WritingGrade } from '../../src/vetting/entities/writing-grade.entity.js';
import { GradingService } from '../../src/vetting/grading.service.js';
import { WritingTestService } from '../../src/vetting/writing-test.service.js';
import { createUser, linkIn, outboxMessages, PASSWORD } from '../support/http.js';
import { publishedPosition, publishKit } from '../support/positions.js';
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

const NOTICE_V2 = 'Northwind Health keeps your application to decide on it and never sells it.';

/** Checks a page at desktop width, then at a phone's (390×844), with a screenshot of each when asked for. */
async function atBothWidths(page: Page, name: string, scope = 'main'): Promise<void> {
  await visit(page, name);
  await page.setViewportSize({ width: 390, height: 844 });
  await snapshot(page, `${name}-390`);
  await expectAccessible(page);
  // This work's content fits the phone's width (the top bar and other sections belong to the layout and other pages).
  const overflow = await page.evaluate(
    (within) =>
      [...document.querySelectorAll(`${within} *`)]
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`)
        .slice(0, 3),
    scope,
  );
  expect({ page: name, overflow }).toEqual({ page: name, overflow: [] });
  await page.setViewportSize({ width: 1280, height: 900 });
}

describeInBrowser('The careers site, staff side, in a real browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let positionId: number;
  let graderEmail: string;
  let manager: User;
  let admin: User;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await createUser(testApp, ['admin'], { email: 'ada@acme.example', name: 'Ada Admin' });
    manager = await createUser(testApp, ['manager'], { email: 'mia@acme.example', name: 'Mia Manager' });
    const grader = await createUser(testApp, ['interviewer'], { email: 'priya@acme.example', name: 'Priya Shah' });
    graderEmail = grader.email;
    positionId = await publishedPosition(testApp, manager);
    await publishKit(testApp, manager, positionId);
    await testApp.app.get(WritingTestService).savePrompts(positionId, ['Write to a prospect you met at an event.']);
    await testApp.app.get(GradingService).setGraders(positionId, [grader.id]);
    baseUrl = await serve(testApp.app);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('lets an admin name the company and publish the privacy notice, keeping each version', async () => {
    const page = await (await newVisitor(browser)).newPage();
    await signInWithForm(page, baseUrl, 'ada@acme.example', PASSWORD);
    await page.goto(`${baseUrl}/admin/settings`);
    await page.getByRole('link', { name: 'Company and careers site' }).click();
    await page.getByLabel('Company name').fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await waitForText(page, 'There is a problem');
    await atBothWidths(page, 'c01-company-error');
    await page.getByLabel('Company name').fill('Northwind Health');
    await page.getByLabel('Short introduction (optional)').fill('We make clinic software.\n\nSmall team, big clinics.');
    await page.getByRole('button', { name: 'Save' }).click();
    await waitForText(page, 'Company profile saved');
    await atBothWidths(page, 'c02-company');

    await page.goto(`${baseUrl}/admin/privacy-notice`);
    await atBothWidths(page, 'c03-privacy-empty');
    await page
      .getByLabel('The notice')
      .fill(
        'Northwind Health keeps your application to decide on it.\n\nWrite to privacy@northwind.example for a copy.',
      );
    await page.getByLabel('Retention period (months)').fill('12');
    await page.getByRole('button', { name: 'Publish the notice' }).click();
    await waitForText(page, 'Version 1 of the privacy notice is published');
    await page.getByLabel('The notice').fill(NOTICE_V2);
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await waitForText(page, 'Version 2 of the privacy notice is published');
    await atBothWidths(page, 'c04-privacy-v2');
    await page.getByRole('link', { name: 'Version 1' }).click();
    await waitForText(page, 'An earlier version');
    await atBothWidths(page, 'c05-privacy-v1');
  });

  it('lets the hiring manager list the position with its outcome questions, and read an application with answers', async () => {
    const notice = await testApp.app.get(CompanyService).publishNotice(NOTICE_V2, 12, admin.id);
    const page = await (await newVisitor(browser)).newPage();
    await signInWithForm(page, baseUrl, 'mia@acme.example', PASSWORD);
    await page.goto(`${baseUrl}/positions/${positionId}`);
    await page.getByRole('link', { name: 'Careers site' }).click();
    await waitForText(page, 'Outcome questions on the application form');
    await atBothWidths(page, 'c06-position-careers');

    const asks = page.getByLabel('Ask about this outcome on the application form');
    const required = page.getByLabel('Answer required');
    await required.nth(1).check();
    await page.getByLabel('Most words in one answer').fill('600');
    await page.getByRole('button', { name: 'Save careers-site settings' }).click();
    await waitForText(page, 'Enter a whole number of words from 20 to 500');
    await atBothWidths(page, 'c07-position-careers-errors');

    await page.getByLabel('Show on the careers site').check();
    await asks.nth(0).check();
    await asks.nth(1).check();
    await required.nth(0).check();
    await page.getByLabel('Most words in one answer').fill('150');
    await page.getByRole('button', { name: 'Save careers-site settings' }).click();
    await waitForText(page, 'The position is on the careers site.');
    await atBothWidths(page, 'c08-position-listed');
    const position = await testApp.dataSource.getRepository(Position).findOneByOrFail({ id: positionId });
    expect(position.onCareersSite).toBe(true);
    const asked = await testApp.dataSource
      .getRepository(Outcome)
      .find({ where: { positionId, askOnApplication: true }, order: { sortOrder: 'ASC' } });
    expect(asked.map((outcome) => outcome.answerRequired)).toEqual([true, true]);

    const full = await testApp.app.get(PositionsService).findOrFail(positionId);
    const { application } = await testApp.app.get(IntakeService).receive(
      full,
      {
        name: 'Ines Marlow',
        email: 'ines@example.com',
        phone: null,
        location: null,
        answers: {
          [`answer_${asked[0].id}`]: 'First the ten clinics we know.\nThen <b>the rest</b>, one region a month.',
          [`answer_${asked[1].id}`]: 'Weekly reviews of the pipeline with my manager.',
        },
        resume: null,
      },
      { kind: 'careers', privacyNoticeVersion: notice.version },
    );
    await page.goto(`${baseUrl}/applications/${application!.id}`);
    await waitForText(page, 'From the careers site');
    await waitForText(page, 'Then <b>the rest</b>, one region a month.');
    await expect(page.locator('.answer-text b').count()).resolves.toBe(0);
    await atBothWidths(page, 'c09-application-answers', 'section[aria-labelledby="intake-heading"]');
  });

  it('shows a careers applicant their status in Applied, and the grader the masked answers once allowed', async () => {
    const notice = await testApp.app.get(CompanyService).publishNotice(NOTICE_V2, 12, admin.id);
    const outcomes = testApp.dataSource.getRepository(Outcome);
    await outcomes.update({ positionId }, { askOnApplication: false, answerRequired: false });
    const [first] = await outcomes.find({ where: { positionId }, order: { sortOrder: 'ASC' }, take: 1 });
    await outcomes.update(first.id, { askOnApplication: true, answerRequired: true });
    const full = await testApp.app.get(PositionsService).findOrFail(positionId);
    const { application } = await testApp.app.get(IntakeService).receive(
      full,
      {
        name: 'Nadia Okafor',
        email: 'nadia@example.com',
        phone: null,
        location: null,
        answers: {
          [`answer_${first.id}`]: 'I am Nadia Okafor and I would start with the clinics we know.',
        },
        resume: null,
      },
      { kind: 'careers', privacyNoticeVersion: notice.version },
    );
    const mail = (await outboxMessages(testApp.dataSource)).filter((m) => m.to === 'nadia@example.com').at(-1)!;
    const visitor = await (await newVisitor(browser)).newPage();
    await visitor.goto(`${baseUrl}${linkIn(mail.text)}`);
    await waitForText(visitor, 'We have your application');
    await atBothWidths(visitor, 'c10-portal-applied');

    const pipeline = testApp.app.get(PipelineService);
    await pipeline.move(manager, application!.id, 'vetting', null);
    const writing = testApp.app.get(WritingTestService);
    const withPeople = await pipeline.findOrFail(application!.id);
    await writing.start(withPeople);
    const text = Array.from({ length: 25 }, () => 'We help clinics see more patients sooner.').join(' ');
    await writing.save(withPeople, text, true);
    await testApp.dataSource.getRepository(Position).update(positionId, { answersToGraders: true });
    const grade = await testApp.dataSource.getRepository(WritingGrade).findOneOrFail({ where: {} });

    const page = await (await newVisitor(browser)).newPage();
    await signInWithForm(page, baseUrl, graderEmail, PASSWORD);
    await page.goto(`${baseUrl}/grading/${grade.id}`);
    await waitForText(page, 'Answers to the outcome questions');
    await waitForText(page, 'and I would start with the clinics we know.');
    await expect(page.locator('.answer-text').first().textContent()).resolves.toMatch(/^I am \[candidate\]/);
    await expect(page.content()).resolves.not.toMatch(/nadia|okafor/i);
    await atBothWidths(page, 'c11-grade-with-answers', 'main article');
  });
});
