import ICAL from 'ical.js';
import type { User } from '../../src/accounts/entities/user.entity.js';
import { CandidateDto } from '../../src/candidates/dto/candidate.dto.js';
import { Application } from '../../src/candidates/entities/application.entity.js';
import { Interview } from '../../src/interviews/entities/interview.entity.js';
import { CandidatesService } from '../../src/candidates/candidates.service.js';
import { samplePdf } from './files.js';
import type { TestApp } from './test-app.js';

let count = 0;

/** A candidate (with a PDF resume) applying to the position, moved to Interview (vetting is tested elsewhere), the plan shared or not. */
export async function applicationInInterview(
  testApp: TestApp,
  manager: User,
  positionId: number,
  options: { planShared?: boolean } = {},
): Promise<Application> {
  count += 1;
  const dto = Object.assign(new CandidateDto(), {
    name: `Candidate ${count} Example`,
    email: `candidate${count}@example.net`,
    phone: null,
    source: 'referral',
    notes: null,
    consent: '1',
    positionId,
  });
  const resume = {
    originalName: `Candidate ${count} resume.pdf`,
    data: await samplePdf(`Resume of candidate ${count}`),
  };
  const { application } = await testApp.app.get(CandidatesService).create(manager, dto, resume);
  const applications = testApp.dataSource.getRepository(Application);
  await applications.update(application!.id, {
    stage: 'interview',
    planSharedAt: options.planShared === false ? null : new Date(),
  });
  return applications.findOneOrFail({ where: { id: application!.id }, relations: { candidate: true } });
}

/** Scheduling form fields: a week ahead, 14:30 in Berlin, an hour, by video. */
export function scheduleFields(
  panelistIds: number[],
  leadId: number,
  overrides: Record<string, string | string[]> = {},
): Record<string, string | string[]> {
  const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  return {
    date: day,
    time: '14:30',
    timeZone: 'Europe/Berlin',
    durationMinutes: '60',
    location: 'https://meet.example.com/keeper-panel',
    panelistIds: panelistIds.map(String),
    leadId: String(leadId),
    ...overrides,
  };
}

/** What a calendar client reads from an invitation. */
export function readInvite(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue('method') as string,
    uid: event.uid,
    sequence: event.sequence,
    status: vevent.getFirstPropertyValue('status') as string,
    start: event.startDate.toJSDate(),
    attendees: event.attendees.map((attendee) => String(attendee.getFirstValue()).replace(/^mailto:/i, '')),
  };
}

/** Moves an interview's start an hour into the past: a scorecard opens only once its interview has started. */
export async function underway(testApp: TestApp, interviewId: number): Promise<void> {
  await testApp.dataSource
    .getRepository(Interview)
    .update(interviewId, { startsAt: new Date(Date.now() - 60 * 60 * 1000) });
}
