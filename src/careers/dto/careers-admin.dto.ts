import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { MAX_ID } from '../../common/params.js';
import { EmptyToNull, IsTimeZone, ToIntArray, ToNumberOrNull, Trim } from '../../common/validation.js';

export const MIN_ANSWER_WORDS = 20;
export const MAX_ANSWER_WORDS = 500;
export const MAX_RETENTION_MONTHS = 120;

/** Form quirk: a textarea's line breaks arrive as CRLF; stored as LF so the same text compares equal. */
const PlainText = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : value));

export class CompanyProfileDto {
  @Trim()
  @IsString()
  @Length(1, 120, { message: 'Enter the company name candidates know (at most 120 characters)' })
  companyName: string;

  @IsOptional()
  @PlainText()
  @EmptyToNull()
  @IsString()
  @MaxLength(1000, { message: 'Keep the introduction to 1,000 characters: a few sentences' })
  introduction: string | null = null;

  @IsTimeZone() timeZone: string;
}

const RETENTION = { message: `Enter a whole number of months from 1 to ${MAX_RETENTION_MONTHS}` };

export class PrivacyNoticeDto {
  @PlainText()
  @IsString()
  @Length(20, 20000, { message: 'Write the notice candidates read and accept (at least a sentence)' })
  body: string;

  @ToNumberOrNull() @Min(1, RETENTION) @Max(MAX_RETENTION_MONTHS, RETENTION) @IsInt(RETENTION) retentionMonths: number;
}

const WORDS = { message: `Enter a whole number of words from ${MIN_ANSWER_WORDS} to ${MAX_ANSWER_WORDS}` };
const OUTCOME = { message: 'Choose among this position’s outcomes' };
const STALE = { message: 'Reload the page and try again' };

export class CareersSettingsDto {
  @IsOptional() @IsIn(['1']) onCareersSite?: '1';

  /** Outcomes asked about on the application form. */
  @ToIntArray() @ArrayMaxSize(20, OUTCOME) @IsInt({ ...OUTCOME, each: true }) ask: number[] = [];

  /** Of those, the ones a candidate must answer. */
  @ToIntArray() @ArrayMaxSize(20, OUTCOME) @IsInt({ ...OUTCOME, each: true }) required: number[] = [];

  @ToNumberOrNull()
  @Min(MIN_ANSWER_WORDS, WORDS)
  @Max(MAX_ANSWER_WORDS, WORDS)
  @IsInt(WORDS)
  answerWordLimit: number;

  @IsOptional() @IsIn(['1']) answersToGraders?: '1';

  @ToNumberOrNull() @Min(0, STALE) @Max(MAX_ID, STALE) @IsInt(STALE) lockVersion: number;
}
