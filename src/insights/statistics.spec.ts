import { spearman } from './statistics.js';

/** An independent Spearman: Pearson's r on midranks, written out here to check the library's answer. */
function reference(xs: number[], ys: number[]): number {
  const ranks = (values: number[]) =>
    values.map((value) => {
      const below = values.filter((other) => other < value).length;
      const equal = values.filter((other) => other === value).length;
      return below + (equal + 1) / 2;
    });
  const [rx, ry] = [ranks(xs), ranks(ys)];
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const [mx, my] = [mean(rx), mean(ry)];
  const cov = rx.reduce((sum, value, index) => sum + (value - mx) * (ry[index] - my), 0);
  const sx = Math.sqrt(rx.reduce((sum, value) => sum + (value - mx) ** 2, 0));
  const sy = Math.sqrt(ry.reduce((sum, value) => sum + (value - my) ** 2, 0));
  return cov / (sx * sy);
}

describe(spearman.name, () => {
  const xs = [62, 71, 71, 80, 55, 90, 68, 77, 84, 59, 73, 66];
  const ys = [0.5, 0.75, 0.6, 1, 0.25, 0.9, 0.5, 0.8, 1, 0.4, 0.5, 0.75];

  it('matches an independent computation, ties included, with a 95% interval around it', () => {
    const result = spearman(xs.map((x, index) => [x, ys[index]]));
    expect(result.n).toBe(12);
    expect(result.rho).toBeCloseTo(reference(xs, ys), 10);
    const se = Math.sqrt(1.06 / 9);
    expect(result.low).toBeCloseTo(Math.tanh(Math.atanh(result.rho!) - 1.96 * se), 10);
    expect(result.high).toBeCloseTo(Math.tanh(Math.atanh(result.rho!) + 1.96 * se), 10);
    expect(result.low!).toBeLessThan(result.rho!);
    expect(result.high!).toBeGreaterThan(result.rho!);
  });

  it('gives no number below the minimum n', () => {
    expect(spearman(xs.slice(0, 9).map((x, index) => [x, ys[index]]))).toEqual({
      n: 9,
      rho: null,
      low: null,
      high: null,
    });
  });

  it('gives no number when a measure does not vary', () => {
    expect(spearman(ys.map((y) => [3, y])).rho).toBeNull();
  });
});
