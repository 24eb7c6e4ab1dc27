import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { Request, Response } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, Roles } from '../common/decorators.js';
import { EmptyToNull, ToNumberOrNull } from '../common/validation.js';
import { InsightsRepository } from './insights.repository.js';
import { calibrationBars, forestPlot, InsightsService, REFERENCE_FIGURES } from './insights.service.js';
import { badHireCost, defaultInputs, PROCESS_HOURS, type BadHireInputs } from './bad-hire-cost.js';
import { PositionsService } from '../positions/positions.service.js';
import { canEditPosition } from '../positions/position-access.js';
import { DomainError } from '../common/errors.js';

export class CostQueryDto {
  @IsOptional() @ToNumberOrNull() @IsInt() positionId?: number | null;
  @IsOptional() @IsIn(['csv']) format?: 'csv';
  @IsOptional() @ToNumberOrNull() @Min(0) @Max(100_000_000) salary?: number | null;
  @IsOptional() @ToNumberOrNull() @Min(0) @Max(100) recruiterFeePercent?: number | null;
  @IsOptional() @ToNumberOrNull() @Min(0) @Max(200) benefitsPercent?: number | null;
  @IsOptional() @ToNumberOrNull() @Min(0) @Max(120) monthsUntilRecognised?: number | null;
  @IsOptional() @ToNumberOrNull() @Min(0) @Max(100_000_000) lostOpportunities?: number | null;
  @IsOptional() @ToNumberOrNull() @Min(0) @Max(10_000) managerHours?: number | null;
  @IsOptional() @ToNumberOrNull() @Min(0) @Max(10_000) colleagueHours?: number | null;
  @IsOptional() @ToNumberOrNull() @Min(0) @Max(10_000) hourlyRate?: number | null;
  @IsOptional() @ToNumberOrNull() @Min(0) @Max(100_000_000) travelAndExpenses?: number | null;
  @IsOptional() @ToNumberOrNull() @Min(0) @Max(100_000_000) legal?: number | null;
}

export class InsightsQueryDto {
  @IsOptional() @EmptyToNull() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Enter a date' }) from?: string;
  @IsOptional() @EmptyToNull() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Enter a date' }) to?: string;
  @IsOptional() @ToNumberOrNull() @IsInt() positionId?: number | null;
  @IsOptional() @IsIn(['csv']) format?: 'csv';
}

/** One CSV line per row, quoted where needed (RFC 4180). */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const cell = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

const fixed = (value: number | null, digits = 1) => (value === null ? null : Number(value.toFixed(digits)));
const percent = (value: number | null) => (value === null ? null : Math.round(value * 100));

/** Hiring insights for admins and hiring managers (managers see their own positions). Every report downloads as CSV. */
@Controller('insights')
@Roles('manager', 'admin')
export class InsightsController {
  constructor(
    private readonly insights: InsightsService,
    private readonly repository: InsightsRepository,
    private readonly positions: PositionsService,
  ) {}

  @Get('cost')
  async cost(@CurrentUser() user: User, @Query() query: CostQueryDto, @Req() req: Request, @Res() res: Response) {
    const choices = await this.repository.positions(user.hasRole('admin') ? null : user.id);
    const positionId = query.positionId ?? choices[0]?.id ?? null;
    const position = positionId ? await this.positions.findOrFail(positionId) : null;
    if (position && !canEditPosition(user, position))
      throw new DomainError('forbidden', 'Only the position’s hiring manager or an admin can see its costs.');
    const defaults = defaultInputs(position?.compensationMax ?? position?.compensationMin ?? null);
    const inputs = Object.fromEntries(
      Object.entries(defaults).map(([key, value]) => [key, query[key as keyof BadHireInputs] ?? value]),
    ) as unknown as BadHireInputs;
    const { lines, total } = badHireCost(inputs);
    const effort = position
      ? await this.repository.processEffort(position.id)
      : { grades: 0, scores: 0, seats: 0, minutes: 0 };
    const hours =
      effort.grades * PROCESS_HOURS.writingGrade +
      effort.scores * PROCESS_HOURS.presentationScore +
      effort.seats * PROCESS_HOURS.preparationPerSeat +
      effort.minutes / 60;
    const processCost = hours * inputs.hourlyRate;
    const currency = position?.compensationCurrency ?? 'USD';
    const money = (amount: number) =>
      new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
    if (query.format === 'csv') {
      return this.csv(
        res,
        'bad-hire-cost.csv',
        ['Item', `Amount (${currency})`],
        [
          ...lines.map((line) => [line.label, Math.round(line.amount)]),
          ['Total', Math.round(total)],
          ['This position’s vetting and panel time so far', Math.round(processCost)],
        ],
      );
    }
    const csv = new URLSearchParams(
      Object.fromEntries(
        Object.entries({ ...inputs, positionId: position?.id ?? '' }).map(([key, value]) => [key, String(value)]),
      ),
    );
    csv.set('format', 'csv');
    return res.render('insights/cost', {
      title: 'The cost of a bad hire',
      positions: choices.map((choice) => ({ value: String(choice.id), label: choice.title })),
      position: position ? { id: position.id, title: position.title } : null,
      values: {
        ...Object.fromEntries(Object.entries(inputs).map(([key, value]) => [key, String(value)])),
        positionId: position ? String(position.id) : '',
      },
      lines: lines.map((line) => ({ label: line.label, amount: money(line.amount) })),
      total: money(total),
      effort: {
        ...effort,
        hours: hours.toFixed(1),
        cost: money(processCost),
        share: total ? ((processCost / total) * 100).toFixed(1) : '0',
      },
      csvHref: `/insights/cost?${csv.toString()}`,
    });
  }

