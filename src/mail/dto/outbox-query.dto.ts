import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { OUTBOX_STATUSES, type OutboxStatus } from '../entities/outbox-message.entity.js';

export class OutboxQueryDto {
  @IsOptional() @IsIn(['', ...OUTBOX_STATUSES]) status?: OutboxStatus | '';
  @IsOptional() @IsString() @Matches(/^\d*$/) page?: string;
}
