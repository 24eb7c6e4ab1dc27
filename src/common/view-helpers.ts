import type { HelperOptions } from 'handlebars';
import hbs from 'hbs';
import { formatDateTime, formatDay, relativeDays } from './dates.js';

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
  /** "Tue 3 Mar 2027 · in 5 days" */
  day: (value: unknown) => {
    const date = asDate(value);
    return date ? `${formatDay(date)} · ${relativeDays(date)}` : '';
  },
  dateTime: (value: unknown) => {
    const date = asDate(value);
    return date ? formatDateTime(date) : '';
  },
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
