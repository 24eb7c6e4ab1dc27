import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { CandidatesService } from '../../src/candidates/candidates.service.js';
import { CandidateDto } from '../../src/candidates/dto/candidate.dto.js';
import { PipelineService } from '../../src/candidates/pipeline.service.js';
import { GradingService } from '../../src/vetting/grading.service.js';
import { PresentationService } from '../../src/vetting/presentation.service.js';
import { WritingTestService } from '../../src/vetting/writing-test.service.js';
import { createUser, PASSWORD } from '../support/http.js';
import { publishedPosition } from '../support/positions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { describeInBrowser, launch, newVisitor, serve, visit, waitForText } from './support/browser.js';

jest.setTimeout(90000);

describeInBrowser('Blind grading in a real browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    await createUser(testApp, ['admin']);
    const manager = await createUser(testApp, ['manager']);
    const priya = await createUser(testApp, ['interviewer'], { email: 'priya@acme.example', name: 'Priya Shah' });
    const tom = await createUser(testApp, ['interviewer'], { email: 'tom@acme.example', name: 'Tom Becker' });
    const positionId = await publishedPosition(testApp, manager);
    const writing = testApp.app.get(WritingTestService);
    await writing.savePrompts(positionId, ['Write a follow-up email to a prospect you met at an industry event.']);
    await testApp.app.get(GradingService).setGraders(positionId, [priya.id, tom.id]);
    const { application } = await testApp.app.get(CandidatesService).create(
      manager,
      Object.assign(new CandidateDto(), {
        name: 'Zelda Quartz',
        email: 'zelda@example.com',
        source: 'referral',
        phone: null,
        notes: null,
        positionId,
      }),
      null,
    );
    const full = await testApp.app.get(PipelineService).findOrFail(application!.id);
    await writing.start(full);
    const text =
      'Dear Dana, it was good to meet you at the summit. Our customers cut intake waits by a third within a quarter, and I would like to show you how. Could we speak on Tuesday at ten? Best regards, Zelda Quartz';
    const body = Array.from({ length: 20 }, () => 'We help clinics see more patients sooner.').join(' ');
    await writing.save(full, `${text}\n\n${body}`, true);
    await testApp.app.get(PresentationService).schedule(full, new Date('2026-12-01T15:00:00Z'), [priya.id, tom.id]);
    baseUrl = await serve(testApp.app);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('grades a writing test from the home page without ever seeing who wrote it', async () => {
    const page = await (await newVisitor(browser)).newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Email').fill('priya@acme.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForText(page, '1 writing test to grade, blind.');
    await visit(page, 'g01-grader-home');
    await page.getByRole('button', { name: 'Grade' }).click();
    await visit(page, 'g02-grading-list');
    await page.getByRole('link', { name: /Writing test A-/ }).click();
    await waitForText(page, 'Aids, not the grade.');
    await expect(page.content()).resolves.not.toMatch(/zelda|quartz/i);
    await visit(page, 'g03-grade');

    await page.getByRole('button', { name: 'Submit grade' }).click();
    await waitForText(page, 'There are 5 problems');
    await visit(page, 'g04-grade-errors');
    for (const [criterion, level] of [
      ['Purpose and clarity', '4'],
      ['Structure', '3'],
      ['Grammar and mechanics', '3'],
      ['Tone and audience', '4'],
      ['Call to action', '4'],
    ]) {
      await page
        .getByRole('group', { name: criterion })
        .getByRole('radio', { name: new RegExp(`^${level} `) })
        .check();
    }
    await page.getByRole('button', { name: 'Submit grade' }).click();
    await waitForText(page, 'Grade submitted.');
    await waitForText(page, 'Your grade: 3.6');
    await waitForText(page, 'The other grades appear once every assigned grader has submitted');
    await visit(page, 'g05-graded');

    // The research presentation she attended: not blind, scored on its own rubric.
    await page.getByRole('link', { name: '← Grading' }).click();
    await page.getByRole('link', { name: /Zelda Quartz/ }).click();
    await visit(page, 'g06-presentation-score');
    for (const criterion of [
      'Depth of research',
      'The customer is the hero',
      'Outcomes, not process',
      'Emotional connection and poise',
      'A concrete opportunity and next step',
      'Fair use of information',
    ]) {
      await page.getByRole('group', { name: criterion }).getByRole('radio', { name: /^3 / }).check();
    }
    await page.getByRole('button', { name: 'Submit score' }).click();
    await waitForText(page, 'Your score: 3');
    await visit(page, 'g07-presentation-scored');
  });
});
