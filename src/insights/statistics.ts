import { sampleRankCorrelation } from 'simple-statistics';

/** Below this many hires, the validity report says there is not enough data instead of showing a number. */
export const MIN_N = 10;

export interface Correlation {
  n: number;
  rho: number | null;
  low: number | null;
  high: number | null;
}

/**
 * Spearman's rank correlation (midranks for ties, from simple-statistics) with a 95% interval from Fisher's z
 * and the Fieller–Hartley–Pearson standard error √(1.06 / (n − 3)). Null below MIN_N pairs.
 */
export function spearman(pairs: [number, number][], minN = MIN_N): Correlation {
  const n = pairs.length;
  if (n < minN || n < 4) return { n, rho: null, low: null, high: null };
  const rho = sampleRankCorrelation(
    pairs.map(([x]) => x),
    pairs.map(([, y]) => y),
  );
  if (!Number.isFinite(rho)) return { n, rho: null, low: null, high: null };
  const z = Math.atanh(Math.max(-0.999999, Math.min(0.999999, rho)));
  const se = Math.sqrt(1.06 / (n - 3));
  return { n, rho, low: Math.tanh(z - 1.96 * se), high: Math.tanh(z + 1.96 * se) };
}
