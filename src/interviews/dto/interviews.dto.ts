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
import { EmptyToNull, ToArray, ToIntArray, ToNumberOrNull, Trim } from '../../common/validation.js';
import { QUESTION_TYPES, type QuestionType } from '../entities/question.entity.js';

export class QuestionDto {
  @Trim() @IsString() @Length(10, 1000, { message: 'Write the question (at least a few words)' }) text: string;
  @IsIn(QUESTION_TYPES, { message: 'Choose the kind of question' }) type: QuestionType;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(200) probes: string | null;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(2000) followUps: string | null;
  @Trim() @IsString() @Length(3, 500, { message: 'Describe a poor answer' }) rubric1: string;
  @Trim() @IsString() @Length(3, 500, { message: 'Describe a mixed answer' }) rubric2: string;
  @Trim() @IsString() @Length(3, 500, { message: 'Describe a good answer' }) rubric3: string;
  @Trim() @IsString() @Length(3, 500, { message: 'Describe an excellent answer' }) rubric4: string;
  /** Written from a position's kit editor: the question joins that kit too. */
  @IsOptional() @ToNumberOrNull() @IsInt() kitPositionId?: number | null;
}

export class KitItemDto {
  @IsOptional() @IsIn(['1']) include?: '1';
  @ToNumberOrNull() @IsInt() questionId: number;
  @IsOptional()
  @ToNumberOrNull()
  @Min(1, { message: 'At least 1 minute' })
  @Max(60, { message: 'At most 60 minutes' })
  @IsInt({ message: 'Whole minutes' })
  minutes: number | null;
  @IsOptional() @ToNumberOrNull() @Min(1) @Max(99) @IsInt() order: number | null;
  @ToIntArray() @IsInt({ each: true }) outcomeIds: number[] = [];
}

export class KitDto {
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(5000) instructions: string | null;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => KitItemDto)
  items: KitItemDto[] = [];
  /** "outcomeId:step" pairs for outcomes probed by a vetting step. */
  @IsOptional()
  @ToArray()
  @IsArray()
  @IsString({ each: true })
  @Matches(/^\d+:(assessment|writing|presentation)$/, { each: true })
  vettingCoverage: string[] = [];
  @IsOptional() @ToNumberOrNull() @IsInt() lockVersion?: number;
}

export class QuestionsQueryDto {
  @IsOptional() @Trim() @IsString() @MaxLength(100) q?: string;
  @IsOptional() @IsString() @Matches(/^\d*$/) kit?: string;
  @IsOptional() @IsString() @Matches(/^\d*$/) page?: string;
}
