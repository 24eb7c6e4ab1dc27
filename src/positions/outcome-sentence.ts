import type { DeadlineKind, OutcomeFields, TargetKind } from './outcome-fields.js';
import { numberFormat } from '../common/intl.js';

const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Composes the result statement shown to candidates; a half-filled draft yields a readable fragment. */
export function composeOutcomeSentence(outcome: OutcomeFields): string {
  const metric = clean(outcome.metric);
  const unit = clean(outcome.targetUnit);
  const target = targetText(outcome.targetKind, outcome.targetValue, outcome.targetMax, unit);
  const lead =
    metric && target ? (countedMetric(outcome, metric, unit) ?? `${metric} of ${target}`) : (metric ?? target);
  const second =
    outcome.secondValue === null
      ? null
      : `to ${countText(outcome.secondValue, outcome.secondMax, clean(outcome.secondUnit))}`;
  const scope = clean(outcome.scope);
  const deadline = deadlineText(outcome.deadlineKind, outcome.deadlineN);
  const parts = [lead, second, scope ? `in ${scope}` : null, deadline].filter((part): part is string => !!part);
  if (parts.length === 0) return '';
  const sentence = parts.join(', ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/**
 * A count whose unit the metric already names reads as the number and the metric: "12 technical wins on qualified
 * opportunities", not "Technical wins on qualified opportunities of 12 technical wins".
 */
function countedMetric(outcome: OutcomeFields, metric: string, unit: string | null): string | null {
  if (outcome.targetKind !== 'count' || outcome.targetValue === null || !unit) return null;
  if (!metric.toLowerCase().includes(unit.toLowerCase())) return null;
  const startsLower = /^[A-Z][a-z]/.test(metric) ? `${metric.charAt(0).toLowerCase()}${metric.slice(1)}` : metric;
  return `${range(outcome.targetValue, outcome.targetMax, (n) => countFormat.format(n))} ${startsLower}`;
}

export function ordinal(n: number): string {
  const lastTwo = Math.abs(n) % 100;
  const last = Math.abs(n) % 10;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  if (last === 1) return `${n}st`;
  if (last === 2) return `${n}nd`;
  if (last === 3) return `${n}rd`;
  return `${n}th`;
}

export function deadlineText(kind: DeadlineKind | null, n: number | null): string | null {
  if (kind === null || n === null || !Number.isInteger(n) || n < 1) return null;
  if (kind === 'month-close') return `by the close of the ${ordinal(n)} full month following your hire date`;
  return `within ${countFormat.format(n)} ${n === 1 ? 'day' : 'days'} of your start date`;
}

function targetText(
  kind: TargetKind | null,
  value: number | null,
  max: number | null,
  unit: string | null,
): string | null {
  if (value === null) return null;
  if (kind === 'currency') return range(value, max, (n) => money(n, unit));
  if (kind === 'percent') return range(value, max, (n) => `${countFormat.format(n)}%`);
  return countText(value, max, unit);
}

function countText(value: number, max: number | null, unit: string | null): string {
  const numbers = range(value, max, (n) => countFormat.format(n));
  return unit ? `${numbers} ${unit}` : numbers;
}

function range(value: number, max: number | null, format: (n: number) => string): string {
  return max === null || max === value ? format(value) : `between ${format(value)} and ${format(max)}`;
}

function money(value: number, unit: string | null): string {
  const digits = Number.isInteger(value) ? 0 : 2;
  const currency = (unit ?? 'USD').toUpperCase();
  try {
    return numberFormat('en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(value);
  } catch {
    // A draft may hold a unit that is not an ISO code ("dollars"); show it rather than fail the page.
    return `${countFormat.format(value)} ${unit}`;
  }
}

/** Trims, collapses inner whitespace and drops trailing full stops so the sentence ends with exactly one. */
function clean(text: string | null): string | null {
  const cleaned = (text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.\s]+$/, '');
  return cleaned === '' ? null : cleaned;
}
