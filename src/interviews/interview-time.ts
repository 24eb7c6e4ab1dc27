import { DateTime } from 'luxon';

/** Every IANA time zone this Node knows, for the scheduling form. */
export const TIME_ZONES: string[] = Intl.supportedValuesOf('timeZone');

export function isTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}

/** The instant a wall-clock date and time ("2026-12-03", "14:30") mean in a zone, or null when that time does not exist there. */
export function zonedInstant(date: string, time: string, zone: string): Date | null {
  const local = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!local.isValid) return null;
  // A time skipped by a daylight-saving change is shifted by luxon; refuse it rather than move the interview.
  if (local.toFormat('yyyy-MM-dd') !== date || local.toFormat('HH:mm') !== time) return null;
  return local.toJSDate();
}

/** The wall-clock date and time of an instant in a zone, as the scheduling form shows them. */
export function wallClock(instant: Date, zone: string): { date: string; time: string } {
  const local = DateTime.fromJSDate(instant, { zone });
  return { date: local.toFormat('yyyy-MM-dd'), time: local.toFormat('HH:mm') };
}

/** "Thu 3 Dec 2026, 14:30–15:30 (Europe/Berlin)" */
export { meetingTimeText as interviewTimeText } from '../mail/calendar.js';
