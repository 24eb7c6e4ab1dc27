import { DateTime } from 'luxon';
import type { DeadlineKind } from '../positions/outcome-fields.js';

/** Calendar dates as "YYYY-MM-DD" strings: no time zone can move them. */
export type IsoDate = string;

const day = (date: IsoDate) => DateTime.fromISO(date, { zone: 'utc' });
const iso = (date: DateTime) => date.toISODate()!;

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && day(value).isValid;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return iso(day(date).plus({ days }));
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round(day(to).diff(day(from), 'days').days);
}

/**
 * "By the close of the Nth full month following your hire date": the first full month is the month
 * after the start date's month — or the start month itself when the hire starts on its 1st.
 * Hired 2026-03-15 → month 1 is April, month 10 closes 2027-01-31. Hired 2026-03-01 → month 10 closes 2026-12-31.
 */
export function closeOfFullMonth(start: IsoDate, n: number): IsoDate {
  const first = day(start);
  const firstFullMonth = first.day === 1 ? first.startOf('month') : first.startOf('month').plus({ months: 1 });
  return iso(firstFullMonth.plus({ months: n - 1 }).endOf('month'));
}

/** The calendar date of an outcome's deadline for a hire starting on `start`. */
export function deadlineOn(start: IsoDate, kind: DeadlineKind | null, n: number | null): IsoDate | null {
  if (!kind || !n) return null;
  return kind === 'days' ? addDays(start, n) : closeOfFullMonth(start, n);
}

/** The Monday of the week a date falls in. */
export function weekOf(date: IsoDate): IsoDate {
  return iso(day(date).startOf('week'));
}

export function today(now = new Date()): IsoDate {
  return now.toISOString().slice(0, 10);
}

/** Why a start date far from today needs a second look (more than 30 days past or a year ahead), or nothing. */
export function startDateWarnings(startDate: IsoDate, on: IsoDate = today()): string[] {
  if (startDate < addDays(on, -30))
    return ['The start date is more than 30 days ago: every onboarding task before today will be overdue at once.'];
  if (startDate > addDays(on, 365))
    return ['The start date is more than a year ahead: tasks, milestones and deadlines will be dated from it.'];
  return [];
}
