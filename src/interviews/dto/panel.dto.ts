import { WarningConfirmDto } from '../../common/confirmation.js';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { EmptyToNull, IsTimeZone, ToIntArray, ToNumberOrNull, Trim } from '../../common/validation.js';
import {
  DECISIONS,
  PLAN_REACTIONS,
  RECOMMENDATIONS,
  type Decision,
  type PlanReaction,
  type Recommendation,
} from '../entities/interview.entity.js';

export class ScheduleDto extends WarningConfirmDto {
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Enter the date' }) date: string;
  @Matches(/^\d{2}:\d{2}$/, { message: 'Enter the start time, e.g. 14:30' }) time: string;
  @IsTimeZone() timeZone: string;
  @ToNumberOrNull()
  @Min(15, { message: 'At least 15 minutes' })
  @Max(480, { message: 'At most 8 hours' })
  @IsInt({ message: 'Enter the duration in whole minutes' })
  durationMinutes: number;
  @Trim() @IsString() @Length(2, 300, { message: 'Say where: a room or a video link' }) location: string;
  @ToIntArray() @IsInt({ each: true }) panelistIds: number[] = [];
  @IsOptional() @ToNumberOrNull() @IsInt() leadId: number | null;
  /** The calendar sequence the form was built from: a stale reschedule is refused. */
  @IsOptional() @ToNumberOrNull() @IsInt() sequence?: number;
}

export class ScorecardDto {
  /** Question id → rating (1–4) and evidence, as the form posts them; read and checked by the scorecard service. */
  @IsOptional() @IsObject() ratings: Record<string, { rating?: unknown; evidence?: unknown }> = {};
  @IsOptional()
  @EmptyToNull()
  @IsIn(PLAN_REACTIONS, { message: 'Choose how the candidate reacted to the plan' })
  planReaction: PlanReaction | null;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(4000) planNotes: string | null;
  @IsOptional()
  @EmptyToNull()
  @IsIn(RECOMMENDATIONS, { message: 'Choose a recommendation' })
  recommendation: Recommendation | null;
  @IsIn(['draft', 'submit']) action: 'draft' | 'submit';
}

export class DecisionDto {
  @IsIn(DECISIONS, { message: 'Choose hire, no hire or hold' }) decision: Decision;
  @Trim()
  @IsString()
  @Length(20, 5000, { message: 'Write the rationale: what in the evidence decided it (at least a sentence)' })
  rationale: string;
  @IsOptional() @ToNumberOrNull() @IsInt() reasonId: number | null;
}
