import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import type { CostQueryDto, InsightsQueryDto } from './dto/insights-query.dto.js';
import { calibrationBars, forestPlot } from './insights.charts.js';
import { AuditService } from '../audit/audit.service.js';
import { exportedReport, type CsvCell, type CsvFile, type ReportResponse } from './insights.csv.js';
import { InsightsAccess } from './insights.access.js';
import { InsightsService, REFERENCE_FIGURES } from './insights.service.js';
import { csvCells, pageCells, SOURCE_QUALITY_CSV_HEADER } from './source-quality.js';
import { numberFormat } from '../common/intl.js';

const fixed = (value: number | null, digits = 1) => (value === null ? null : Number(value.toFixed(digits)));
const percent = (value: number | null) => (value === null ? null : Math.round(value * 100));
/** A table row as the page shows it: a dash where the CSV has an empty cell. */
const dashed = (rows: CsvCell[][]) => rows.map((row) => row.map((value) => (value === null ? '—' : value)));
const choice = (position: { id: number; title: string }) => ({ value: String(position.id), label: position.title });

const FUNNEL_HEADER = [
  'Stage',
  'Entered',
  'Passed to a later stage (%)',
  'Median days in stage',
  '90th percentile days in stage',
];
const CALIBRATION_HEADER = [
  'Interviewer',
  'Scorecards',
  'On time (%)',
  'Mean rating',
  'Difference from the other panelists',
  'Tendency',
  'Strong no',
  'No',
  'Yes',
  'Strong yes',
  'Agreed with the decision (%)',
];
const VALIDITY_HEADER = ['Measure', 'n', 'Spearman rho', '95% low', '95% high'];

/** The insights pages: each report as a page with its filter, or with `format=csv` as the same figures in CSV. */
@Injectable()
export class InsightsPages {
  constructor(
    private readonly insights: InsightsService,
    private readonly audit: AuditService,
    private readonly access: InsightsAccess,
  ) {}

  private exported(csv: CsvFile, query: object): Promise<ReportResponse> {
    return exportedReport(this.audit, csv, query);
  }

  async index(user: User, query: InsightsQueryDto) {
    return {
      title: 'Insights',
      adverseImpact: this.access.seesAdverseImpact(user),
      ...(await this.filterModel(user, query, '/insights')),
    };
  }

  async funnel(user: User, query: InsightsQueryDto): Promise<ReportResponse> {
    const funnel = await this.insights.funnel(user, query);
    const rows = funnel.stages.map((stage) => [
      stage.label,
      stage.entered,
      percent(stage.passRate),
      fixed(stage.median),
      fixed(stage.p90),
    ]);
    if (query.format === 'csv') return this.exported({ fileName: 'funnel.csv', header: FUNNEL_HEADER, rows }, query);
    const filter = await this.filterModel(user, query, '/insights/funnel');
    return { view: 'insights/funnel', model: { title: 'Funnel', ...filter, funnel, rows: dashed(rows) } };
  }

  async calibration(user: User, query: InsightsQueryDto): Promise<ReportResponse> {
    const interviewers = await this.insights.calibration(user, query);
    const rows = interviewers.map((row) => [
      row.name,
      row.submitted,
      percent(row.onTimeShare),
      fixed(row.mean, 2),
      fixed(row.delta, 2),
      row.tendency,
      row.recommendations.strongNo,
      row.recommendations.no,
      row.recommendations.yes,
      row.recommendations.strongYes,
      percent(row.matchShare),
    ]);
    if (query.format === 'csv')
      return this.exported({ fileName: 'calibration.csv', header: CALIBRATION_HEADER, rows }, query);
    return {
      view: 'insights/calibration',
      model: {
        title: 'Interviewer calibration',
        ...(await this.filterModel(user, query, '/insights/calibration')),
        header: CALIBRATION_HEADER,
        rows: dashed(rows),
        empty: rows.length === 0,
        chart: calibrationBars(interviewers),
      },
    };
  }

