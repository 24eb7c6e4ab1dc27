import {
  ArrayMaxSize,
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
} from 'class-validator';
import { EmptyToNull, ToArray, ToIntArray, ToNumberOrNull, Trim } from '../../common/validation.js';
import { PRESENTATION_CRITERIA } from '../entities/presentation.entity.js';
import { WRITING_CRITERIA } from '../entities/writing-grade.entity.js';
import { RubricScoreDto } from '../rubric-score.js';

const SCORE = { message: 'Use a whole number from 0 to 100' };
const LEVEL = { message: 'Use a level from 1 to 4, e.g. 3 or 2.5' };

export class VettingConfigDto {
  @IsOptional() @IsIn(['1']) assessmentRequired?: '1';
  @ToNumberOrNull() @Min(0, SCORE) @Max(100, SCORE) @IsInt(SCORE) minEligibility: number;
  @ToNumberOrNull() @Min(0, SCORE) @Max(100, SCORE) @IsInt(SCORE) minSuitability: number;
  @IsOptional() @IsIn(['1']) writingRequired?: '1';
  @ToNumberOrNull() @Min(1, LEVEL) @Max(4, LEVEL) @IsNumber({}, LEVEL) writingPassMean: number;
  @ToNumberOrNull()
  @Min(20, { message: 'At least 20 words' })
  @Max(3000, { message: 'At most 3000 words' })
  @IsInt({ message: 'Enter a whole number of words' })
  writingMinWords: number;
  @ToNumberOrNull()
  @Min(20, { message: 'At least 20 words' })
  @Max(3000, { message: 'At most 3000 words' })
  @IsInt({ message: 'Enter a whole number of words' })
  writingMaxWords: number;
  @IsOptional()
  @ToNumberOrNull()
  @Min(5, { message: 'At least 5 minutes' })
  @Max(480, { message: 'At most 480 minutes' })
  @IsInt({ message: 'Enter whole minutes, or leave empty for no limit' })
  writingTimeLimitMinutes: number | null;
  @ToArray() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(2000, { each: true }) prompts: string[] = [];
  @ToIntArray() @IsInt({ each: true }) graderIds: number[] = [];
  @IsOptional() @IsIn(['1']) presentationRequired?: '1';
  @ToNumberOrNull() @Min(1, LEVEL) @Max(4, LEVEL) @IsNumber({}, LEVEL) presentationPassMean: number;
  @Trim()
  @IsString()
  @Length(20, 3000, { message: 'Write the brief candidates receive (at least a sentence)' })
  presentationBrief: string;
}

export class AssessmentDto {
  @Trim() @IsString() @Length(1, 120, { message: 'Name the provider, e.g. Harrison Assessments' }) provider: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Enter the date as YYYY-MM-DD' }) takenOn: string;
  @ToNumberOrNull() @Min(0, SCORE) @Max(100, SCORE) @IsInt(SCORE) eligibility: number;
  @ToNumberOrNull() @Min(0, SCORE) @Max(100, SCORE) @IsInt(SCORE) suitability: number;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(2000) traits: string | null;
}

export class SessionDto {
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'Enter the date and time of the session' }) sessionAt: string;
  @ToIntArray() @IsInt({ each: true }) evaluatorIds: number[] = [];
}

/** Cancelling the presentation session: the manager confirms that the candidate is told. */
export class CancelSessionDto {
  @IsOptional() @IsIn(['1']) confirm?: string;
}

/** A blind grade of a writing test: a level per writing criterion. */
export class GradeDto extends RubricScoreDto(WRITING_CRITERIA) {}

/** An evaluator's score of a research presentation: a level per presentation criterion. */
export class PresentationScoreDto extends RubricScoreDto(PRESENTATION_CRITERIA) {}
