import { DateTime } from 'luxon';
import { dateTimeFormat, kept } from './intl.js';

/** The zone times are shown in until the company sets its own in Settings. */
export const DEFAULT_TIME_ZONE = 'UTC';

/** Every IANA time zone this Node knows (and UTC, which it lists under no region): the choices of each zone select. */
export const TIME_ZONES: string[] = [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])].sort();

const KNOWN_ZONES = new Set(TIME_ZONES);

/** An IANA zone Keeper offers (the list above), e.g. "Europe/Berlin"; "CET" or "Mars/Base" are not. */
export function isTimeZone(zone: unknown): zone is string {
  return typeof zone === 'string' && KNOWN_ZONES.has(zone);
}

/** The zone to show a person's times in: their own when they have one, else the company's. */
export function zoneOf(own: string | null | undefined, fallback: string | null | undefined): string {
  if (isTimeZone(own)) return own;
  return isTimeZone(fallback) ? fallback : DEFAULT_TIME_ZONE;
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "Tue 3 Mar 2027" in the zone (a calendar date such as "2027-03-03" is that day wherever one is). */
export function formatDay(date: Date | string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const instant = typeof date === 'string' ? new Date(`${date}T12:00:00Z`) : date;
  return dateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: typeof date === 'string' ? 'UTC' : timeZone,
  })
    .format(instant)
    .replace(',', '');
}

/**
 * The zone's short name at that instant: "CET"/"CEST", "GMT"/"BST", "EST"/"EDT"; an offset ("GMT+9") where English
 * has no abbreviation in common use. Kept per zone and quarter hour (zones change their offsets on the quarter hour
 * at the finest), as a page names the same few zones and hours many times over.
 */
export function zoneAbbreviation(date: Date, timeZone: string): string {
  return kept(abbreviations, `${timeZone}|${Math.floor(date.getTime() / 900_000)}`, () => {
    const name = (locale: string) =>
      dateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
        .formatToParts(date)
        .find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
    const british = name('en-GB');
    if (!/^GMT[+-]/.test(british)) return british;
    const american = name('en-US');
    return /^GMT[+-]/.test(american) ? british : american;
  });
}
const abbreviations = new Map<string, string>();

/** "10:00" in the zone (24-hour clock). */
function clockTime(date: Date, timeZone: string): string {
  return dateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/** "Tue 3 Mar 2027, 10:00 CET": with the zone's name, since candidates and panels may be elsewhere. */
export function formatDateTime(date: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return `${formatDay(date, timeZone)}, ${clockTime(date, timeZone)} ${zoneAbbreviation(date, timeZone)}`;
}

/** The calendar day of an instant in a zone as days since 1970-01-01 (the en-CA format is "2027-03-03"). */
function dayNumber(date: Date, timeZone: string): number {
  const day = dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
  return Date.parse(`${day}T00:00:00Z`) / 86_400_000;
}

/** "today", "in 5 days", "3 days ago": calendar days as they are in the zone, so 23:30 tonight is still "today". */
export function relativeDays(
  date: Date | string,
  now: Date = new Date(),
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  const then =
    typeof date === 'string' && CALENDAR_DATE.test(date)
      ? Date.parse(`${date}T00:00:00Z`) / 86_400_000
      : dayNumber(new Date(date), timeZone);
  const days = Math.round(then - dayNumber(now, timeZone));
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** "Tue 3 Mar 2027 · in 5 days" */
export function dayWithHint(date: Date | string, timeZone: string = DEFAULT_TIME_ZONE, now = new Date()): string {
  return `${formatDay(date, timeZone)} · ${relativeDays(date, now, timeZone)}`;
}

/** "Tue 3 Mar 2027, 10:00 CET · in 5 days": every date-time on a page. */
export function dateTimeWithHint(date: Date, timeZone: string = DEFAULT_TIME_ZONE, now = new Date()): string {
  return `${formatDateTime(date, timeZone)} · ${relativeDays(date, now, timeZone)}`;
}

function meetingSpan(startsAt: Date, durationMinutes: number, zone: string): string {
  const start = DateTime.fromJSDate(startsAt, { zone });
  const end = start.plus({ minutes: durationMinutes });
  const sameDay = start.hasSame(end, 'day');
  return `${start.toFormat('ccc d LLL yyyy, HH:mm')}–${end.toFormat(sameDay ? 'HH:mm' : 'ccc d LLL HH:mm')}`;
}

/** "Thu 3 Dec 2026, 14:30–15:30 (Europe/Berlin)": a meeting as a candidate's or panelist's mail names it. */
export function meetingTimeText(startsAt: Date, durationMinutes: number, zone: string): string {
  return `${meetingSpan(startsAt, durationMinutes, zone)} (${zone})`;
}

/** "Thu 3 Dec 2026, 14:30–15:30 CET · in 5 days": a meeting on a page, in the viewer's zone. */
export function meetingOnPage(startsAt: Date, durationMinutes: number, zone: string, now = new Date()): string {
  return `${meetingSpan(startsAt, durationMinutes, zone)} ${zoneAbbreviation(startsAt, zone)} · ${relativeDays(startsAt, now, zone)}`;
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
