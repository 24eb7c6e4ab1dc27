import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../common/validation.js';

const MONTHS = { message: 'Enter a whole number of months, or leave it blank to keep these candidates' };

/** Settings → Data retention: months per outcome (blank: keep); `confirmed` once the admin has seen what changes. */
export class RetentionRulesDto {
  @IsOptional() @Trim() @IsString() @Matches(/^\d{0,4}$/, MONTHS) rejected?: string;
  @IsOptional() @Trim() @IsString() @Matches(/^\d{0,4}$/, MONTHS) withdrawn?: string;
  @IsOptional() @Trim() @IsString() @Matches(/^\d{0,4}$/, MONTHS) 'offer-not-taken'?: string;
  @IsOptional() @Trim() @IsString() @Matches(/^\d{0,4}$/, MONTHS) hired?: string;
  @IsOptional() @IsIn(['1']) confirmed?: string;
}

/** Placing a legal hold: the reason is required (it is what lifting it later is judged against). */
export class LegalHoldDto {
  @Trim()
  @IsString({ message: 'Say why the data must be kept, e.g. the claim or request it is held for' })
  @MinLength(3, { message: 'Say why the data must be kept, e.g. the claim or request it is held for' })
  @MaxLength(500, { message: 'Keep the reason to 500 characters' })
  reason: string;
}
