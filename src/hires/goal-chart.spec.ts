import { compact, goalChart } from './goal-chart.js';

describe(goalChart.name, () => {
  const target = [
    { on: '2026-01-01', value: 0 },
    { on: '2026-06-30', value: 3 },
    { on: '2026-12-31', value: 10 },
  ];
  const actuals = [
    { on: '2026-03-31', value: 1 },
    { on: '2026-06-30', value: 4 },
  ];

  it('draws the target path from the first to the last point and a dot per actual', () => {
    const chart = goalChart(target, actuals, 560, 220);
    // Starts at the left edge at zero (the bottom of the plot), ends at the right edge at the top.
    expect(chart.targetPath.startsWith(`M${chart.plot.left},${chart.plot.bottom}`)).toBe(true);
    expect(chart.targetPath.endsWith(`${chart.plot.right},${chart.plot.top}`)).toBe(true);
    expect(chart.dots.map((dot) => dot.label)).toEqual(['2026-03-31: 1', '2026-06-30: 4']);
    // 4 of 10 is 40% of the way up the plot.
    expect(chart.dots[1].y).toBeCloseTo(chart.plot.bottom - 0.4 * (chart.plot.bottom - chart.plot.top), 6);
    expect(chart.yTicks.at(-1)!.label).toBe('10');
  });

  it('has no actual line before the first check-in', () => {
    expect(goalChart(target, []).actualPath).toBe('');
  });

  it('writes large numbers short', () => {
    expect(compact(1_200_000)).toBe('1.2M');
    expect(compact(250_000)).toBe('250K');
  });
  it('draws a chart once per set of points: the same inputs give the same drawing, a new check-in a new one', () => {
    const target = [
      { on: '2026-01-05' as const, value: 0 },
      { on: '2026-12-28' as const, value: 100 },
    ];
    const first = goalChart(target, [{ on: '2026-02-02', value: 10 }]);
    expect(goalChart(target, [{ on: '2026-02-02', value: 10 }])).toBe(first);
    const later = goalChart(target, [
      { on: '2026-02-02', value: 10 },
      { on: '2026-03-02', value: 30 },
    ]);
    expect(later).not.toBe(first);
    expect(later.dots).toHaveLength(2);
  });
});
