import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { EmptyToNull, ToNumberOrNull } from '../../common/validation.js';

const MONTH = { message: 'Enter a month from 1 to 24' };

export class MilestoneRowDto {
  @IsOptional() @ToNumberOrNull() @IsInt() id?: number | null;
  @IsOptional() @IsIn(['1']) remove?: '1';
  @IsOptional() @ToNumberOrNull() @Min(1, MONTH) @Max(24, MONTH) @IsInt(MONTH) monthOffset: number | null;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(300) description: string | null;
  @IsOptional() @ToNumberOrNull() @IsInt() outcomeId: number | null;
  @IsOptional()
  @ToNumberOrNull()
  @Min(1, { message: 'Use 1 to 100 (%)' })
  @Max(100, { message: 'Use 1 to 100 (%)' })
  @IsInt({ message: 'Enter a whole percentage' })
  interimTargetPercent: number | null;
}

export class PhaseRowDto {
  @IsOptional() @ToNumberOrNull() @IsInt() id?: number | null;
  @IsOptional() @IsIn(['1']) remove?: '1';
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(80) name: string | null;
  @IsOptional() @ToNumberOrNull() @Min(1, MONTH) @Max(24, MONTH) @IsInt(MONTH) startMonth: number | null;
  @IsOptional() @ToNumberOrNull() @Min(1, MONTH) @Max(24, MONTH) @IsInt(MONTH) endMonth: number | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => MilestoneRowDto)
  milestones: MilestoneRowDto[] = [];
}

export class LearningAreaRowDto {
  @IsOptional() @ToNumberOrNull() @IsInt() id?: number | null;
  @IsOptional() @IsIn(['1']) remove?: '1';
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(80) name: string | null;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(300) weeklyHabit: string | null;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(2000) resources: string | null;
}

export class PlanFormDto {
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(200) coachingCadence: string | null;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(160) coach: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => PhaseRowDto)
  phases: PhaseRowDto[] = [];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LearningAreaRowDto)
  learningAreas: LearningAreaRowDto[] = [];

  @IsOptional() @ToNumberOrNull() @IsInt() lockVersion?: number;
}
