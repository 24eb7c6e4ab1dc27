import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
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
import { WORKPLACES, type Workplace } from '../entities/position.entity.js';
import { DEADLINE_KINDS, TARGET_KINDS, type DeadlineKind, type TargetKind } from '../outcome-fields.js';

const NUMBER = { message: 'Enter a number, like 500000' };
const WHOLE = { message: 'Enter a whole number' };

export class OutcomeRowDto {
  @IsOptional() @ToNumberOrNull() @IsInt() id?: number | null;
  @IsOptional() @IsIn(['1']) remove?: '1';
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(200) metric: string | null;
  @IsOptional()
  @EmptyToNull()
  @IsIn(TARGET_KINDS, { message: 'Choose money, a count or a percentage' })
  targetKind: TargetKind | null;
  @IsOptional() @ToNumberOrNull() @Min(0, { message: 'Use a number of 0 or more' }) @IsNumber({}, NUMBER) targetValue:
    number | null;
  @IsOptional() @ToNumberOrNull() @Min(0, { message: 'Use a number of 0 or more' }) @IsNumber({}, NUMBER) targetMax:
    number | null;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(60) targetUnit: string | null;
  @IsOptional() @ToNumberOrNull() @Min(0, { message: 'Use a number of 0 or more' }) @IsNumber({}, NUMBER) secondValue:
    number | null;
  @IsOptional() @ToNumberOrNull() @Min(0, { message: 'Use a number of 0 or more' }) @IsNumber({}, NUMBER) secondMax:
    number | null;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(60) secondUnit: string | null;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(160) scope: string | null;
  @IsOptional()
  @EmptyToNull()
  @IsIn(DEADLINE_KINDS, { message: 'Choose a kind of deadline' })
  deadlineKind: DeadlineKind | null;
  @IsOptional()
  @ToNumberOrNull()
  @Min(1, { message: 'Use 1 or more' })
  @Max(1000, { message: 'Use 1000 or less' })
  @IsInt(WHOLE)
  deadlineN: number | null;
  @IsOptional()
  @ToNumberOrNull()
  @Min(1, { message: 'Weights run from 1 to 100' })
  @Max(100, { message: 'Weights run from 1 to 100' })
  @IsInt(WHOLE)
  weight: number | null;
}

export class PositionFormDto {
  @Trim() @IsString() @Length(1, 160, { message: 'Give the position a title' }) title: string;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(120) team: string | null;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(160) targetMarket: string | null;
  @ToNumberOrNull() @IsInt({ message: 'Choose the hiring manager' }) hiringManagerId: number;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(160) location: string | null;
  @IsOptional()
  @EmptyToNull()
  @IsIn(WORKPLACES, { message: 'Choose on-site, hybrid or remote' })
  workplace: Workplace | null;
  @ToNumberOrNull() @Min(1, { message: 'Hire at least one person' }) @Max(500) @IsInt(WHOLE) headcount: number;
  @IsOptional() @ToNumberOrNull() @Min(0, { message: 'Use a number of 0 or more' }) @IsInt(WHOLE) compensationMin:
    number | null;
  @IsOptional() @ToNumberOrNull() @Min(0, { message: 'Use a number of 0 or more' }) @IsInt(WHOLE) compensationMax:
    number | null;
  @IsOptional()
  @EmptyToNull()
  @Matches(/^[A-Za-z]{3}$/, { message: 'Use a three-letter currency code, like USD' })
  compensationCurrency: string | null;
  @IsOptional()
  @EmptyToNull()
  @IsString()
  @MaxLength(300, { message: 'Keep the mission to one sentence (300 characters at most)' })
  mission: string | null;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(10000) description: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => OutcomeRowDto)
  outcomes: OutcomeRowDto[] = [];

  @IsOptional() @ToNumberOrNull() @IsInt() lockVersion?: number;
}

export class PublishDto {
  @IsOptional() @IsIn(['1']) acknowledgeWarnings?: '1';
  @ToNumberOrNull() @IsInt() lockVersion: number;
}

export class PositionsQueryDto {
  @IsOptional() @Trim() @IsString() @MaxLength(100) q?: string;
  @IsOptional() @IsIn(['', 'draft', 'published', 'on-hold', 'filled', 'closed']) status?: string;
  @IsOptional() @IsString() @Matches(/^\d*$/) manager?: string;
  @IsOptional() @IsString() page?: string;
}

export class CompareQueryDto {
  @ToNumberOrNull() @Min(1) @IsInt() from: number;
  @ToNumberOrNull() @Min(1) @IsInt() to: number;
}
