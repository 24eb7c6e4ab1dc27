import type { HelperOptions } from 'handlebars';
import hbs from 'hbs';
import {
  dateTimeWithHint,
  dayWithHint,
  DEFAULT_TIME_ZONE,
  formatDay,
  meetingOnPage,
  relativeDays,
  TIME_ZONES,
} from './dates.js';

/**
 * The zone the page's reader sees times in: res.locals.viewerTimeZone (the signed-in user's, else the company's; a
 * candidate's on their pages), which Express merges into every view's root data.
 */
function viewerZone(options: HelperOptions | undefined): string {
  const zone = options?.data?.root?.viewerTimeZone;
  return typeof zone === 'string' && zone ? zone : DEFAULT_TIME_ZONE;
}

const TIME_ZONE_OPTIONS = TIME_ZONES.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

function asDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === 'string' || typeof value === 'number') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

/**
 * JSON that is safe as the text of a <script> element: every <, > and & (and the two line separators JavaScript
 * once refused) is written as a \u escape, so no value can close the element or open a comment.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Handlebars helpers available in every view. None returns unescaped HTML (jsonScript returns escaped JSON). */
export const viewHelpers = {
  eq: (a: unknown, b: unknown) => a === b,
  /** Equal as text: form values are strings, ids are numbers. */
  same: (a: unknown, b: unknown) => String(a ?? '') === String(b ?? ''),
  concat: (...args: unknown[]) => args.slice(0, -1).join(''),
  add: (a: number, b: number) => Number(a) + Number(b),
  multiply: (a: number, b: number) => Number(a) * Number(b),
  /** A number with one decimal, e.g. 12.5. */
  fixed: (value: number) => Number(value).toFixed(1),
  /** Paragraphs of plain text, for {{#each (paragraphs text)}}. */
  paragraphs: (value: unknown) =>
    typeof value === 'string'
      ? value
          .split(/\n\s*\n/)
          .map((p) => p.trim())
          .filter(Boolean)
      : [],
  not: (value: unknown) => !value,
  and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
  /** The first truthy argument, like JavaScript's ||. */
  or: (...args: unknown[]) => {
    const values = args.slice(0, -1);
    return values.find(Boolean) ?? values.at(-1);
  },
  /** The values of a repeated field as a list with at least one slot: a form sends one value as a plain string. */
  slots: (value: unknown) => {
    const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
    return list.length > 0 ? list : [''];
  },
  includes: (list: unknown, value: unknown) => (Array.isArray(list) ? list.includes(value) : list === value),
  /** "Tue 3 Mar 2027 · in 5 days", in the viewer's zone (a calendar date such as "2027-03-03" stays that day). */
  day: (value: unknown, options: HelperOptions) => {
    if (typeof value === 'string' && CALENDAR_DATE.test(value)) return dayWithHint(value, viewerZone(options));
    const date = asDate(value);
    return date ? dayWithHint(date, viewerZone(options)) : '';
  },
  /** "Tue 3 Mar 2027": a calendar date as it is, a moment as its day in the viewer's zone (no hint); other text unchanged. */
  date: (value: unknown, options: HelperOptions) => {
    if (typeof value === 'string' && CALENDAR_DATE.test(value)) return formatDay(value);
    if (value instanceof Date) return formatDay(value, viewerZone(options));
    return value === null || value === undefined ? '' : String(value);
  },
  /** "Tue 3 Mar 2027, 10:00 CET · in 5 days", in the viewer's zone. */
  dateTime: (value: unknown, options: HelperOptions) => {
    const date = asDate(value);
    return date ? dateTimeWithHint(date, viewerZone(options)) : '';
  },
  /** "Thu 3 Dec 2026, 14:30–15:30 CET · in 5 days": a meeting's start and length, in the viewer's zone. */
  meeting: (startsAt: unknown, durationMinutes: unknown, options: HelperOptions) => {
    const date = asDate(startsAt);
    return date ? meetingOnPage(date, Number(durationMinutes) || 0, viewerZone(options)) : '';
  },
  /** Every IANA zone as select options: {{> select options=(timeZoneOptions) …}}. */
  timeZoneOptions: () => TIME_ZONE_OPTIONS,
  /** "today", "in 5 days", "3 days ago": calendar days in the viewer's zone. */
  relativeDay: (value: unknown, options: HelperOptions) => {
    const date = asDate(value);
    return date ? relativeDays(date, new Date(), viewerZone(options)) : '';
  },
  /** The viewer's zone's name, e.g. "Europe/Berlin", for a page that says which zone its times are in. */
  viewerZone: (options: HelperOptions) => viewerZone(options),
  isoDate: (value: unknown) => asDate(value)?.toISOString() ?? '',
  /** The first error for a field, from the root "errors" map. */
  fieldError: (name: string, options: HelperOptions) => {
    const errors = options.data?.root?.errors as Record<string, string[]> | undefined;
    return errors?.[name]?.[0] ?? '';
  },
  /** The submitted value of a field, from the root "values" map. */
  fieldValue: (name: string, options: HelperOptions) => {
    const values = options.data?.root?.values as Record<string, unknown> | undefined;
    const value = values?.[name];
    return value === undefined || value === null ? '' : String(value);
  },
  /** For <script type="application/ld+json">{{jsonScript data}}</script>: see scriptJson. */
  jsonScript: (value: unknown) => new hbs.handlebars.SafeString(scriptJson(value)),
  plural: (count: number, singular: string, pluralForm: string) => (count === 1 ? singular : pluralForm),
};
