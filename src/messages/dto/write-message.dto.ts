import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { Trim } from '../../common/validation.js';
import { MESSAGE_KEYS } from '../../mail/message-templates.js';

/** A message a member of the hiring team writes to a candidate. */
export class WriteMessageDto {
  @Trim() @IsString() @Length(1, 255, { message: 'Write a subject (at most 255 characters)' }) subject: string;
  @IsString() @Length(1, 20000, { message: 'Write the message (at most 20,000 characters)' }) body: string;
}

/** The template a new message starts from, if any. */
export class WriteMessageQueryDto {
  @IsOptional() @IsIn(['', ...MESSAGE_KEYS], { message: 'Choose a message from the list' }) template?: string;
}
