import { errorFunction } from 'simple-statistics';

/** Groups with fewer people than this at a step are "too few to report": no count, rate or test is shown. */
export const MIN_GROUP = 5;

/** The Uniform Guidelines' rule of thumb, 29 CFR 1607.4(D): a rate below four-fifths of the highest group's. */
export const FOUR_FIFTHS = 0.8;

export interface GroupCount {
  group: string;
  applicants: number;
  selected: number;
  /** Hidden although large enough, so that a small group's count cannot be worked out by subtraction. */
  suppressed?: boolean;
}

export interface Significance {
  test: 'Fisher’s exact' | 'Two-proportion z';
  /** Two-sided p-value. */
  p: number;
  z?: number;
}

export interface ImpactRow {
  group: string;
  /** Null when the group is too few to report. */
  applicants: number | null;
  selected: number | null;
  rate: number | null;
  /** This group's rate divided by the highest rate among the reported groups. */
  ratio: number | null;
  /** The reported group with the highest rate, which the others are compared with. */
  reference: boolean;
  /** True when the ratio is below four-fifths. */
  belowFourFifths: boolean;
  significance: Significance | null;
  tooFew: boolean;
}

/** ln(n!) for 0..n, by summing logarithms (exact enough for the counts of a selection step). */
function logFactorials(n: number): number[] {
  const table = [0];
  for (let i = 1; i <= n; i += 1) table.push(table[i - 1] + Math.log(i));
  return table;
}

/**
 * Fisher's exact test, two-sided, for the 2×2 table [[a, b], [c, d]]: the probability, under the hypergeometric
 * distribution with the table's margins fixed, of every table at most as likely as the one observed.
 */
export function fisherExact(a: number, b: number, c: number, d: number): number {
  const row1 = a + b;
  const col1 = a + c;
  const n = a + b + c + d;
  const lf = logFactorials(n);
  const logChoose = (k: number, r: number) => lf[k] - lf[r] - lf[k - r];
  // P(X = x): x in the top-left cell, from C(col1, x) C(n − col1, row1 − x) / C(n, row1).
  const probability = (x: number) => Math.exp(logChoose(col1, x) + logChoose(n - col1, row1 - x) - logChoose(n, row1));
  const observed = probability(a);
  let p = 0;
  for (let x = Math.max(0, row1 + col1 - n); x <= Math.min(row1, col1); x += 1) {
    const px = probability(x);
    // The relative tolerance keeps tables exactly as likely as the observed one, whatever the rounding.
    if (px <= observed * (1 + 1e-7)) p += px;
  }
  return Math.min(1, p);
}

/** The standard normal distribution function, from the error function (simple-statistics). */
const normalCdf = (z: number) => 0.5 * (1 + errorFunction(z / Math.SQRT2));

/**
 * The two-proportion z-test with the pooled proportion: z = (p1 − p2) / √(p (1 − p) (1/n1 + 1/n2)); two-sided p.
 * Null when nobody or everybody was selected (no variance to test against).
 */
export function twoProportionZ(
  selected1: number,
  n1: number,
  selected2: number,
  n2: number,
): { z: number; p: number } | null {
  const pooled = (selected1 + selected2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (!se) return null;
  const z = (selected1 / n1 - selected2 / n2) / se;
  return { z, p: Math.min(1, 2 * (1 - normalCdf(Math.abs(z)))) };
}

/**
 * A group against the reference group: Fisher's exact test when any expected count of the 2×2 table is below 5
 * (where the normal approximation is poor), the two-proportion z-test otherwise.
 */
export function significance(group: GroupCount, reference: GroupCount): Significance | null {
  const table = [
    [group.selected, group.applicants - group.selected],
    [reference.selected, reference.applicants - reference.selected],
  ];
  const n = group.applicants + reference.applicants;
  const rows = [group.applicants, reference.applicants];
  const columns = [group.selected + reference.selected, n - group.selected - reference.selected];
  if (columns[0] === 0 || columns[1] === 0) return null;
  const small = rows.some((row) => columns.some((column) => (row * column) / n < 5));
  if (small) return { test: 'Fisher’s exact', p: fisherExact(table[0][0], table[0][1], table[1][0], table[1][1]) };
  const z = twoProportionZ(group.selected, group.applicants, reference.selected, reference.applicants);
  return z && { test: 'Two-proportion z', p: z.p, z: z.z };
}

/**
 * One dimension at one step: each group's selection rate, its impact ratio to the highest-rate group and the
 * four-fifths flag, with a significance test against that group. Groups below `minGroup` are too few to report and
 * take no part (neither as the reference nor compared).
 */
export function adverseImpact(groups: GroupCount[], minGroup = MIN_GROUP): ImpactRow[] {
  const hidden = (group: GroupCount) => group.applicants < minGroup || group.suppressed === true;
  const reported = groups.filter((group) => !hidden(group));
  const rate = (group: GroupCount) => group.selected / group.applicants;
  const reference = reported.reduce<GroupCount | null>(
    (best, group) => (!best || rate(group) > rate(best) ? group : best),
    null,
  );
  const highest = reference ? rate(reference) : 0;
  return groups.map((group) => {
    if (hidden(group))
      return {
        group: group.group,
        applicants: null,
        selected: null,
        rate: null,
        ratio: null,
        reference: false,
        belowFourFifths: false,
        significance: null,
        tooFew: true,
      };
    const ratio = highest > 0 ? rate(group) / highest : null;
    const isReference = group === reference;
    return {
      group: group.group,
      applicants: group.applicants,
      selected: group.selected,
      rate: rate(group),
      ratio,
      reference: isReference,
      // In whole numbers, so that exactly four-fifths (e.g. 40% against 50%) is not flagged by a rounding error.
      belowFourFifths:
        reference !== null &&
        highest > 0 &&
        5 * group.selected * reference.applicants < 4 * reference.selected * group.applicants,
      significance: isReference || !reference ? null : significance(group, reference),
      tooFew: false,
    };
  });
}

/**
 * Complementary suppression for one dimension: groups below minGroup are hidden; when the hidden groups hold between
 * 1 and minGroup − 1 people together, anyone could subtract the shown counts from the step's total and find them, so
 * the smallest shown rows (groups, or those who did not say) are hidden too, until the hidden rows hold minGroup or
 * more. Those who did not say are hidden below minGroup as well, but their count alone reveals nobody's answer.
 */
export function rowsToHide(
  groups: number[],
  undisclosed: number,
  minGroup = MIN_GROUP,
): { groups: boolean[]; undisclosed: boolean } {
  const counts = [...groups, undisclosed];
  const hide = counts.map((count) => count < minGroup);
  const sum = (indexes: number[]) => indexes.reduce((total, index) => total + (hide[index] ? counts[index] : 0), 0);
  const groupIndexes = groups.map((_, index) => index);
  const allIndexes = counts.map((_, index) => index);
  while (sum(groupIndexes) > 0 && sum(allIndexes) < minGroup) {
    const shown = allIndexes.filter((index) => !hide[index]);
    if (!shown.length) break;
    hide[shown.reduce((smallest, index) => (counts[index] < counts[smallest] ? index : smallest))] = true;
  }
  return { groups: hide.slice(0, groups.length), undisclosed: hide[groups.length] };
}
