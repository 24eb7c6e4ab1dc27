import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import type { IsoDate } from './plan-dates.js';
import { numberFormat } from '../common/intl.js';

export interface ChartPoint {
  on: IsoDate;
  value: number;
}

export interface GoalChart {
  width: number;
  height: number;
  targetPath: string;
  actualPath: string;
  dots: { x: number; y: number; label: string }[];
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  plot: { left: number; right: number; top: number; bottom: number };
}

const MARGIN = { top: 12, right: 16, bottom: 28, left: 72 };
const date = (on: IsoDate) => new Date(`${on}T00:00:00Z`);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Short numbers for axis labels: 1,200,000 → "1.2M". */
export function compact(value: number): string {
  return numberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/**
 * The geometry of a goal's chart — the path the plan expects and the actuals — computed with d3 scales and
 * line generators; the template draws it as SVG and shows the same numbers in a table.
 */
export function goalChart(target: ChartPoint[], actuals: ChartPoint[], width = 560, height = 220): GoalChart {
  // The plan page draws every goal's chart on every load; the geometry changes only with a check-in (or the plan).
  const key = JSON.stringify([target, actuals, width, height]);
  const drawn = DRAWN.get(key);
  if (drawn) return drawn;
  const chart = draw(target, actuals, width, height);
  if (DRAWN.size >= REMEMBERED_CHARTS) DRAWN.clear();
  DRAWN.set(key, chart);
  return chart;
}

/** Charts already drawn, by their inputs (a bound, not a cache policy: full, it starts again). Read-only to callers. */
const DRAWN = new Map<string, GoalChart>();
const REMEMBERED_CHARTS = 2_000;

function draw(target: ChartPoint[], actuals: ChartPoint[], width: number, height: number): GoalChart {
  const all = [...target, ...actuals];
  const dates = all.map((point) => date(point.on));
  const x = scaleUtc()
    .domain([new Date(Math.min(...dates.map(Number))), new Date(Math.max(...dates.map(Number)))])
    .range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...all.map((point) => point.value))])
    .nice()
    .range([height - MARGIN.bottom, MARGIN.top]);
  const path = line<ChartPoint>()
    .x((point) => x(date(point.on)))
    .y((point) => y(point.value));
  return {
    width,
    height,
    targetPath: path(target) ?? '',
    actualPath: path(actuals) ?? '',
    dots: actuals.map((point) => ({
      x: x(date(point.on)),
      y: y(point.value),
      label: `${point.on}: ${compact(point.value)}`,
    })),
    xTicks: x.ticks(6).map((tick) => ({
      x: x(tick),
      label: `${MONTHS[tick.getUTCMonth()]} ${String(tick.getUTCFullYear()).slice(2)}`,
    })),
    yTicks: y.ticks(4).map((tick) => ({ y: y(tick), label: compact(tick) })),
    plot: { left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: height - MARGIN.bottom },
  };
}
