import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { EmptyToNull } from '../../common/validation.js';
import { DECLINED, QUESTIONS } from '../self-identification.js';

const values = (index: number) => QUESTIONS[index].choices.map((choice) => choice.value).filter((v) => v !== DECLINED);
const ONE_OF = { message: 'Choose one of the answers, or leave the question' };

/** Settings → Self-identification: on or off, and the countries whose positions ask. */
export class SelfIdentificationSettingsDto {
  @IsOptional() @IsIn(['1']) enabled?: string;

  @IsOptional()
  @EmptyToNull()
  @IsString()
  @MaxLength(500, { message: 'Keep the list to 500 characters' })
  countries: string | null = null;

  /** The tick confirming the change (see the service's saveSettings). */
  @IsOptional() @IsIn(['', 'yes']) confirm?: string;
}

/** The portal's self-identification form: every question optional. */
export class SelfIdentificationAnswersDto {
  @IsOptional() @EmptyToNull() @IsIn([...values(0), DECLINED], ONE_OF) eeo_sex?: string | null;
  @IsOptional() @EmptyToNull() @IsIn([...values(1), DECLINED], ONE_OF) eeo_race?: string | null;
  @IsOptional() @EmptyToNull() @IsIn([...values(2), DECLINED], ONE_OF) eeo_veteran?: string | null;
  @IsOptional() @EmptyToNull() @IsIn([...values(3), DECLINED], ONE_OF) eeo_disability?: string | null;
}
