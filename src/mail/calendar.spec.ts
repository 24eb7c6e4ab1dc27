import ICAL from 'ical.js';
import { interviewCalendar } from './calendar.js';

const invite = {
  uid: 'interview-7@keeper.test',
  sequence: 2,
  startsAt: new Date('2026-12-03T13:30:00Z'),
  endsAt: new Date('2026-12-03T14:30:00Z'),
  summary: 'Interview: Amara Diallo for Account Executive',
  description: 'Panel interview, round 1.',
  location: 'Room 4, or https://meet.example/abc',
  organizer: { name: 'Keeper', email: 'keeper@example.com' },
  attendees: [
    { name: 'Dana Lead', email: 'dana@example.com', chair: true },
    { name: 'Amara Diallo', email: 'amara@example.com' },
  ],
};

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent('vevent')!;
  return { method: calendar.getFirstPropertyValue('method'), event, parsed: new ICAL.Event(event) };
}

describe(interviewCalendar.name, () => {
  it('builds a request that calendar software can parse, with UID, SEQUENCE, times and attendees', () => {
    const { method, event, parsed } = parse(interviewCalendar({ ...invite, method: 'REQUEST' }));
    expect(method).toBe('REQUEST');
    expect(parsed.uid).toBe('interview-7@keeper.test');
    expect(parsed.sequence).toBe(2);
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2026-12-03T13:30:00.000Z');
    expect(parsed.endDate.toJSDate().toISOString()).toBe('2026-12-03T14:30:00.000Z');
    expect(parsed.location).toBe(invite.location);
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(parsed.attendees.map((attendee) => String(attendee.getFirstValue()).toLowerCase())).toEqual([
      'mailto:dana@example.com',
      'mailto:amara@example.com',
    ]);
    expect(parsed.attendees[0].getParameter('role')).toBe('CHAIR');
  });

  it('builds a cancellation of the same event', () => {
    const { method, event, parsed } = parse(interviewCalendar({ ...invite, sequence: 3, method: 'CANCEL' }));
    expect(method).toBe('CANCEL');
    expect(parsed.uid).toBe(invite.uid);
    expect(parsed.sequence).toBe(3);
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});
