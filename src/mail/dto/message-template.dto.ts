import { IsString, Length } from 'class-validator';

/** An admin's version of a message template. */
export class MessageTemplateDto {
  @IsString() @Length(1, 255, { message: 'Write a subject (at most 255 characters)' }) subject: string;
  @IsString() @Length(1, 20000, { message: 'Write the message (at most 20,000 characters)' }) body: string;
}
