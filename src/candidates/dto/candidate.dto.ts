import { ArrayNotEmpty, IsEmail, IsIn, IsInt, IsOptional, IsString, Length, MaxLength, Matches } from 'class-validator';
import { EmptyToNull, NormalizeEmail, ToIntArray, ToNumberOrNull, Trim } from '../../common/validation.js';
import { SOURCES, type Source } from '../entities/candidate.entity.js';
import { STAGES, type Stage } from '../entities/application.entity.js';

export class CandidateDto {
  @Trim() @IsString() @Length(1, 120, { message: 'Enter the candidate’s name' }) name: string;
  @NormalizeEmail()
  @IsEmail({}, { message: 'Enter an email address like name@example.com' })
  @MaxLength(254)
  email: string;
  @IsOptional()
  @EmptyToNull()
  @IsString()
  @MaxLength(40)
  @Matches(/^[+\d ()./-]*$/, { message: 'Use digits, spaces and + ( ) - only' })
  phone: string | null;
  @IsIn(SOURCES, { message: 'Choose where the candidate came from' }) source: Source;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(5000) notes: string | null;
  @IsOptional() @IsIn(['1']) consent?: '1';
  @IsOptional() @ToNumberOrNull() @IsInt({ message: 'Choose a position' }) positionId?: number | null;
}

export class AddApplicationDto {
  @ToNumberOrNull() @IsInt({ message: 'Choose a position' }) positionId: number;
}

export class MoveDto {
  @IsIn(STAGES, { message: 'Choose a stage' }) to: Stage;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(500) overrideReason?: string | null;
}

export class RejectDto {
  @ToNumberOrNull() @IsInt({ message: 'Choose a reason' }) reasonId: number;
}

export class BulkRejectDto {
  @ToIntArray() @ArrayNotEmpty({ message: 'Tick the applications to reject' }) @IsInt({ each: true }) ids: number[] =
    [];
  @ToNumberOrNull() @IsInt({ message: 'Choose a reason' }) reasonId: number;
}

export class ApplicationsQueryDto {
  @IsOptional() @Trim() @IsString() @MaxLength(100) q?: string;
  @IsOptional() @IsIn(['', ...STAGES]) stage?: Stage | '';
  @IsOptional() @IsIn(['', ...SOURCES]) source?: Source | '';
  @IsOptional() @IsString() @Matches(/^\d*$/) page?: string;
}

/** The new-candidate form, opened from a position's page. */
export class NewCandidateQueryDto {
  @IsOptional() @IsString() @Matches(/^\d*$/) position?: string;
}

export class CandidatesQueryDto {
  @IsOptional() @Trim() @IsString() @MaxLength(100) q?: string;
  @IsOptional() @IsString() @Matches(/^\d*$/) page?: string;
}

export class ReasonDto {
  @Trim() @IsString() @Length(1, 120, { message: 'Write the reason' }) label: string;
}
