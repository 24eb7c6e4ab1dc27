import { DateTime } from 'luxon';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export interface CalendarInvite {
  method: 'REQUEST' | 'CANCEL';
  uid: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  description: string;
  location: string;
  organizer: { name: string; email: string };
  attendees: { name: string; email: string; chair?: boolean }[];
}

/**
 * An iCalendar invitation (RFC 5546): METHOD:REQUEST for a new or moved interview, METHOD:CANCEL to call it off.
 * The UID stays the same across updates; each update carries a higher SEQUENCE so calendars replace the old one.
 */
export function interviewCalendar(invite: CalendarInvite): string {
  const calendar = ical({
    prodId: { company: 'Keeper', product: 'Keeper', language: 'EN' },
    method: invite.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: invite.uid,
    sequence: invite.sequence,
    start: invite.startsAt,
    end: invite.endsAt,
    stamp: new Date(),
    summary: invite.summary,
    description: invite.description,
    location: invite.location,
    status: invite.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: invite.organizer,
    attendees: invite.attendees.map((attendee) => ({
      name: attendee.name,
      email: attendee.email,
      role: attendee.chair ? ICalAttendeeRole.CHAIR : ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: invite.method === 'REQUEST',
    })),
  });
  return calendar.toString();
}

/** "Thu 3 Dec 2026, 14:30–15:30 (Europe/Berlin)" */
export function meetingTimeText(startsAt: Date, durationMinutes: number, zone: string): string {
  const start = DateTime.fromJSDate(startsAt, { zone });
  const end = start.plus({ minutes: durationMinutes });
  const sameDay = start.hasSame(end, 'day');
  return `${start.toFormat('ccc d LLL yyyy, HH:mm')}–${end.toFormat(sameDay ? 'HH:mm' : 'ccc d LLL HH:mm')} (${zone})`;
}