  @Get()
  async index(@CurrentUser() user: User, @Query() query: InsightsQueryDto, @Req() req: Request, @Res() res: Response) {
    return res.render('insights/index', { title: 'Insights', ...(await this.filterModel(user, query, req)) });
  }

  @Get('funnel')
  async funnel(@CurrentUser() user: User, @Query() query: InsightsQueryDto, @Req() req: Request, @Res() res: Response) {
    const funnel = await this.insights.funnel(this.insights.filterFor(user, query));
    const rows = funnel.stages.map((stage) => [
      stage.label,
      stage.entered,
      stage.passRate === null ? null : percent(stage.passRate),
      fixed(stage.median),
      fixed(stage.p90),
    ]);
    if (query.format === 'csv')
      return this.csv(
        res,
        'funnel.csv',
        ['Stage', 'Entered', 'Passed to a later stage (%)', 'Median days in stage', '90th percentile days in stage'],
        rows,
      );
    return res.render('insights/funnel', {
      title: 'Funnel',
      ...(await this.filterModel(user, query, req)),
      funnel,
      rows: rows.map((row) => row.map((value) => (value === null ? '—' : value))),
    });
  }

  @Get('calibration')
  async calibration(
    @CurrentUser() user: User,
    @Query() query: InsightsQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const interviewers = await this.insights.calibration(this.insights.filterFor(user, query));
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
    const header = [
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
    if (query.format === 'csv') return this.csv(res, 'calibration.csv', header, rows);
    return res.render('insights/calibration', {
      title: 'Interviewer calibration',
      ...(await this.filterModel(user, query, req)),
      header,
      rows: rows.map((row) => row.map((value) => (value === null ? '—' : value))),
      empty: rows.length === 0,
      chart: calibrationBars(interviewers),
    });
  }

  @Get('validity')
  async validity(
    @CurrentUser() user: User,
    @Query() query: InsightsQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const validity = await this.insights.validity(this.insights.filterFor(user, query));
    const rows = validity.rows.map((row) => [
      row.measure,
      row.correlation.n,
      fixed(row.correlation.rho, 2),
      fixed(row.correlation.low, 2),
      fixed(row.correlation.high, 2),
    ]);
    if (query.format === 'csv')
      return this.csv(res, 'validity.csv', ['Measure', 'n', 'Spearman rho', '95% low', '95% high'], rows);
    return res.render('insights/validity', {
      title: 'Which assessments predicted keepers',
      ...(await this.filterModel(user, query, req)),
      hires: validity.hires,
      minN: validity.minN,
      chart: forestPlot(validity.rows),
      rows: validity.rows.map((row) => ({
        measure: row.measure,
        n: row.correlation.n,
        rho: row.correlation.rho === null ? null : row.correlation.rho.toFixed(2),
        interval:
          row.correlation.low === null
            ? null
            : `${row.correlation.low.toFixed(2)} to ${row.correlation.high!.toFixed(2)}`,
      })),
      references: REFERENCE_FIGURES.map((figure) => ({
        ...figure,
        sackett: figure.sackett === null ? '—' : figure.sackett.toFixed(2),
        schmidtHunter: figure.schmidtHunter.toFixed(2),
      })),
    });
  }

  private csv(res: Response, fileName: string, header: string[], rows: (string | number | null)[][]) {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    return res.send(toCsv(header, rows));
  }

  private async filterModel(user: User, query: InsightsQueryDto, req: Request) {
    const positions = await this.repository.positions(user.hasRole('admin') ? null : user.id);
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
      positions: positions.map((position) => ({ value: String(position.id), label: position.title })),
      csvHref: `${req.path}?${params.toString()}`,
      query: filtered,
    };
  }
}
