/**
 * The fields of one outcome, as a manager writes them. Drafts may leave any of them empty;
 * the outcome check (outcome-check.ts) says what must be filled before publishing.
 */
export type TargetKind = 'currency' | 'count' | 'percent';
export type DeadlineKind = 'month-close' | 'days';

export const TARGET_KINDS: TargetKind[] = ['currency', 'count', 'percent'];
export const DEADLINE_KINDS: DeadlineKind[] = ['month-close', 'days'];

export interface OutcomeFields {
  /** e.g. "Billings at an annualized pace" */
  metric: string | null;
  targetKind: TargetKind | null;
  /** The number; with targetMax it is a range "between targetValue and targetMax". */
  targetValue: number | null;
  targetMax: number | null;
  /** For currency: an ISO code such as "USD"; for count: what is counted, e.g. "new customers". */
  targetUnit: string | null;
  /** An optional second measure, always a count: "to between 4 and 6 new customers". */
  secondValue: number | null;
  secondMax: number | null;
  secondUnit: string | null;
  /** e.g. "mid-market healthcare" */
  scope: string | null;
  /** "month-close": by the close of the Nth full month following the hire date; "days": within N days of the start date. */
  deadlineKind: DeadlineKind | null;
  deadlineN: number | null;
  /** Relative importance, 1–100. */
  weight: number | null;
}

export const OUTCOME_FIELDS: (keyof OutcomeFields)[] = [
  'metric',
  'targetKind',
  'targetValue',
  'targetMax',
  'targetUnit',
  'secondValue',
  'secondMax',
  'secondUnit',
  'scope',
  'deadlineKind',
  'deadlineN',
  'weight',
];

/** An outcome with the given fields filled and the rest empty. */
export function outcomeWith(fields: Partial<OutcomeFields> = {}): OutcomeFields {
  const empty = Object.fromEntries(OUTCOME_FIELDS.map((field) => [field, null])) as unknown as OutcomeFields;
  return { ...empty, ...pickOutcomeFields(fields) };
}

/** Only the outcome fields of an object (an entity or a form row). */
export function pickOutcomeFields(source: Partial<OutcomeFields>): Partial<OutcomeFields> {
  return Object.fromEntries(
    OUTCOME_FIELDS.filter((field) => source[field] !== undefined).map((field) => [field, source[field]]),
  );
}
