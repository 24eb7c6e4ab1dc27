import {
  IsEmail,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { EmptyToNull, IsTimeZone, NormalizeEmail, ToIntArray, ToNumberOrNull, Trim } from '../../common/validation.js';

const PERCENT = { message: 'Enter a percentage from 0 to 100, such as 20 or 17.5' };
const MONTHS = { message: 'Enter a whole number of months from 0 to 24' };

export class AgencyDto {
  @Trim() @IsString() @Length(1, 120, { message: 'Enter the agency’s name (at most 120 characters)' }) name: string;

  @IsOptional()
  @EmptyToNull()
  @IsString()
  @MaxLength(5000, { message: 'Keep the fee terms under 5,000 characters' })
  feeTerms: string | null;

  @ToNumberOrNull()
  @Min(0, PERCENT)
  @Max(100, PERCENT)
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }, PERCENT)
  feePercent: number;

  @ToNumberOrNull() @Min(0, MONTHS) @Max(24, MONTHS) @IsInt(MONTHS) guaranteeMonths: number;
}

export class InviteRecruiterDto {
  @Trim() @IsString() @Length(1, 120, { message: 'Enter the recruiter’s name' }) name: string;

  @NormalizeEmail()
  @IsEmail({}, { message: 'Enter an email address like name@agency.com' })
  @MaxLength(254)
  email: string;
}

export class AssignmentsDto {
  @ToIntArray() @IsInt({ each: true, message: 'Choose positions from the list' }) positionIds: number[] = [];
}

/** Each answer: `answers[answer_<outcomeId>]`, plain text. */
const IsAnswers = () =>
  ValidateBy(
    {
      name: 'isAnswers',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length <= 50 &&
          Object.entries(value).every(
            ([key, answer]) => /^answer_\d{1,10}$/.test(key) && typeof answer === 'string' && answer.length <= 10000,
          ),
      },
    },
    { message: 'The answers could not be read. Write each answer again.' },
  );

/** A recruiter's submission: the careers form's fields and a note for the hiring team (the resume is a file). */
export class SubmissionDto {
  @Trim() @IsString() @Length(1, 120, { message: 'Enter the candidate’s name' }) name: string;

  @NormalizeEmail()
  @IsEmail({}, { message: 'Enter the candidate’s email address, like name@example.com' })
  @MaxLength(254)
  email: string;

  @IsOptional()
  @EmptyToNull()
  @IsString()
  @MaxLength(40)
  @Matches(/^[+\d ()./-]*$/, { message: 'Use digits, spaces and + ( ) - only' })
  phone: string | null;

  @IsOptional()
  @EmptyToNull()
  @IsString()
  @MaxLength(160, { message: 'Keep the place under 160 characters' })
  location: string | null;

  /** Empty when the recruiter does not know it: the company's zone. */
  @IsOptional() @EmptyToNull() @IsTimeZone() timeZone: string | null = null;

  @IsOptional() @IsAnswers() answers?: Record<string, string>;

  @IsOptional()
  @EmptyToNull()
  @IsString()
  @MaxLength(3000, { message: 'Keep the note under 3,000 characters' })
  note: string | null;
}
