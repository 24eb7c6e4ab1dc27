import { WarningConfirmDto } from '../../common/confirmation.js';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { EmptyToNull, ToNumberOrNull, Trim } from '../../common/validation.js';
import {
  CONNECTION_STATUSES,
  OWNER_KINDS,
  TASK_CATEGORIES,
  type ConnectionStatus,
  type OwnerKind,
  type TaskCategory,
} from '../entities/hire.entity.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class OfferDto {
  @Matches(DATE, { message: 'Enter the date of the offer' }) offeredOn: string;
  @Trim()
  @IsString()
  @Length(5, 4000, { message: 'Summarise the terms: salary, variable pay, start, anything agreed' })
  terms: string;
  /** The first-year salary, in the position's currency; optional (an agency's fee is a percentage of it). */
  @IsOptional()
  @ToNumberOrNull()
  @Min(0, { message: 'Enter the salary as a whole amount from 0 to 100,000,000' })
  @Max(100_000_000, { message: 'Enter the salary as a whole amount from 0 to 100,000,000' })
  @IsInt({ message: 'Enter the salary as a whole amount, e.g. 85000' })
  salary?: number | null;
}

export class AcceptOfferDto extends WarningConfirmDto {
  @Matches(DATE, { message: 'Enter the start date' }) startDate: string;
  @IsOptional() @ToNumberOrNull() @IsInt({ message: 'Choose a buddy from the list' }) buddyId: number | null;
}

export class StartDateDto extends WarningConfirmDto {
  @Matches(DATE, { message: 'Enter the new start date' }) startDate: string;
}

export class TaskDto {
  @Trim() @IsString() @Length(2, 160, { message: 'Give the task a title' }) title: string;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(2000) description: string | null;
  @IsIn(TASK_CATEGORIES, { message: 'Choose a category' }) category: TaskCategory;
  /** "new-hire", "manager", "buddy", "role", or "user:<id>" for a named colleague. */
  @IsString() @Matches(/^(new-hire|manager|buddy|role|user:\d+)$/, { message: 'Choose who does it' }) owner: string;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(80) ownerLabel: string | null;
  @ToNumberOrNull()
  @Min(-7, { message: 'From 7 days before the start' })
  @Max(90, { message: 'Up to day 90' })
  @IsInt({ message: 'Enter a whole day, e.g. 14' })
  dueDay: number;
}

export class ConnectionDto {
  @IsOptional() @ToNumberOrNull() @IsInt({ message: 'Choose a colleague from the list' }) userId: number | null;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(120) name: string | null;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(120) role: string | null;
  @Trim() @IsString() @Length(3, 500, { message: 'Say why to meet them: what they can help with' }) why: string;
  @ToNumberOrNull()
  @Min(1, { message: 'Week 1 to 13' })
  @Max(13, { message: 'Week 1 to 13' })
  @IsInt({ message: 'Enter the week, e.g. 2' })
  targetWeek: number;
}

export class ConnectionStatusDto {
  @IsIn(CONNECTION_STATUSES, { message: 'Choose a status' }) status: ConnectionStatus;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(2000) note: string | null;
}

export class TemplateTaskDto {
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(160) title: string | null;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(2000) description: string | null;
  @IsOptional() @IsIn(TASK_CATEGORIES) category: TaskCategory;
  @IsOptional() @IsIn(OWNER_KINDS) ownerKind: OwnerKind;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(80) ownerLabel: string | null;
  @IsOptional()
  @ToNumberOrNull()
  @Min(-7, { message: 'From day −7' })
  @Max(90, { message: 'Up to day 90' })
  @IsInt({ message: 'A whole day' })
  dueDay: number | null;
  @IsOptional() @IsIn(['1']) remove?: '1';
}

export class TemplateDto {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => TemplateTaskDto)
  tasks: TemplateTaskDto[] = [];
}

export class CheckInDto extends WarningConfirmDto {
  @Matches(DATE, { message: 'Enter the date of the check-in' }) heldOn: string;
  /** Goal id (as "g<id>") → actual value to date, as typed. */
  @IsOptional() actuals: Record<string, string> = {};
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(5000) coachingNotes: string | null;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(5000) nextSteps: string | null;
}

export class NewHireViewDto {
  @Trim() @IsString() @Length(3, 5000, { message: 'Write your view of the month' }) newHireView: string;
}

export class LearningDto {
  @Matches(DATE, { message: 'Enter a day in the week' }) weekOf: string;
  @Trim() @IsString() @Length(1, 80, { message: 'Choose the learning area' }) area: string;
  @Trim() @IsString() @Length(3, 2000, { message: 'Say what you learned' }) what: string;
  @ToNumberOrNull()
  @Min(5, { message: 'At least 5 minutes' })
  @Max(3000, { message: 'At most 50 hours' })
  @IsInt({ message: 'Whole minutes' })
  minutes: number;
}

export class ReviewDto {
  /** Goal id (as "g<id>") → met / partly / not-met. */
  @IsOptional() results: Record<string, string> = {};
  @IsIn(['yes', 'no'], { message: 'Say whether they are a keeper' }) keeper: 'yes' | 'no';
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(5000) reviewNotes: string | null;
}