  async validity(user: User, query: InsightsQueryDto): Promise<ReportResponse> {
    const validity = await this.insights.validity(user, query);
    if (query.format === 'csv') {
      const rows = validity.rows.map(({ measure, correlation }) => [
        measure,
        correlation.n,
        fixed(correlation.rho, 2),
        fixed(correlation.low, 2),
        fixed(correlation.high, 2),
      ]);
      return this.exported({ fileName: 'validity.csv', header: VALIDITY_HEADER, rows }, query);
    }
    return {
      view: 'insights/validity',
      model: {
        title: 'Which assessments predicted keepers',
        ...(await this.filterModel(user, query, '/insights/validity')),
        hires: validity.hires,
        minN: validity.minN,
        chart: forestPlot(validity.rows),
        rows: validity.rows.map(({ measure, correlation }) => ({
          measure,
          n: correlation.n,
          rho: correlation.rho === null ? null : correlation.rho.toFixed(2),
          interval:
            correlation.low === null ? null : `${correlation.low.toFixed(2)} to ${correlation.high!.toFixed(2)}`,
        })),
        references: REFERENCE_FIGURES.map((figure) => ({
          ...figure,
          sackett: figure.sackett === null ? '—' : figure.sackett.toFixed(2),
          schmidtHunter: figure.schmidtHunter.toFixed(2),
        })),
      },
    };
  }

  async sources(user: User, query: InsightsQueryDto): Promise<ReportResponse> {
    const { sources, agencies, minN } = await this.insights.sourceQuality(user, query);
    if (query.format === 'csv') {
      const rows = [
        ...sources.map((row) => csvCells('Source', row)),
        ...agencies.map((row) => csvCells('Agency', row)),
      ];
      return this.exported({ fileName: 'source-quality.csv', header: SOURCE_QUALITY_CSV_HEADER, rows }, query);
    }
    return {
      view: 'insights/sources',
      model: {
        title: 'Source quality',
        ...(await this.filterModel(user, query, '/insights/sources')),
        minN,
        fewHires: [...sources, ...agencies].some((row) => row.reviewed > 0 && row.reviewed < minN),
        sources: sources.map((row) => ({ label: row.label, cells: pageCells(row, minN) })),
        agencies: agencies.map((row) => ({
          label: row.label,
          cells: [`${row.feePercent}%`, ...pageCells(row, minN)],
        })),
      },
    };
  }

  async cost(user: User, query: CostQueryDto): Promise<ReportResponse> {
    const { choices, position, inputs, lines, total, effort, hours } = await this.insights.badHireCost(user, query);
    const processCost = hours * inputs.hourlyRate;
    const currency = position?.compensationCurrency ?? 'USD';
    if (query.format === 'csv') {
      const rows = [
        ...lines.map((line) => [line.label, Math.round(line.amount)]),
        ['Total', Math.round(total)],
        ['This position’s vetting and panel time so far', Math.round(processCost)],
      ];
      return this.exported({ fileName: 'bad-hire-cost.csv', header: ['Item', `Amount (${currency})`], rows }, query);
    }
    const money = (amount: number) =>
      numberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
    const values = Object.fromEntries(Object.entries(inputs).map(([key, value]) => [key, String(value)]));
    const csv = new URLSearchParams({ ...values, positionId: position ? String(position.id) : '', format: 'csv' });
    return {
      view: 'insights/cost',
      model: {
        title: 'The cost of a bad hire',
        positions: choices.map(choice),
        position: position ? { id: position.id, title: position.title } : null,
        values: { ...values, positionId: position ? String(position.id) : '' },
        lines: lines.map((line) => ({ label: line.label, amount: money(line.amount) })),
        total: money(total),
        effort: {
          ...effort,
          hours: hours.toFixed(1),
          cost: money(processCost),
          share: total ? ((processCost / total) * 100).toFixed(1) : '0',
        },
        csvHref: `/insights/cost?${csv.toString()}`,
      },
    };
  }

  /** The report filter as chosen, the positions to choose from, and the links keeping the filter. */
  private async filterModel(user: User, query: InsightsQueryDto, path: string) {
    const positions = await this.insights.positionChoices(user);
    const params = new URLSearchParams();
    for (const key of ['from', 'to', 'positionId'] as const) if (query[key]) params.set(key, String(query[key]));
    const filtered = params.toString();
    params.set('format', 'csv');
    return {
      filter: {
        from: query.from ?? '',
        to: query.to ?? '',
        positionId: query.positionId ? String(query.positionId) : '',
      },
      positions: positions.map(choice),
      csvHref: `${path}?${params.toString()}`,
      query: filtered,
    };
  }
}
