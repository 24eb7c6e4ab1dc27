import { Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CandidateDirectory } from '../candidates/candidate-directory.service.js';
import { FormInvalidError, notFound } from '../common/errors.js';
import { IsTimeZone } from '../common/validation.js';
import { CONTENT_TYPES } from '../files/content-type.js';
import type { DownloadableFile } from '../files/download.js';
import { PublishingService } from '../positions/publishing.service.js';
import type { Upload } from '../files/upload.js';
import { PortalService } from './portal.service.js';
import { PresentationService } from './presentation.service.js';
import { countWords, WritingTestService } from './writing-test.service.js';

/** Far more than any word range allows (4,000 words is about 25,000 characters), far less than a stray paste. */
export const MAX_WRITING_CHARACTERS = 30000;

const tooLong = MaxLength(MAX_WRITING_CHARACTERS, {
  message: ({ value }) =>
    `Your text is ${String(value).length.toLocaleString('en-GB')} characters long, more than the ${MAX_WRITING_CHARACTERS.toLocaleString('en-GB')} this test can keep. It is still in the box: shorten it, then save again. Nothing was saved.`,
});

export class WritingDto {
  @IsOptional() @IsString() @tooLong text: string = '';
  @IsIn(['save', 'submit']) intent: 'save' | 'submit';
  @IsOptional() @IsIn(['1']) confirm?: '1';
}

/** The page's automatic save: every few seconds while typing, on leaving the page, and when the time runs out. */
export class AutosaveDto {
  @IsOptional() @IsString() @tooLong text: string = '';
  @IsOptional() @IsIn(['1']) final?: '1';
}

export interface Autosaved {
  submitted: boolean;
  words: number;
  savedAt: string | null;
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
    private readonly publishing: PublishingService,
    private readonly directory: CandidateDirectory,
  ) {}

  /** The position description (or, once shared, the development plan) the candidate applied to, as a PDF. */
  async pdf(token: string, kind: 'description' | 'plan'): Promise<DownloadableFile> {
    const application = await this.portal.open(token);
    if (kind === 'plan' && !application.planSharedAt) throw notFound('The development plan');
    const pdf = await this.publishing.versionPdf(application.positionId, application.positionVersion, kind);
    return { fileName: pdf.fileName, contentType: CONTENT_TYPES.pdf, data: pdf.data };
  }

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

  async autosaveWriting(token: string, dto: AutosaveDto): Promise<Autosaved> {
    const application = await this.portal.openForTasks(token);
    const existing = await this.writing.submissionFor(application);
    // A save that arrives after the test closed (the page's last one, from a tab left open) changes nothing.
    const submission = existing?.submittedAt
      ? existing
      : (await this.writing.save(application, dto.text, false, dto.final === '1')).submission;
    return {
      submitted: Boolean(submission.submittedAt),
      words: countWords(submission.draft),
      savedAt: submission.draftSavedAt?.toISOString() ?? null,
    };
  }
}
