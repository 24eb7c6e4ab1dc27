import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { CONFIRM_MESSAGE } from '../../common/confirmation.js';
import { EmptyToNull, NormalizeEmail, ToIntArray, ToNumberOrNull, Trim } from '../../common/validation.js';
import { SOURCES, type Source } from '../entities/candidate.entity.js';
import { STAGES, type Stage } from '../entities/application.entity.js';
import { STAGE_GROUPS, type StageGroup } from '../entities/rejection-reason.entity.js';

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

/** The rejection step: the reason, the message (or none) and when it goes. */
export class RejectDto {
  @ToNumberOrNull() @IsInt({ message: 'Choose a reason' }) reasonId: number;
  @IsIn(['message', 'none'], { message: 'Choose whether the candidate receives a message' }) send: 'message' | 'none';
  @ValidateIf((dto: RejectDto) => dto.send === 'message')
  @IsIn(['now', 'later'], { message: 'Choose when the message goes' })
  when: 'now' | 'later';
  @IsOptional() @IsString() @MaxLength(255) subject?: string;
  @IsOptional() @IsString() @MaxLength(20000) body?: string;
}

/** The applications ticked in a position's list, for the bulk rejection step. */
export class SelectionDto {
  @ToIntArray()
  @ArrayNotEmpty({ message: 'Tick the applications to reject' })
  @ArrayMaxSize(500)
  @IsInt({ each: true })
  ids: number[] = [];
}

export class BulkRejectDto extends RejectDto {
  @IsIn(['yes'], { message: CONFIRM_MESSAGE }) confirm: 'yes';
  @ToIntArray()
  @ArrayNotEmpty({ message: 'Tick the applications to reject' })
  @ArrayMaxSize(500)
  @IsInt({ each: true })
  ids: number[] = [];
}

export class ReopenDto {
  @Trim() @IsString() @Length(1, 1000, { message: 'Write why the application is reopened' }) reopenReason: string;
}

export class RejectionDelayDto {
  @ToNumberOrNull()
  @IsInt({ message: 'Enter a whole number of days' })
  @Min(0, { message: 'Enter 0 days or more' })
  @Max(30, { message: 'Enter at most 30 days' })
  rejectionDelayDays: number;
}

export class ReasonGroupDto {
  @IsIn(STAGE_GROUPS, { message: 'Choose when the reason may be given' }) stageGroup: StageGroup;
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

export class ReasonDto extends ReasonGroupDto {
  @Trim() @IsString() @Length(1, 120, { message: 'Write the reason' }) label: string;
}

/** A position's new status, confirmed; closing it also says what happens to its open applications. */
export class PositionStatusDto {
  @IsIn(['on-hold', 'filled', 'closed', 'published'], { message: 'Choose a status' }) status:
    'on-hold' | 'filled' | 'closed' | 'published';
  @IsIn(['yes'], { message: CONFIRM_MESSAGE }) confirm: 'yes';
  @IsOptional()
  @IsIn(['reject', 'leave'], { message: 'Choose what happens to the open applications' })
  applications?: 'reject' | 'leave';
  @ValidateIf((dto: PositionStatusDto) => dto.applications === 'reject')
  @ToNumberOrNull()
  @IsInt({ message: 'Choose a reason' })
  reasonId?: number;
  @ValidateIf((dto: PositionStatusDto) => dto.applications === 'reject')
  @IsIn(['message', 'none'], { message: 'Choose whether the candidates receive a message' })
  send?: 'message' | 'none';
  @ValidateIf((dto: PositionStatusDto) => dto.applications === 'reject' && dto.send === 'message')
  @IsIn(['now', 'later'], { message: 'Choose when the messages go' })
  when?: 'now' | 'later';
}

/** The status a position's confirmation step is about. */
export class PositionStatusQueryDto {
  @IsIn(['on-hold', 'filled', 'closed', 'published'], { message: 'Choose a status' }) status:
    'on-hold' | 'filled' | 'closed' | 'published';
}
