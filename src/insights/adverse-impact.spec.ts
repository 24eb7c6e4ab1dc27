import { describe, expect, it } from '@jest/globals';
import { adverseImpact, fisherExact, rowsToHide, significance, twoProportionZ } from './adverse-impact.js';

describe('fisherExact', () => {
  it('gives the tea-tasting table [[3,1],[1,3]] its two-sided p of 0.4857', () => {
    // Margins 4, 4 (rows) and 4, 4 (columns) of 8 cups: P(x) = C(4,x) C(4,4−x) / C(8,4) = 1, 16, 36, 16, 1 over 70.
    // The observed x = 3 has 16/70; tables as likely or less: x = 0, 1, 3, 4 → (1 + 16 + 16 + 1) / 70 = 34/70.
    expect(fisherExact(3, 1, 1, 3)).toBeCloseTo(34 / 70, 10);
    expect(fisherExact(3, 1, 1, 3)).toBeCloseTo(0.4857, 4);
  });

  it('sums only the tables at most as likely as the one observed', () => {
    // [[4,0],[0,4]]: x = 4 has 1/70; only x = 0 and x = 4 are as likely → 2/70.
    expect(fisherExact(4, 0, 0, 4)).toBeCloseTo(2 / 70, 10);
    // [[2,2],[2,2]] is the likeliest table (36/70): every table counts → 1.
    expect(fisherExact(2, 2, 2, 2)).toBeCloseTo(1, 10);
  });

  it('matches the published value for [[1,9],[11,3]] (p = 0.002759)', () => {
    // Margins 10, 14 / 12, 12 of 24: P(x) = C(12,x) C(12,10−x) / C(24,10), C(24,10) = 1961256. Observed x = 1:
    // 12 · 220 = 2640. As likely or less: x = 0 (1 · 66), 1 (2640), 9 (220 · 12 = 2640), 10 (66); x = 2 has 66 · 495.
    // p = (66 + 2640 + 2640 + 66) / 1961256 = 5412 / 1961256 = 0.0027594 (R's fisher.test gives 0.002759).
    expect(fisherExact(1, 9, 11, 3)).toBeCloseTo(0.002759, 5);
  });
});

describe('twoProportionZ', () => {
  it('works out 30 of 100 against 50 of 100', () => {
    // Pooled p = 80/200 = 0.4; SE = √(0.4 · 0.6 · (1/100 + 1/100)) = √0.0048 = 0.069282;
    // z = (0.3 − 0.5) / 0.069282 = −2.8868; two-sided p = 2 · (1 − Φ(2.8868)) = 0.00389.
    const result = twoProportionZ(30, 100, 50, 100)!;
    expect(result.z).toBeCloseTo(-2.8868, 3);
    expect(result.p).toBeCloseTo(0.00389, 4);
  });

  it('has nothing to test when everybody or nobody was selected', () => {
    expect(twoProportionZ(10, 10, 20, 20)).toBeNull();
    expect(twoProportionZ(0, 10, 0, 20)).toBeNull();
  });
});

describe('significance', () => {
  it('uses Fisher’s exact test when an expected count is below 5, the z-test otherwise', () => {
    // 3 of 4 against 1 of 4: every expected count is 4·4/8 = 2 < 5.
    expect(
      significance({ group: 'B', applicants: 4, selected: 1 }, { group: 'A', applicants: 4, selected: 3 }),
    ).toEqual({ test: 'Fisher’s exact', p: expect.closeTo(34 / 70, 10) });
    // 30/100 against 50/100: the smallest expected count is 100·80/200 = 40.
    const z = significance(
      { group: 'B', applicants: 100, selected: 30 },
      { group: 'A', applicants: 100, selected: 50 },
    );
    expect(z).toMatchObject({ test: 'Two-proportion z', p: expect.closeTo(0.00389, 4) });
  });
});

