import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { Application } from '../../src/candidates/entities/application.entity.js';
import { Candidate } from '../../src/candidates/entities/candidate.entity.js';
import { PipelineService } from '../../src/candidates/pipeline.service.js';
import { ScorecardDto } from '../../src/interviews/dto/panel.dto.js';
import { Interview } from '../../src/interviews/entities/interview.entity.js';
import { PanelService } from '../../src/interviews/panel.service.js';
import { PortalService } from '../../src/vetting/portal.service.js';
import type { User } from '../../src/accounts/entities/user.entity.js';
import { createUser, PASSWORD } from '../support/http.js';
import { applicationInInterview, underway } from '../support/interviews.js';
import { publishedPosition, publishKit } from '../support/positions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { describeInBrowser, launch, newVisitor, serve, signInWithForm, visit, waitForText } from './support/browser.js';

jest.setTimeout(120000);

describeInBrowser('Panel interview in a real browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let manager: User;
  let tom: User;
  let application: Application;

  beforeAll(async () => {
    testApp = await createTestApp();
    await createUser(testApp, ['admin']);
    manager = await createUser(testApp, ['manager'], { email: 'morgan@acme.example', name: 'Morgan Reyes' });
    await createUser(testApp, ['interviewer'], { email: 'priya@acme.example', name: 'Priya Shah' });
    tom = await createUser(testApp, ['interviewer'], { email: 'tom@acme.example', name: 'Tom Becker' });
    const positionId = await publishedPosition(testApp, manager);
    await publishKit(testApp, manager, positionId);
    application = await applicationInInterview(testApp, manager, positionId);
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

  it('the manager schedules a panel; a panelist prepares and submits a scorecard; the manager decides in the debrief', async () => {
    const morgan = await signedIn('morgan@acme.example');
    await morgan.goto(`${baseUrl}/applications/${application.id}`);
    await morgan.getByRole('button', { name: 'Schedule an interview' }).click();
    await waitForText(morgan, 'A panel of two or three interviewers');
    await visit(morgan, 'i01-schedule');

    // One interviewer is refused, and what was typed stays.
    const day = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    await morgan.getByLabel('Date').fill(day);
    await morgan.getByLabel('Start time').fill('14:30');
    await morgan.getByLabel('Time zone').selectOption('Europe/Berlin');
    await morgan.getByLabel('Place or video link').fill('Room Lisbon, 4th floor');
    await morgan.getByRole('checkbox', { name: 'Priya Shah on the panel' }).check();
    await morgan.getByRole('radio', { name: 'Priya Shah leads' }).check();
    await morgan.getByRole('button', { name: 'Schedule and send invitations' }).click();
    await waitForText(morgan, 'a panel of 1 is refused');
    await visit(morgan, 'i02-schedule-refused');
    expect(await morgan.getByLabel('Place or video link').inputValue()).toBe('Room Lisbon, 4th floor');
    await morgan.getByRole('checkbox', { name: 'Tom Becker on the panel' }).check();
    await morgan.getByRole('button', { name: 'Schedule and send invitations' }).click();
    await waitForText(morgan, 'Interview scheduled.');
    await morgan.getByText('Priya Shah (lead): not prepared yet').waitFor();
    const interview = await testApp.dataSource
      .getRepository(Interview)
      .findOneByOrFail({ applicationId: application.id });

    // The change and cancel pages, without cancelling.
    await morgan.goto(`${baseUrl}/interviews/${interview.id}`);
    await visit(morgan, 'i03-interview-manager');
    await morgan.getByRole('button', { name: 'Reschedule or change the panel' }).click();
    await waitForText(morgan, 'Change interview round 1');
    await visit(morgan, 'i04-reschedule');
    await morgan.goto(`${baseUrl}/interviews/${interview.id}/cancel`);
    await visit(morgan, 'i05-cancel-confirm');
    await morgan.getByRole('button', { name: 'Cancel', exact: true }).click();

    // The candidate sees the interview in their portal, in their own zone.
    await testApp.dataSource.getRepository(Candidate).update(application.candidateId, { timeZone: 'Europe/Berlin' });
    const { link } = await testApp.app
      .get(PortalService)
      .issue(manager, await testApp.app.get(PipelineService).findOrFail(application.id));
    const candidate = await (await newVisitor(browser)).newPage();
    await candidate.goto(`${baseUrl}/portal/${link.token}`);
    await waitForText(candidate, 'Your interview');
    await candidate.getByText(/14:30–15:30 CES?T/).waitFor();
    await visit(candidate, 'i06-portal-interview');

    // Priya prepares, tries to submit an empty scorecard, then submits it properly.
    const priya = await signedIn('priya@acme.example');
    await priya.getByRole('button', { name: 'Prepare' }).click();
    await waitForText(priya, 'I have prepared');
    await visit(priya, 'i07-interview-panelist');
    await priya.getByRole('button', { name: 'I have prepared' }).click();
    await waitForText(priya, 'Your scorecard opens when the interview starts');
    await visit(priya, 'i08a-scorecard-before-start');
    await expect(priya.getByRole('button', { name: 'Submit scorecard' }).count()).resolves.toBe(0);
    // The interview begins: the scorecard opens.
    await underway(testApp, interview.id);
    await priya.reload();
    await visit(priya, 'i08-scorecard');
    await priya.getByRole('button', { name: 'Submit scorecard' }).click();
    await waitForText(priya, 'There are 4 problems');
    await visit(priya, 'i09-scorecard-errors');
    await priya.getByRole('radio', { name: /^3 Good/ }).check();
    await priya
      .getByLabel('Evidence')
      .fill('Would open through the clinic group’s published wait times and a reference customer.');
    await priya.getByRole('radio', { name: 'Embraces it' }).check();
    await priya.getByRole('radio', { name: 'Yes', exact: true }).check();
    await priya.getByRole('button', { name: 'Submit scorecard' }).click();
    await waitForText(priya, 'Scorecard submitted.');
    await priya.getByText('Tom Becker — not prepared yet').waitFor();

    // Tom submits too (through the service: the form was just exercised).
    const panel = testApp.app.get(PanelService);
    await panel.prepare(tom, interview.id);
    await panel.saveScorecard(
      tom,
      interview.id,
      Object.assign(new ScorecardDto(), {
        ratings: {
          [`q${interview.questions[0].questionId}`]: {
            rating: '2',
            evidence: 'Generic sequence; no research on the group.',
          },
        },
        planReaction: 'neutral',
        planNotes: null,
        recommendation: 'no',
        action: 'submit',
      }),
    );

    await morgan.goto(`${baseUrl}/applications/${application.id}`);
    await morgan.getByRole('link', { name: 'Open the debrief and decide' }).click();
    await waitForText(morgan, 'Ratings and evidence');
    await morgan.getByText('Generic sequence; no research on the group.').waitFor();
    await visit(morgan, 'i10-debrief');
    await morgan.getByRole('radio', { name: /^Hire/ }).check();
    await morgan
      .getByLabel('Rationale')
      .fill(
        'Priya’s evidence on prospecting outweighs Tom’s concern; the plan was embraced. Coach discovery in month one.',
      );
    await morgan.getByRole('button', { name: 'Record the decision' }).click();
    await waitForText(morgan, 'Decision recorded: Hire. The application moves to Offer.');
    await morgan.getByText('Decision: Hire', { exact: true }).waitFor();
    await visit(morgan, 'i11-application-decided');
    expect((await testApp.dataSource.getRepository(Application).findOneByOrFail({ id: application.id })).stage).toBe(
      'offer',
    );
  });
});
