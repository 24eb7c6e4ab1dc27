import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { EmptyToNull, Trim } from '../../common/validation.js';
import { REFUSAL_REASONS, type RefusalReason } from '../entities/data-request.entity.js';

/** An admin's refusal of an erasure request: the legal reason, and its words when it is another one. */
export class RefusalDto {
  @IsIn(REFUSAL_REASONS, { message: 'Choose the legal reason for keeping the data' }) reason: RefusalReason;
  @IsOptional()
  @Trim()
  @EmptyToNull()
  @IsString()
  @MaxLength(1000, { message: 'Keep the reason under 1,000 characters' })
  text?: string | null;
}
