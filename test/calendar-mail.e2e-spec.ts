import ICAL from 'ical.js';
import type { User } from '../src/accounts/entities/user.entity.js';
import { Application } from '../src/candidates/entities/application.entity.js';
import { Candidate } from '../src/candidates/entities/candidate.entity.js';
import { PipelineService } from '../src/candidates/pipeline.service.js';
import { CompanyService } from '../src/company/company.service.js';
import { Interview } from '../src/interviews/entities/interview.entity.js';
import { OutboxMessage } from '../src/mail/entities/outbox-message.entity.js';
import { PresentationService } from '../src/vetting/presentation.service.js';
import { createUser, csrfTokenIn, signedInAs, submitForm, type Agent } from './support/http.js';
import { applicationInInterview, scheduleFields } from './support/interviews.js';
import { publishedPosition, publishKit } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const COMPANY = 'Nordlicht Kliniken GmbH';
/** Long and not ASCII, so the SUMMARY line has to be folded, and folded by octets. */
const TITLE = 'Senior Account Executive für Klinikgruppen in Österreich, der Schweiz und Süddeutschland';
const QUOTED = 'Ann "Sunny" Lee';
const PUNCTUATED = 'Bo; Chen: Operations, Nord';
const CARET = 'Carl ^ Back\\Slash';
const CANDIDATE = 'Zoë "Zee" O’Hara';

/** One calendar part as a calendar client reads it, and the raw text it was read from. */
function readPart(message: OutboxMessage) {
  const file = message.attachments?.find((attachment) => attachment.contentType.startsWith('text/calendar'));
  if (!file) throw new Error(`No calendar part in "${message.subject}"`);
  const calendar = new ICAL.Component(ICAL.parse(file.content));
  const event = calendar.getFirstSubcomponent('vevent')!;
  const time = (name: string) => {
    const property = event.getFirstProperty(name)!;
    return { tzid: property.getParameter('tzid'), value: property.toICALString().split(':').slice(1).join(':') };
  };
  return {
    to: message.to,
    text: message.text,
    raw: file.content,
    contentType: file.contentType,
    method: calendar.getFirstPropertyValue('method') as string,
    uid: event.getFirstPropertyValue('uid') as string,
    summary: event.getFirstPropertyValue('summary') as string,
    description: event.getFirstPropertyValue('description') as string,
    sequence: Number(event.getFirstPropertyValue('sequence')),
    start: time('dtstart'),
    end: time('dtend'),
    organizer: event.getFirstProperty('organizer')!.getParameter('cn'),
    attendees: event.getAllProperties('attendee').map((attendee) => ({
      cn: attendee.getParameter('cn'),
      email: String(attendee.getFirstValue()).replace(/^mailto:/i, ''),
    })),
    hasTimezone: calendar.getAllSubcomponents('vtimezone').length > 0,
  };
}

type Part = ReturnType<typeof readPart>;

