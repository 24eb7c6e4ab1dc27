import { Injectable } from '@nestjs/common';
import { scaleLinear } from 'd3-scale';
import type { User } from '../accounts/entities/user.entity.js';
import { PIPELINE_STAGES, STAGE_LABELS } from '../candidates/entities/application.entity.js';
import { SOURCE_LABELS } from '../candidates/entities/candidate.entity.js';
import { InsightsRepository, type InsightsFilter } from './insights.repository.js';
import { MIN_N, spearman, type Correlation } from './statistics.js';

const num = (value: number | string | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);

/** Published validities of selection methods for job performance (DOMAIN.md). */
export const REFERENCE_FIGURES = [
  { method: 'Work sample', schmidtHunter: 0.54, sackett: 0.33 },
  { method: 'General mental ability', schmidtHunter: 0.51, sackett: null },
  { method: 'Structured interview', schmidtHunter: 0.51, sackett: 0.42 },
  { method: 'Unstructured interview', schmidtHunter: 0.38, sackett: 0.19 },
  { method: 'Years of experience', schmidtHunter: 0.18, sackett: 0.07 },
];

/** A panelist more than this far above (below) the others on the same interviews is lenient (severe). */
export const CALIBRATION_MARGIN = 0.25;

export interface ValidityRow {
  measure: string;
  group: 'vetting' | 'interview' | 'question' | 'interviewer';
  correlation: Correlation;
}

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

/** The hiring insights: the funnel, interviewer calibration, predictive validity. */
@Injectable()
export class InsightsService {
  constructor(private readonly insights: InsightsRepository) {}

  filterFor(user: User, query: { from?: string; to?: string; positionId?: number | null }): InsightsFilter {
    return {
      from: query.from || undefined,
      to: query.to || undefined,
      positionId: query.positionId ?? undefined,
      managerId: user.hasRole('admin') ? null : user.id,
    };
  }

  async funnel(filter: InsightsFilter) {
    const [counts, durations, timeToHire, reasons, sources] = await Promise.all([
      this.insights.stageCounts(filter),
      this.insights.stageDurations(filter),
      this.insights.timeToHire(filter),
      this.insights.rejectionReasons(filter),
      this.insights.outcomesBySource(filter),
    ]);
    const stages = PIPELINE_STAGES.map((stage) => {
      const count = counts.find((row) => row.stage === stage);
      const duration = durations.find((row) => row.stage === stage);
      const entered = num(count?.entered) ?? 0;
      const passed = num(count?.passed) ?? 0;
      return {
        stage,
        label: STAGE_LABELS[stage],
        entered,
        passed,
        passRate: stage === 'hired' || entered === 0 ? null : passed / entered,
        median: num(duration?.median),
        p90: num(duration?.p90),
      };
    });
    const x = scaleLinear()
      .domain([0, Math.max(1, ...stages.map((row) => row.entered))])
      .range([0, 420]);
    const bySource = new Map<string, Record<string, number>>();
    for (const row of sources) {
      const outcome = ['hired', 'rejected', 'withdrawn'].includes(row.stage) ? row.stage : 'open';
      const entry = bySource.get(row.source) ?? { hired: 0, rejected: 0, withdrawn: 0, open: 0, total: 0 };
      entry[outcome] += Number(row.count);
      entry.total += Number(row.count);
      bySource.set(row.source, entry);
    }
    return {
      stages: stages.map((row, index) => ({ ...row, bar: { y: index * 34, width: x(row.entered) } })),
      timeToHire: { hires: num(timeToHire?.hires) ?? 0, median: num(timeToHire?.median), p90: num(timeToHire?.p90) },
      reasons: reasons.map((row) => ({ reason: row.reason, count: Number(row.count) })),
      sources: [...bySource.entries()].map(([source, entry]) => ({
        source: SOURCE_LABELS[source as keyof typeof SOURCE_LABELS] ?? source,
        ...entry,
        hireRate: entry.total ? entry.hired / entry.total : 0,
      })),
    };
  }

  async calibration(filter: InsightsFilter) {
    const rows = await this.insights.calibration(filter);
    return rows.map((row) => {
      const submitted = Number(row.submitted);
      const delta = num(row.delta);
      const decided = Number(row.decided);
      return {
        name: row.name,
        submitted,
        onTime: Number(row.onTime),
        onTimeShare: submitted ? Number(row.onTime) / submitted : null,
        mean: num(row.mean),
        delta,
        tendency:
          delta === null
            ? 'no comparison yet'
            : delta > CALIBRATION_MARGIN
              ? 'lenient'
              : delta < -CALIBRATION_MARGIN
                ? 'severe'
                : 'in line',
        recommendations: {
          strongNo: Number(row.strongNo),
          no: Number(row.no),
          yes: Number(row.yes),
          strongYes: Number(row.strongYes),
        },
        decided,
        matched: Number(row.matched),
        matchShare: decided ? Number(row.matched) / decided : null,
      };
    });
  }

  async validity(filter: InsightsFilter): Promise<{ hires: number; rows: ValidityRow[]; minN: number }> {
    const [hires, ratings] = await Promise.all([this.insights.hireMeasures(filter), this.insights.hireRatings(filter)]);
    const attainment = new Map(hires.map((hire) => [hire.hireId, num(hire.attainment)]));
    const pairsOf = (values: { hireId: number; value: number | null }[]): [number, number][] =>
      values.flatMap(({ hireId, value }) => {
        const outcome = attainment.get(hireId);
        return value === null || outcome === null || outcome === undefined
          ? []
          : [[value, outcome] as [number, number]];
      });
    const measure = (
      label: string,
      group: ValidityRow['group'],
      pick: (hire: (typeof hires)[number]) => number | string | null,
    ): ValidityRow => ({
      measure: label,
      group,
      correlation: spearman(pairsOf(hires.map((hire) => ({ hireId: hire.hireId, value: num(pick(hire)) })))),
    });
    const rows: ValidityRow[] = [
      measure('External assessment: eligibility', 'vetting', (hire) => hire.eligibility),
      measure('External assessment: suitability', 'vetting', (hire) => hire.suitability),
      measure('Writing test (mean grade)', 'vetting', (hire) => hire.writing),
      measure('Research presentation (mean score)', 'vetting', (hire) => hire.presentation),
      measure('Structured interview (mean rating)', 'interview', (hire) => hire.interview),
    ];
    for (const kind of ['question', 'interviewer'] as const) {
      const keys = new Map<number, string>();
      for (const row of ratings) if (row.kind === kind) keys.set(Number(row.key), row.label);
      for (const [key, label] of keys) {
        const values = ratings
          .filter((row) => row.kind === kind && Number(row.key) === key)
          .map((row) => ({ hireId: Number(row.hireId), value: Number(row.mean) }));
        rows.push({
          measure: kind === 'question' ? `Question: ${label}` : `Interviewer: ${label}`,
          group: kind,
          correlation: spearman(pairsOf(values)),
        });
      }
    }
    return { hires: hires.filter((hire) => attainment.get(hire.hireId) !== null).length, rows, minN: MIN_N };
  }
}
