import { Injectable } from '@nestjs/common';
import { scaleLinear } from 'd3-scale';
import type { User } from '../accounts/entities/user.entity.js';
import { PIPELINE_STAGES, STAGE_LABELS } from '../candidates/entities/application.entity.js';
import { SOURCE_LABELS } from '../candidates/entities/candidate.entity.js';
import { PositionsService } from '../positions/positions.service.js';
import { badHireCost, defaultInputs, NO_EFFORT, processHours, type BadHireInputs } from './bad-hire-cost.js';
import type { CostQueryDto } from './dto/insights-query.dto.js';
import { InsightsAccess } from './insights.access.js';
import { InsightsRepository, type InsightsFilter } from './insights.repository.js';
import { sourceQualityTables } from './source-quality.js';
import { MIN_N, spearman, type Correlation } from './statistics.js';

const num = (value: number | string | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);
/** Days from a count of tenths of a day (how the duration summaries keep them). */
const fromTenths = (value: number | string | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value) / 10;

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

/** A report's filter as the user chose it; the user's scope is added here. */
export interface ReportQuery {
  from?: string;
  to?: string;
  positionId?: number | null;
}

/** The hiring insights: the funnel, interviewer calibration, predictive validity, the cost of a bad hire. */
@Injectable()
export class InsightsService {
  constructor(
    private readonly insights: InsightsRepository,
    private readonly access: InsightsAccess,
    private readonly positions: PositionsService,
  ) {}

  /** The positions the user may filter the reports by. */
  positionChoices(user: User) {
    return this.insights.positionChoices(this.access.scopeFor(user));
  }

  /**
   * The cost of a bad hire for the chosen position (the user's first by title when none is chosen), from the
   * query's figures or the defaults, beside the hours its vetting and panels have taken so far.
   */
  async badHireCost(user: User, query: CostQueryDto) {
    const choices = await this.positionChoices(user);
    const positionId = query.positionId ?? choices[0]?.id ?? null;
    const position = positionId ? await this.positions.findOrFail(positionId) : null;
    if (position) this.access.require(user, 'position.costs', position);
    const defaults = defaultInputs(position?.compensationMax ?? position?.compensationMin ?? null);
    const inputs = Object.fromEntries(
      Object.entries(defaults).map(([key, value]) => [key, query[key as keyof BadHireInputs] ?? value]),
    ) as unknown as BadHireInputs;
    const effort = position ? await this.insights.processEffort(position.id) : NO_EFFORT;
    return { choices, position, inputs, ...badHireCost(inputs), effort, hours: processHours(effort) };
  }

  async funnel(user: User, query: ReportQuery) {
    const filter = this.filterFor(user, query);
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
        median: fromTenths(duration?.median),
        p90: fromTenths(duration?.p90),
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
      timeToHire: {
        hires: num(timeToHire?.hires) ?? 0,
        median: fromTenths(timeToHire?.median),
        p90: fromTenths(timeToHire?.p90),
      },
      reasons: reasons.map((row) => ({ reason: row.reason, count: Number(row.count) })),
      sources: [...bySource.entries()].map(([source, entry]) => ({
        source: SOURCE_LABELS[source as keyof typeof SOURCE_LABELS] ?? source,
        ...entry,
        hireRate: entry.total ? entry.hired / entry.total : 0,
      })),
    };
  }

  async calibration(user: User, query: ReportQuery) {
    const rows = await this.insights.calibration(this.filterFor(user, query));
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

  async validity(user: User, query: ReportQuery): Promise<{ hires: number; rows: ValidityRow[]; minN: number }> {
    const filter = this.filterFor(user, query);
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

  /** Per source and per agency: how far their applications got, whether their hires became keepers, what they cost. */
  async sourceQuality(user: User, query: ReportQuery) {
    const [groups, agencies] = await Promise.all([
      this.insights.sourceQuality(this.filterFor(user, query)),
      this.insights.agencies(),
    ]);
    return { ...sourceQualityTables(groups, agencies), minN: MIN_N };
  }

  private filterFor(user: User, query: ReportQuery): InsightsFilter {
    return {
      from: query.from || undefined,
      to: query.to || undefined,
      positionId: query.positionId ?? undefined,
      scope: this.access.scopeFor(user),
    };
  }
}
