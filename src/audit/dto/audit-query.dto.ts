import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { OBJECT_TYPES } from '../audit-tables.js';

const ID = /^\d{0,9}$/;
const DAY = /^(\d{4}-\d{2}-\d{2})?$/;

/** The audit page's filters: who, what kind of object, which object or candidate, and a date range (inclusive). */
export class AuditQueryDto {
  @IsOptional() @IsString() @Matches(ID) actor?: string;
  @IsOptional() @IsIn(['', ...OBJECT_TYPES]) type?: string;
  @IsOptional() @IsString() @Matches(ID) object?: string;
  @IsOptional() @IsString() @Matches(ID) candidate?: string;
  @IsOptional() @IsString() @Matches(DAY, { message: 'Use a date like 2027-03-01' }) from?: string;
  @IsOptional() @IsString() @Matches(DAY, { message: 'Use a date like 2027-03-01' }) to?: string;
  @IsOptional() @IsString() @Matches(/^\d*$/) page?: string;
}
