import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { QUESTIONS, type Dimension } from '../self-identification/self-identification.js';
import { MIN_GROUP, type ImpactRow } from './adverse-impact.js';
import { AdverseImpactService, NOT_DISCLOSED, type StepReport } from './adverse-impact.service.js';
import type { AdverseImpactQueryDto } from './dto/insights-query.dto.js';
import { InsightsAccess } from './insights.access.js';
import { exportedReport, type CsvCell, type ReportResponse } from './insights.csv.js';
import { AuditService } from '../audit/audit.service.js';

export const TOO_FEW = 'too few to report';

const CSV_HEADER = [
  'Step',
  'Applicants are',
  'Selected are',
  'Dimension',
  'Group',
  'Applicants',
  'Selected',
  'Selection rate (%)',
  'Impact ratio',
  'Below four-fifths',
  'Test',
  'p-value',
  'Note',
];

const percent = (rate: number | null) => (rate === null ? null : Number((rate * 100).toFixed(1)));
const ratio = (value: number | null) => (value === null ? null : Number(value.toFixed(2)));
const pValue = (p: number) => (p < 0.001 ? '< 0.001' : p.toFixed(3));

function note(row: ImpactRow): string {
  if (row.tooFew) return TOO_FEW;
  if (row.reference) return 'highest rate (reference)';
  return '';
}

/** The adverse-impact report as a page (one dimension at a time) or as CSV (every dimension). */
@Injectable()
export class AdverseImpactPages {
  constructor(
    private readonly adverseImpact: AdverseImpactService,
    private readonly access: InsightsAccess,
    private readonly audit: AuditService,
  ) {}

  async report(user: User, query: AdverseImpactQueryDto): Promise<ReportResponse> {
    const filter = { from: query.from, to: query.to, positionId: query.positionId ?? undefined };
    const steps = await this.adverseImpact.report(user, filter);
    if (query.format === 'csv')
      return exportedReport(
        this.audit,
        { fileName: 'adverse-impact.csv', header: CSV_HEADER, rows: csvRows(steps) },
        query,
      );
    const dimension: Dimension = query.dimension ?? 'sex';
    const positions = await this.adverseImpact.positionChoices(user);
    const params = new URLSearchParams();
    for (const key of ['from', 'to', 'positionId'] as const) if (query[key]) params.set(key, String(query[key]));
    const link = (extra: Record<string, string>) =>
      `/insights/adverse-impact?${new URLSearchParams({ ...Object.fromEntries(params), ...extra }).toString()}`;
    return {
      view: 'insights/adverse-impact',
      model: {
        title: 'Adverse impact',
        // A compliance officer has no other insights to go back to.
        insightsLink: this.access.scopeFor(user) !== 'none',
        minGroup: MIN_GROUP,
        filter: {
          from: query.from ?? '',
          to: query.to ?? '',
          positionId: query.positionId ? String(query.positionId) : '',
        },
        positions: positions.map((position) => ({ value: String(position.id), label: position.title })),
        dimension,
        dimensions: QUESTIONS.map((question) => ({
          value: question.dimension,
          label: question.title,
          href: link({ dimension: question.dimension }),
          current: question.dimension === dimension,
        })),
        csvHref: link({ format: 'csv' }),
        flags: flagged(steps),
        steps: steps.map((step) => pageStep(step, dimension)),
      },
    };
  }
}

/** Every group below four-fifths, across steps and dimensions, for the summary at the top of the page. */
function flagged(steps: StepReport[]) {
  return steps.flatMap((step) =>
    step.dimensions.flatMap((table) =>
      table.rows
        .filter((row) => row.belowFourFifths)
        .map((row) => ({
          step: step.label,
          dimension: table.title,
          group: row.group,
          ratio: ratio(row.ratio)!.toFixed(2),
          significant: row.significance !== null && row.significance.p < 0.05,
        })),
    ),
  );
}

function pageStep(step: StepReport, dimension: Dimension) {
  const table = step.dimensions.find((item) => item.dimension === dimension)!;
  return {
    label: step.label,
    applicantsMeaning: step.applicantsMeaning,
    selectedMeaning: step.selectedMeaning,
    total: step.total,
    dimension: table.title,
    rows: table.rows.map((row) => ({
      group: row.group,
      tooFew: row.tooFew,
      applicants: row.applicants,
      selected: row.selected,
      rate: row.rate === null ? null : `${percent(row.rate)}%`,
      ratio: row.ratio === null ? '—' : ratio(row.ratio)!.toFixed(2),
      reference: row.reference,
      belowFourFifths: row.belowFourFifths,
      test: row.significance ? `${row.significance.test}: p ${pValue(row.significance.p)}` : '—',
      significant: row.significance !== null && row.significance.p < 0.05,
    })),
    undisclosed: { label: NOT_DISCLOSED, ...table.undisclosed },
  };
}

function csvRows(steps: StepReport[]): CsvCell[][] {
  return steps.flatMap((step) =>
    step.dimensions.flatMap((table) => [
      ...table.rows.map((row) => [
        step.label,
        step.applicantsMeaning,
        step.selectedMeaning,
        table.title,
        row.group,
        row.applicants,
        row.selected,
        percent(row.rate),
        ratio(row.ratio),
        row.tooFew ? null : row.belowFourFifths ? 'yes' : 'no',
        row.significance?.test ?? null,
        row.significance ? Number(row.significance.p.toFixed(4)) : null,
        note(row),
      ]),
      [
        step.label,
        step.applicantsMeaning,
        step.selectedMeaning,
        table.title,
        NOT_DISCLOSED,
        table.undisclosed.applicants,
        table.undisclosed.selected,
        table.undisclosed.applicants ? percent(table.undisclosed.selected! / table.undisclosed.applicants) : null,
        null,
        null,
        null,
        null,
        table.undisclosed.tooFew ? TOO_FEW : 'not compared',
      ],
    ]),
  );
}
