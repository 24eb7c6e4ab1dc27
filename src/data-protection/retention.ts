import type { RetentionOutcome } from './entities/retention-rule.entity.js';

/** The US floor: hiring records are kept at least one year from the decision (EEOC, 29 CFR 1602.14). */
export const MINIMUM_MONTHS = 12;

export const FLOOR_MESSAGE =
  `Keep these candidates at least ${MINIMUM_MONTHS} months: US law (EEOC, 29 CFR 1602.14) requires employers to ` +
  'keep hiring records for one year from the decision. Leave it blank to keep them with no limit.';

export const OUTCOME_LABELS: Record<RetentionOutcome, string> = {
  rejected: 'Rejected',
  withdrawn: 'Withdrew',
  'offer-not-taken': 'Offered, not hired',
  hired: 'Hired',
};

export const OUTCOME_HELP: Record<RetentionOutcome, string> = {
  rejected: 'Applications your company rejected before any offer. Counted from the day of the rejection.',
  withdrawn: 'Candidates who withdrew before any offer. Counted from the day they withdrew.',
  'offer-not-taken': 'An offer was made and then declined or withdrawn. Counted from that day.',
  hired:
    'Only the candidate record is anonymised (resume, answers, notes, contact details); the new hire’s own account, ' +
    'onboarding and development plan are employee records and stay. Counted from the day they accepted.',
};

/** The outcome of a decided application; null while it is still open. */
export function outcomeOf(stage: string, offered: boolean): RetentionOutcome | null {
  if (stage === 'hired') return 'hired';
  if (stage !== 'rejected' && stage !== 'withdrawn') return null;
  return offered ? 'offer-not-taken' : stage;
}

/** `date` moved by whole calendar months, the day clamped to the month's length (31 Mar − 1 month = 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const last = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, last));
  return result;
}
