import { Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CandidateDirectory } from '../candidates/candidate-directory.service.js';
import { FormInvalidError } from '../common/errors.js';
import { IsTimeZone } from '../common/validation.js';
import type { Upload } from '../files/upload.js';
import { PortalService } from './portal.service.js';
import { PresentationService } from './presentation.service.js';
import { WritingTestService } from './writing-test.service.js';

export class WritingDto {
  @IsOptional() @IsString() @MaxLength(30000) text: string = '';
  @IsIn(['save', 'submit']) intent: 'save' | 'submit';
  @IsOptional() @IsIn(['1']) confirm?: '1';
}

export class PortalTimeZoneDto {
  @IsTimeZone() timeZone: string;
}

export interface WritingSaved {
  level: 'success' | 'warning';
  message: string;
  submitted: boolean;
}

/** What the candidate does in their portal, each step only through a valid link. */
@Injectable()
export class PortalTasksService {
  constructor(
    private readonly portal: PortalService,
    private readonly writing: WritingTestService,
    private readonly presentations: PresentationService,
    private readonly directory: CandidateDirectory,
  ) {}

  /** The zone of the candidate's mail and private page; any valid link may change it, even before the tasks open. */
  async saveTimeZone(token: string, dto: PortalTimeZoneDto): Promise<void> {
    const { candidate } = await this.portal.open(token);
    await this.directory.saveCandidate({ id: candidate.id, timeZone: dto.timeZone });
  }

  async uploadDeck(token: string, deck: Upload | null): Promise<void> {
    await this.presentations.upload(await this.portal.openForTasks(token), deck);
  }

  async startWriting(token: string): Promise<void> {
    await this.writing.start(await this.portal.openForTasks(token));
  }

  async saveWriting(token: string, dto: WritingDto): Promise<WritingSaved> {
    const application = await this.portal.openForTasks(token);
    if (dto.intent === 'submit' && dto.confirm !== '1') {
      throw FormInvalidError.single('confirm', 'Tick the box to confirm: a submitted test cannot be changed');
    }
    const { late, submission } = await this.writing.save(application, dto.text, dto.intent === 'submit');
    const submitted = Boolean(submission.submittedAt);
    if (late)
      return {
        level: 'warning',
        submitted,
        message: 'The time limit had passed, so your last saved draft was submitted.',
      };
    if (submitted) return { level: 'success', submitted, message: 'Thank you: your writing test is submitted.' };
    return { level: 'success', submitted, message: 'Draft saved. You can close this page and come back to it.' };
  }
}