describe('adverseImpact', () => {
  it('compares each group with the highest-rate group and flags ratios below four-fifths', () => {
    const rows = adverseImpact([
      { group: 'Female', applicants: 100, selected: 30 },
      { group: 'Male', applicants: 100, selected: 50 },
      // 3 of 4 is the highest rate but too few to report: it is neither shown nor the reference.
      { group: 'Other', applicants: 4, selected: 3 },
    ]);
    // Female: 0.30 / 0.50 = 0.60 < 0.8 → flagged; Male is the reference (ratio 1).
    expect(rows[0]).toMatchObject({
      rate: 0.3,
      ratio: expect.closeTo(0.6, 10),
      belowFourFifths: true,
      reference: false,
    });
    expect(rows[0].significance).toMatchObject({ test: 'Two-proportion z', p: expect.closeTo(0.00389, 4) });
    expect(rows[1]).toMatchObject({ rate: 0.5, ratio: 1, belowFourFifths: false, reference: true, significance: null });
    expect(rows[2]).toEqual(expect.objectContaining({ tooFew: true, applicants: null, selected: null, rate: null }));
  });

  it('does not flag a ratio of exactly four-fifths', () => {
    // 8/20 = 0.40 against 10/20 = 0.50: 0.40 / 0.50 = 0.8 exactly, which is not below four-fifths.
    const [low] = adverseImpact([
      { group: 'B', applicants: 20, selected: 8 },
      { group: 'A', applicants: 20, selected: 10 },
    ]);
    expect(low.ratio).toBeCloseTo(0.8, 10);
    expect(low.belowFourFifths).toBe(false);
    // 7/20 = 0.35: 0.35 / 0.50 = 0.7 → flagged.
    expect(
      adverseImpact([
        { group: 'B', applicants: 20, selected: 7 },
        { group: 'A', applicants: 20, selected: 10 },
      ])[0].belowFourFifths,
    ).toBe(true);
  });

  it('counts a group of exactly five, and calls four too few', () => {
    const rows = adverseImpact([
      { group: 'Five', applicants: 5, selected: 1 },
      { group: 'Four', applicants: 4, selected: 4 },
      { group: 'Ten', applicants: 10, selected: 6 },
    ]);
    expect(rows.map((row) => row.tooFew)).toEqual([false, true, false]);
    // Five: 0.2 / 0.6 = 0.333; Fisher's exact (expected counts below 5) for [[1,4],[6,4]].
    expect(rows[0].ratio).toBeCloseTo(1 / 3, 10);
    expect(rows[0].significance?.test).toBe('Fisher’s exact');
  });

  it('gives no ratio when nobody was selected', () => {
    const rows = adverseImpact([
      { group: 'A', applicants: 6, selected: 0 },
      { group: 'B', applicants: 7, selected: 0 },
    ]);
    expect(rows.map((row) => [row.ratio, row.belowFourFifths, row.significance])).toEqual([
      [null, false, null],
      [null, false, null],
    ]);
  });
});

describe('rowsToHide', () => {
  it('hides the groups below five, and the smallest shown row when the hidden ones could be found by subtraction', () => {
    // 2 women, 6 men, nobody who did not say: the 2 could be worked out as total − 6, so the men are hidden too.
    expect(rowsToHide([2, 6], 0)).toEqual({ groups: [true, true], undisclosed: true });
    // 3 and 4 hidden hold 7 together: enough, nothing more to hide.
    expect(rowsToHide([3, 4, 20, 9], 6)).toEqual({ groups: [true, true, false, false], undisclosed: false });
    // 2 hidden: the smallest shown row goes too — here those who did not say (6) — and 8 hidden is enough.
    expect(rowsToHide([2, 30, 7], 6)).toEqual({ groups: [true, false, false], undisclosed: true });
    // 4 in a group and 3 who did not say, both hidden, hold 7: enough.
    expect(rowsToHide([11, 5, 4], 3)).toEqual({ groups: [false, false, true], undisclosed: true });
    // Only those who did not say are few: their count reveals nobody's answer, so nothing else is hidden.
    expect(rowsToHide([10, 10], 3)).toEqual({ groups: [false, false], undisclosed: true });
    // Groups of nobody reveal nobody.
    expect(rowsToHide([0, 12, 7], 5)).toEqual({ groups: [true, false, false], undisclosed: false });
  });
});
