import { Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { FormInvalidError, notFound } from '../common/errors.js';
import { CONTENT_TYPES } from '../files/content-type.js';
import type { DownloadableFile } from '../files/download.js';
import { PublishingService } from '../positions/publishing.service.js';
import type { Upload } from '../files/upload.js';
import { PortalService } from './portal.service.js';
import { PresentationService } from './presentation.service.js';
import { WritingTestService } from './writing-test.service.js';

export class WritingDto {
  @IsOptional() @IsString() @MaxLength(30000) text: string = '';
  @IsIn(['save', 'submit']) intent: 'save' | 'submit';
  @IsOptional() @IsIn(['1']) confirm?: '1';
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
    private readonly publishing: PublishingService,
  ) {}

  /** The position description (or, once shared, the development plan) the candidate applied to, as a PDF. */
  async pdf(token: string, kind: 'description' | 'plan'): Promise<DownloadableFile> {
    const application = await this.portal.open(token);
    if (kind === 'plan' && !application.planSharedAt) throw notFound('The development plan');
    const pdf = await this.publishing.versionPdf(application.positionId, application.positionVersion, kind);
    return { fileName: pdf.fileName, contentType: CONTENT_TYPES.pdf, data: pdf.data };
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
