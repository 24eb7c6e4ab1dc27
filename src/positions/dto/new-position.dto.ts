import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { EmptyToNull } from '../../common/validation.js';

export class NewPositionDto {
  @IsOptional() @IsIn(['blank', 'b2b-salesperson']) template?: string;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(160) title?: string | null;
}

export class CheckPhraseDto {
  @IsIn(['experience-proxy', 'vague-verb', 'backward-question', 'protected-topic'], { message: 'Choose a list' }) list:
    'experience-proxy' | 'vague-verb' | 'backward-question' | 'protected-topic';
  @IsString() @MaxLength(80) @EmptyToNull() phrase: string;
  @IsOptional() @EmptyToNull() @IsString() @MaxLength(120) note?: string | null;
}
