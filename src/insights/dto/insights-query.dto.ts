import { IsIn, IsOptional, Max, Min } from 'class-validator';
import { EmptyToNull, IsId, IsRealDate, ToNumberOrNull } from '../../common/validation.js';
import { DIMENSIONS, type Dimension } from '../../self-identification/self-identification.js';

/** The bad-hire calculator's figures; any left out take the defaults (bad-hire-cost.ts). */
export class CostQueryDto {
  @IsOptional() @ToNumberOrNull() @IsId() positionId?: number | null;
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

/** A report's filter: a date range and a position; `format=csv` downloads what is shown. */
export class InsightsQueryDto {
  @IsOptional() @EmptyToNull() @IsRealDate({ message: 'Enter a date' }) from?: string;
  @IsOptional() @EmptyToNull() @IsRealDate({ message: 'Enter a date' }) to?: string;
  @IsOptional() @ToNumberOrNull() @IsId() positionId?: number | null;
  @IsOptional() @IsIn(['csv']) format?: 'csv';
}

/** The adverse-impact report's filter: the report's, and the dimension the page shows (the CSV has them all). */
export class AdverseImpactQueryDto extends InsightsQueryDto {
  @IsOptional() @EmptyToNull() @IsIn(DIMENSIONS) dimension?: Dimension;
}
