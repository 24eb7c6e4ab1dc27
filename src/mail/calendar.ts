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

/** A character no name contains (stripped from names first), standing in for a backslash while ical-generator escapes. */
const BACKSLASH = '\uE000';

/**
 * A name as an RFC 5545 quoted parameter value (CN="…"): a parameter value cannot hold a double quote and knows no
 * backslash escapes, so quotes, carets and line breaks use RFC 6868's caret escapes (" → ^', ^ → ^^, newline → ^n)
 * and a backslash stays a backslash. ical-generator escapes `\` and `"` with a backslash inside quotes, which calendar
 * clients read as part of the name (or as the end of it); the stand-in keeps the backslash out of its reach.
 */
function parameterText(name: string): string {
  return name
    .replaceAll(BACKSLASH, '')
    .replace(/\^/g, '^^')
    .replace(/"/g, "^'")
    .replace(/\r\n|\r|\n/g, '^n')
    .replace(/\\/g, BACKSLASH);
}

/** Text values are escaped by ical-generator; only the stand-in must not be in them. */
function plain(text: string): string {
  return text.replaceAll(BACKSLASH, '');
}

/**
 * An iCalendar invitation (RFC 5546): METHOD:REQUEST for a new or moved interview, METHOD:CANCEL to call it off.
 * The UID stays the same across updates; each update carries a higher SEQUENCE so calendars replace the old one.
 * Times are in UTC (DTSTART:…Z); the organizer is the company, by name.
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
    summary: plain(invite.summary),
    description: plain(invite.description),
    location: plain(invite.location),
    status: invite.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: parameterText(invite.organizer.name), email: invite.organizer.email },
    attendees: invite.attendees.map((attendee) => ({
      name: parameterText(attendee.name),
      email: attendee.email,
      role: attendee.chair ? ICalAttendeeRole.CHAIR : ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: invite.method === 'REQUEST',
    })),
  });
  // Every line ends in CRLF (RFC 5545 3.1), the last one too: ical-generator leaves END:VCALENDAR bare.
  return calendar
    .toString()
    .replaceAll(BACKSLASH, '\\')
    .replace(/(?:\r\n)?$/, '\r\n');
}

export { meetingTimeText } from '../common/dates.js';
