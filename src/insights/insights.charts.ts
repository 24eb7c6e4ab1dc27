import { scaleLinear } from 'd3-scale';
import type { ValidityRow } from './insights.service.js';

const short = (text: string, length = 34) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** A forest plot: each measure's ρ as a dot on −1…1 with its 95% interval as a line; zero marked. */
export function forestPlot(rows: ValidityRow[]) {
  const shown = rows.filter((row) => row.correlation.rho !== null);
  const x = scaleLinear().domain([-1, 1]).range([250, 620]);
  return {
    height: shown.length * 26 + 34,
    zero: x(0),
    ticks: [-1, -0.5, 0, 0.5, 1].map((tick) => ({ x: x(tick), label: tick.toFixed(1) })),
    rows: shown.map((row, index) => ({
      y: index * 26 + 14,
      label: short(row.measure),
      low: x(row.correlation.low!),
      high: x(row.correlation.high!),
      rho: x(row.correlation.rho!),
      text: `${row.measure}: ${row.correlation.rho!.toFixed(2)}`,
    })),
  };
}

/** Diverging bars: each interviewer's difference from the other panelists, lenient to the right. */
export function calibrationBars(rows: { name: string; delta: number | null }[]) {
  const shown = rows.filter((row) => row.delta !== null);
  const extent = Math.max(1, ...shown.map((row) => Math.abs(row.delta!)));
  const x = scaleLinear().domain([-extent, extent]).range([180, 600]);
  return {
    height: shown.length * 28 + 30,
    zero: x(0),
    ticks: [-extent, 0, extent].map((tick) => ({
      x: x(tick),
      label: tick > 0 ? `+${tick.toFixed(1)}` : tick.toFixed(1),
    })),
    rows: shown.map((row, index) => ({
      y: index * 28 + 6,
      label: short(row.name, 24),
      x: Math.min(x(0), x(row.delta!)),
      width: Math.abs(x(row.delta!) - x(0)),
      lenient: row.delta! > 0,
      text: `${row.name}: ${row.delta!.toFixed(2)}`,
    })),
  };
}
