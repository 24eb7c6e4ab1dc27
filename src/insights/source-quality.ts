import { SOURCE_LABELS, type Source } from '../candidates/entities/candidate.entity.js';
import type { SourceQualityGroup } from './insights.repository.js';
import { numberFormat } from '../common/intl.js';

/** The sources in the order the report lists them. */
export const SOURCE_ORDER: Source[] = ['careers-page', 'recruiter', 'referral', 'sourced'];

/** Fees are in each position's currency: a total per currency, never added across currencies. */
export type Fees = Map<string, number>;

export interface SourceQualityRow {
  label: string;
  /** The agency's fee, in percent of the first-year salary (agency rows only). */
  feePercent: number | null;
  applications: number;
  vetted: number;
  hires: number;
  /** Hires with the month-10 review recorded. */
  reviewed: number;
  keepers: number;
  /** The mean first-year attainment (0–1) of reviewed hires, and how many hires it is over. */
  attainment: number | null;
  attained: number;
  /** Null where no fee is paid (careers page, referral, sourced). */
  fees: Fees | null;
  /** Hires whose fee cannot be worked out: no salary on the accepted offer. */
  unsalaried: number;
  /** Recruiter hires credited to no agency (their fee is unknown). */
  unattributed: number;
}

const emptyRow = (label: string, feePercent: number | null, fees: Fees | null): SourceQualityRow => ({
  label,
  feePercent,
  applications: 0,
  vetted: 0,
  hires: 0,
  reviewed: 0,
  keepers: 0,
  attainment: null,
  attained: 0,
  fees,
  unsalaried: 0,
  unattributed: 0,
});

/** Adds a group's counts to a row; the attainment is summed here and made a mean in `finish`. */
function add(row: SourceQualityRow, group: SourceQualityGroup, withFees: boolean): void {
  const hires = Number(group.hires);
  row.applications += Number(group.applications);
  row.vetted += Number(group.vetted);
  row.hires += hires;
  row.reviewed += Number(group.reviewed);
  row.keepers += Number(group.keepers);
  row.attainment = (row.attainment ?? 0) + Number(group.attainmentSum ?? 0);
  row.attained += Number(group.attained);
  if (!withFees || !row.fees) return;
  if (group.agencyId === null) {
    row.unattributed += hires;
    return;
  }
  row.unsalaried += Number(group.unsalaried);
  if (group.fees !== null) row.fees.set(group.currency, (row.fees.get(group.currency) ?? 0) + Number(group.fees));
}

function finish(row: SourceQualityRow): SourceQualityRow {
  return { ...row, attainment: row.attained ? row.attainment! / row.attained : null };
}

/**
 * The two tables of the source-quality report from the grouped counts: one row per source (all four, in order) and
 * one per agency (every active agency, and any other with applications in the report).
 */
export function sourceQualityTables(
  groups: SourceQualityGroup[],
  agencies: { id: number; name: string; feePercent: number | string; active: boolean | number }[],
) {
  const sources = SOURCE_ORDER.map((source) => {
    const row = emptyRow(SOURCE_LABELS[source], null, source === 'recruiter' ? new Map() : null);
    for (const group of groups.filter((item) => item.source === source)) add(row, group, source === 'recruiter');
    return finish(row);
  });
  const credited = (id: number) => groups.filter((group) => group.agencyId !== null && Number(group.agencyId) === id);
  const byAgency = agencies
    .filter((agency) => Boolean(agency.active) || credited(Number(agency.id)).length > 0)
    .map((agency) => {
      const row = emptyRow(agency.name, Number(agency.feePercent), new Map());
      for (const group of credited(Number(agency.id))) add(row, group, true);
      return finish(row);
    });
  return { sources, agencies: byAgency };
}

