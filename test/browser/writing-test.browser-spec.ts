import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { CandidatesService } from '../../src/candidates/candidates.service.js';
import { CandidateDto } from '../../src/candidates/dto/candidate.dto.js';
import { PipelineService } from '../../src/candidates/pipeline.service.js';
import type { User } from '../../src/accounts/entities/user.entity.js';
import { WritingSubmission } from '../../src/vetting/entities/writing-submission.entity.js';
import { PortalService } from '../../src/vetting/portal.service.js';
import { signedInAs } from '../support/http.js';
import { configureVetting, publishedPosition } from '../support/positions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { describeInBrowser, launch, newVisitor, serve, snapshot, visit, waitForText } from './support/browser.js';

jest.setTimeout(120000);

const TYPED = 'Dear Dana, thank you for stopping by our stand. You asked how clinics shorten patient intake';

/** The timed writing test (issue 16, point 3): nothing typed is lost, whatever the candidate or the clock does. */
describeInBrowser('The timed writing test in a real browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let manager: User;
  let positionId: number;
  let sequence = 0;

  beforeAll(async () => {
    testApp = await createTestApp();
    await signedInAs(testApp, ['admin']);
    const signedIn = await signedInAs(testApp, ['manager']);
    manager = signedIn.user;
    const graders = [await signedInAs(testApp, ['interviewer']), await signedInAs(testApp, ['interviewer'])];
    positionId = await publishedPosition(testApp, manager);
    const saved = await configureVetting(signedIn.agent, positionId, {
      writingRequired: '1',
      writingMinWords: '40',
      writingMaxWords: '120',
      writingTimeLimitMinutes: '30',
      graderIds: graders.map((grader) => String(grader.user.id)),
    });
    expect(saved.status).toBe(303);
    baseUrl = await serve(testApp.app);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  /** A new candidate with a portal link, the writing test started in a fresh browser tab. */
  async function startedTest(): Promise<{ page: Page; applicationId: number; portalUrl: string }> {
    sequence += 1;
    const { application } = await testApp.app.get(CandidatesService).create(
      manager,
      Object.assign(new CandidateDto(), {
        name: `Writer ${sequence}`,
        email: `writer${sequence}@example.com`,
        source: 'referral',
        phone: null,
        notes: null,
        positionId,
      }),
      null,
    );
    const withRelations = await testApp.app.get(PipelineService).findOrFail(application!.id);
    const { link } = await testApp.app.get(PortalService).issue(manager, withRelations);
    const portalUrl = `${baseUrl}/portal/${link.token}`;
    const page = await (await newVisitor(browser)).newPage();
    await page.goto(`${portalUrl}/writing`);
    await page.getByRole('button', { name: /Start the writing test/ }).click();
    await waitForText(page, 'Your prompt');
    return { page, applicationId: application!.id, portalUrl };
  }

  const submissions = () => testApp.dataSource.getRepository(WritingSubmission);

  async function moveDeadline(applicationId: number, fromNowMs: number): Promise<void> {
    await submissions().update({ applicationId }, { deadlineAt: new Date(Date.now() + fromNowMs) });
  }

  async function draftOf(applicationId: number, expected: string): Promise<string> {
    for (let tries = 0; tries < 50; tries += 1) {
      const { draft } = await submissions().findOneByOrFail({ applicationId });
      if (draft === expected) return draft;
      await new Promise((done) => setTimeout(done, 100));
    }
    return (await submissions().findOneByOrFail({ applicationId })).draft;
  }

  it('counts words live, shows the time left, and keeps what was typed when the tab is closed before any save', async () => {
    const { page, applicationId, portalUrl } = await startedTest();
    await expect(page.getByRole('timer').textContent()).resolves.toMatch(/^(29|30):\d\d left$/);
    await page.getByLabel('Your text').pressSequentially('One two three');
    await expect(page.locator('#writing-words').textContent()).resolves.toBe('3 words of 40–120 (37 to go)');
    await page.getByLabel('Your text').fill(TYPED);
    await expect(page.locator('#writing-words').textContent()).resolves.toBe('16 words of 40–120 (24 to go)');
    await visit(page, 'wt01-writing-live');

    // Closed at once: no button pressed, and before the save a pause in typing would start.
    await page.close({ runBeforeUnload: true });
    expect(await draftOf(applicationId, TYPED)).toBe(TYPED);

    // Time runs out with the tab closed: the next look at the test submits what the page had saved.
    await moveDeadline(applicationId, -5 * 60 * 1000);
    const again = await (await newVisitor(browser)).newPage();
    await again.goto(portalUrl);
    const submission = await submissions().findOneByOrFail({ applicationId });
    expect(submission.submittedAt).not.toBeNull();
    expect(submission.text).toBe(TYPED);
  });

  it('warns at 5 and at 1 minute and submits the text on the page when the countdown reaches zero', async () => {
    const { page, applicationId, portalUrl } = await startedTest();
    await moveDeadline(applicationId, 4 * 60 * 1000);
    await page.reload();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('5 minutes left');
    await snapshot(page, 'wt02-writing-five-minutes');

    await moveDeadline(applicationId, 4000);
    await page.reload();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('1 minute left');
    await page.getByLabel('Your text').fill(`${TYPED} at the last second`);
    await page.waitForURL(portalUrl, { timeout: 15000 });
    const submission = await submissions().findOneByOrFail({ applicationId });
    expect(submission.submittedAt).not.toBeNull();
    expect(submission.text).toBe(`${TYPED} at the last second`);
  });

  it('answers a 200 KB paste on the same page with a clear message and the text still in the box', async () => {
    const { page, applicationId } = await startedTest();
    const pasted = `${'Lorem ipsum dolor sit amet. '.repeat(7143)}`.slice(0, 200_000);
    await page.getByLabel('Your text').fill(pasted);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await waitForText(page, 'more than the 30,000 this test can keep');
    await expect(page.getByLabel('Your text').inputValue()).resolves.toHaveLength(200_000);
    await expect(page.locator('#error-text').textContent()).resolves.toContain('Your text is 200,000 characters long');
    const { draft } = await submissions().findOneByOrFail({ applicationId });
    expect(draft).toBe('');
    await page.setViewportSize({ width: 390, height: 844 });
    await visit(page, 'wt03-writing-too-long-390');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
