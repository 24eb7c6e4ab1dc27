import { calibrationBars, forestPlot } from './insights.charts.js';

describe(forestPlot.name, () => {
  it('places each ρ and its interval on −1…1 and leaves out measures without enough data', () => {
    const chart = forestPlot([
      { measure: 'Eligibility', group: 'vetting', correlation: { n: 12, rho: 0.5, low: 0, high: 0.8 } },
      { measure: 'Writing', group: 'vetting', correlation: { n: 4, rho: null, low: null, high: null } },
    ]);
    expect(chart.rows).toHaveLength(1);
    const [row] = chart.rows;
    // −1…1 maps onto 250…620: 0 is at 435, 0.5 at 527.5, 0.8 at 583.
    expect([row.low, row.rho, row.high]).toEqual([435, 527.5, 583]);
    expect(chart.zero).toBe(435);
    expect(row.text).toBe('Eligibility: 0.50');
  });
});

describe(calibrationBars.name, () => {
  it('draws lenient interviewers to the right of zero and severe ones to the left, in proportion', () => {
    const chart = calibrationBars([
      { name: 'Alice', delta: 1.25 },
      { name: 'Bob', delta: -0.5 },
      { name: 'New', delta: null },
    ]);
    expect(chart.rows.map((row) => [row.label, row.lenient])).toEqual([
      ['Alice', true],
      ['Bob', false],
    ]);
    expect(chart.rows[0].x).toBe(chart.zero);
    expect(chart.rows[1].x + chart.rows[1].width).toBeCloseTo(chart.zero, 10);
    expect(chart.rows[0].width / chart.rows[1].width).toBeCloseTo(2.5, 10);
  });
});
