import { IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { EmptyToNull, IsTimeZone, NormalizeEmail, Trim } from '../../common/validation.js';

/** The list on /careers: a place to filter by and a page number. */
export class CareersQueryDto {
  @IsOptional() @Trim() @IsString() @MaxLength(160) place?: string;
  @IsOptional() @IsString() @Matches(/^\d*$/) page?: string;
}

/**
 * The application form without its answers (one field per outcome question, `answer_<outcomeId>`, read by the
 * position's questions) and without the resume (a file, parsed before this).
 */
export class ApplicationFormDto {
  @Trim()
  @IsString({ message: 'Enter your name' })
  @Length(1, 120, { message: 'Enter your name (at most 120 characters)' })
  name: string;

  @NormalizeEmail()
  @IsString({ message: 'Enter your email address, like name@example.com' })
  @IsEmail({}, { message: 'Enter your email address, like name@example.com' })
  @MaxLength(254, { message: 'Enter your email address, like name@example.com' })
  email: string;

  @IsOptional()
  @EmptyToNull()
  @IsString()
  @MaxLength(40, { message: 'Enter a phone number of at most 40 characters' })
  @Matches(/^[+\d ()./-]*$/, { message: 'Use digits, spaces and + ( ) - only' })
  phone: string | null = null;

  @IsOptional()
  @EmptyToNull()
  @IsString()
  @MaxLength(160, { message: 'Keep this to 160 characters' })
  location: string | null = null;

  /** The zone their mail and private page show times in; the form starts with the browser's (or the company's). */
  @IsOptional() @EmptyToNull() @IsTimeZone() timeZone: string | null = null;

  @IsIn(['1'], { message: 'Tick the box to confirm you have read the outcomes' })
  outcomesConfirmed: string;

  @IsOptional()
  @IsIn(['1'], { message: 'Tick the box to confirm you have read the privacy notice' })
  privacyAccepted?: string;

  /** The version of the privacy notice the form showed. */
  @IsOptional() @IsString() @Matches(/^\d{0,9}$/) noticeVersion?: string;

  /** The honeypot: hidden from people, filled in by bots. */
  @IsOptional() @IsString() @MaxLength(2000) website?: string;
}