/** What RFC 5545 asks of every part, checked on the raw text and on what ical.js reads from it. */
function expectWellFormed(part: Part) {
  expect(part.raw.endsWith('END:VCALENDAR\r\n')).toBe(true);
  expect(part.raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const lines = part.raw.slice(0, -2).split('\r\n');
  for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  expect(['REQUEST', 'CANCEL']).toContain(part.method);
  expect(part.contentType).toBe(`text/calendar; method=${part.method}`);
  expect(part.uid).toMatch(/\S+@\S+/);
  expect(Number.isInteger(part.sequence)).toBe(true);
  for (const time of [part.start, part.end]) {
    if (time.tzid) expect(part.hasTimezone).toBe(true);
    else expect(time.value).toMatch(/^\d{8}T\d{6}Z$/);
  }
  expect(part.organizer).toBe(COMPANY);
  // The organizer's display name is the company's, never the software's.
  expect(part.raw).not.toMatch(/ORGANIZER;CN="?Keeper/);
}

describe('Calendar parts of candidate and panel mail are valid iCalendar', () => {
  let testApp: TestApp;
  let manager: { agent: Agent; user: User };
  let ann: User;
  let bo: User;
  let carl: User;
  let positionId: number;

  beforeAll(async () => {
    testApp = await createTestApp();
    await signedInAs(testApp, ['admin']);
    manager = await signedInAs(testApp, ['manager']);
    ann = await createUser(testApp, ['interviewer'], { name: QUOTED });
    bo = await createUser(testApp, ['interviewer'], { name: PUNCTUATED });
    carl = await createUser(testApp, ['interviewer'], { name: CARET });
    await testApp.app.get(CompanyService).saveProfile({ companyName: COMPANY, introduction: null });
    positionId = await publishedPosition(testApp, manager.user, TITLE);
    await publishKit(testApp, manager.user, positionId);
  });
  afterAll(() => testApp.close());

  const outbox = () => testApp.dataSource.getRepository(OutboxMessage).find({ order: { id: 'ASC' } });
  const clearOutbox = () => testApp.dataSource.getRepository(OutboxMessage).clear();
  const parts = async () => (await outbox()).map(readPart);
  const named = (candidate: Candidate) => ({ cn: CANDIDATE, email: candidate.email });

  async function candidateNamedWithQuotes(): Promise<Application> {
    const application = await applicationInInterview(testApp, manager.user, positionId);
    await testApp.dataSource.getRepository(Candidate).update(application.candidateId, { name: CANDIDATE });
    application.candidate.name = CANDIDATE;
    return application;
  }

  it('schedules, moves and cancels an interview: one UID, a rising SEQUENCE, names with quotes read back intact', async () => {
    const application = await candidateNamedWithQuotes();
    await clearOutbox();
    const scheduled = await submitForm(
      manager.agent,
      `/applications/${application.id}/interviews/new`,
      scheduleFields([ann.id, bo.id], bo.id),
      `/applications/${application.id}/interviews`,
    );
    expect(scheduled.status).toBe(303);
    const interview = await testApp.dataSource
      .getRepository(Interview)
      .findOneByOrFail({ applicationId: application.id });

    const invitations = await parts();
    expect(invitations.map((part) => part.to).sort()).toEqual(
      [ann.email, bo.email, application.candidate.email].sort(),
    );
    for (const part of invitations) {
      expectWellFormed(part);
      expect(part).toMatchObject({ method: 'REQUEST', uid: interview.uid, sequence: 0 });
      expect(part.start.value).toBe(interview.startsAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, ''));
      expect(part.attendees).toEqual(
        expect.arrayContaining([
          { cn: QUOTED, email: ann.email },
          { cn: PUNCTUATED, email: bo.email },
          named(application.candidate),
        ]),
      );
      // RFC 6868: the quote travels as ^' inside the quoted value; the ; and : stay inside the quotes.
      const unfolded = part.raw.replace(/\r\n /g, '');
      expect(unfolded).toContain(`CN="Ann ^'Sunny^' Lee"`);
      expect(unfolded).toContain(`CN="${PUNCTUATED}"`);
      // The long, accented summary was folded.
      expect(part.raw).toMatch(/\r\n [^\r\n]/);
    }

    // Swap Ann for Carl and move it a day: Ann alone is told, in words for her; the rest get SEQUENCE 1.
    await clearOutbox();
    const edit = await manager.agent.get(`/interviews/${interview.id}/edit`).expect(200);
    const later = new Date(Date.now() + 8 * 86_400_000).toISOString().slice(0, 10);
    await manager.agent
      .post(`/interviews/${interview.id}`)
      .type('form')
      .send({
        ...scheduleFields([bo.id, carl.id], bo.id, { date: later, time: '09:00' }),
        sequence: '0',
        confirm: 'yes',
        _csrf: csrfTokenIn(edit.text),
      })
      .expect(303);
    const updates = await parts();
    for (const part of updates) expectWellFormed(part);
    const requests = updates.filter((part) => part.method === 'REQUEST');
    expect(requests.map((part) => part.to).sort()).toEqual([bo.email, carl.email, application.candidate.email].sort());
    for (const part of requests) {
      expect(part).toMatchObject({ uid: interview.uid, sequence: 1 });
      expect(part.attendees.map((attendee) => attendee.email)).not.toContain(ann.email);
      expect(part.attendees).toContainEqual({ cn: CARET, email: carl.email });
    }
    const [removal] = updates.filter((part) => part.method === 'CANCEL');
    expect(updates.filter((part) => part.method === 'CANCEL')).toHaveLength(1);
    expect(removal).toMatchObject({ to: ann.email, uid: interview.uid, sequence: 1 });
    expect(removal.attendees).toEqual([{ cn: QUOTED, email: ann.email }]);
    expect(removal.text).toContain(`Hello ${QUOTED},`);
    expect(removal.text).toContain(`You are no longer on the panel for the interview with ${CANDIDATE} for ${TITLE}`);
    expect(removal.text).not.toMatch(/your interview|We have had to cancel/i);
    expect(removal.description).toBe('You are no longer on the panel for this interview.');
    const candidateUpdate = requests.find((part) => part.to === application.candidate.email)!;
    expect(candidateUpdate.description).toBe(`Your interview for ${TITLE}. You will meet ${PUNCTUATED}, ${CARET}.`);
    expect(candidateUpdate.summary).toBe(`Interview for ${TITLE} at ${COMPANY}`);

    // Cancelled: everyone still on it gets CANCEL with SEQUENCE 2.
    await clearOutbox();
    const confirm = await manager.agent.get(`/interviews/${interview.id}/cancel`).expect(200);
    await manager.agent
      .post(`/interviews/${interview.id}/cancel`)
      .type('form')
      .send({ _csrf: csrfTokenIn(confirm.text), confirm: 'yes' })
      .expect(303);
    const cancellations = await parts();
    expect(cancellations.map((part) => part.to).sort()).toEqual(
      [bo.email, carl.email, application.candidate.email].sort(),
    );
    for (const part of cancellations) {
      expectWellFormed(part);
      expect(part).toMatchObject({ method: 'CANCEL', uid: interview.uid, sequence: 2 });
    }
  });

  it('sends the presentation session, its move, its cancellation and a new session with one UID and SEQUENCE 0–3', async () => {
    const application = await candidateNamedWithQuotes();
    await testApp.dataSource.getRepository(Application).update(application.id, { stage: 'vetting' });
    const found = await testApp.app.get(PipelineService).findOrFail(application.id);
    const presentations = testApp.app.get(PresentationService);
    await clearOutbox();
    await presentations.schedule(found, new Date(Date.now() + 3 * 86_400_000), [ann.id, bo.id]);
    await presentations.schedule(found, new Date(Date.now() + 4 * 86_400_000), [ann.id, carl.id]);
    await presentations.cancelSession(found);
    await presentations.schedule(found, new Date(Date.now() + 5 * 86_400_000), [ann.id, bo.id]);

    const sent = await parts();
    expect(sent.map((part) => part.to)).toEqual(Array(4).fill(application.candidate.email));
    for (const part of sent) expectWellFormed(part);
    expect(sent.map((part) => part.method)).toEqual(['REQUEST', 'REQUEST', 'CANCEL', 'REQUEST']);
    expect(sent.map((part) => part.sequence)).toEqual([0, 1, 2, 3]);
    expect(new Set(sent.map((part) => part.uid)).size).toBe(1);
    expect(sent[0].attendees).toEqual([
      { cn: QUOTED, email: ann.email },
      { cn: PUNCTUATED, email: bo.email },
      named(application.candidate),
    ]);
    expect(sent[1].attendees).toContainEqual({ cn: CARET, email: carl.email });
  });
});