/** The fees divided by the keepers, per currency; null without keepers or without a known fee. */
export function feePerKeeper(row: SourceQualityRow): Fees | null {
  if (!row.fees || row.fees.size === 0 || row.keepers === 0) return null;
  return new Map([...row.fees].map(([currency, amount]) => [currency, amount / row.keepers]));
}

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : null);
const count = (n: number, singular: string, plural: string) => `${n} ${n === 1 ? singular : plural}`;
const byCurrency = (fees: Fees) => [...fees].sort(([a], [b]) => a.localeCompare(b));

function money(amount: number, currency: string): string {
  return numberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

/** Fees as the page shows them: one amount per currency, joined with "+". */
const shownFees = (fees: Fees) =>
  byCurrency(fees)
    .map(([currency, amount]) => money(amount, currency))
    .join(' + ');

/** Fees as the CSV has them: a whole number in one currency, or "amount CODE + amount CODE" in several. */
function csvFees(fees: Fees | null): string | number | null {
  if (!fees || fees.size === 0) return null;
  if (fees.size === 1) return Math.round([...fees.values()][0]);
  return byCurrency(fees)
    .map(([currency, amount]) => `${Math.round(amount)} ${currency}`)
    .join(' + ');
}

/** Why the fee total leaves hires out, if it does. */
function feeNotes(row: SourceQualityRow): string[] {
  return [
    ...(row.unsalaried ? [`${count(row.unsalaried, 'hire', 'hires')} without a salary`] : []),
    ...(row.unattributed ? [`${count(row.unattributed, 'hire', 'hires')} credited to no agency`] : []),
  ];
}

/** A row's cells as the page shows them (after the name, and for agencies the fee). */
export function pageCells(row: SourceQualityRow, minN: number): string[] {
  const notes = feeNotes(row);
  const perKeeper = feePerKeeper(row);
  const small = row.reviewed < minN ? ' · few hires' : '';
  return [
    String(row.applications),
    row.applications ? `${row.vetted} (${percent(row.vetted, row.applications)}%)` : '0',
    String(row.hires),
    row.reviewed
      ? `${row.keepers} of ${row.reviewed} reviewed (${percent(row.keepers, row.reviewed)}%)${small}`
      : row.hires
        ? 'none reviewed yet'
        : '—',
    row.attainment === null ? '—' : `${Math.round(row.attainment * 100)}% (${count(row.attained, 'hire', 'hires')})`,
    row.fees === null
      ? 'No fee'
      : `${row.fees.size ? shownFees(row.fees) : '—'}${notes.length ? ` (${notes.join(', ')})` : ''}`,
    row.fees === null ? 'No fee' : perKeeper ? shownFees(perKeeper) : '—',
  ];
}

export const SOURCE_QUALITY_CSV_HEADER = [
  'Group',
  'Name',
  'Agency fee (%)',
  'Applications',
  'Passed vetting',
  'Passed vetting (%)',
  'Hired',
  'Hires reviewed at month 10',
  'Keepers at month 10',
  'Keepers (% of hires reviewed)',
  'Mean outcome attainment (%)',
  'Hires in the attainment mean',
  'Total fees',
  'Fee per keeper',
  'Currency',
  'Hires without a salary',
  'Hires credited to no agency',
];

/** A row as the CSV has it: every count in its own column, fees as whole amounts. */
export function csvCells(group: 'Source' | 'Agency', row: SourceQualityRow): (string | number | null)[] {
  const fees = row.fees;
  return [
    group,
    row.label,
    row.feePercent,
    row.applications,
    row.vetted,
    percent(row.vetted, row.applications),
    row.hires,
    row.reviewed,
    row.keepers,
    percent(row.keepers, row.reviewed),
    row.attainment === null ? null : Math.round(row.attainment * 100),
    row.attained,
    fees === null ? 'no fee' : csvFees(fees),
    fees === null ? 'no fee' : csvFees(feePerKeeper(row)),
    fees === null || fees.size === 0
      ? null
      : byCurrency(fees)
          .map(([currency]) => currency)
          .join(' + '),
    fees === null ? null : row.unsalaried,
    group === 'Source' && fees !== null ? row.unattributed : null,
  ];
}
