import { Injectable } from '@nestjs/common';
import type { Application } from '../candidates/entities/application.entity.js';
import { DomainError, FormInvalidError } from '../common/errors.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { WritingPrompt } from './entities/writing-prompt.entity.js';
import type { WritingSubmission } from './entities/writing-submission.entity.js';
import { GradingService } from './grading.service.js';
import { VettingRepository } from './vetting.repository.js';
import { VettingService } from './vetting.service.js';
import { computeWritingSignals } from './writing-signals.js';

/** Saves that arrive this long after the deadline still count: the request may have been on its way. */
const GRACE_MS = 60 * 1000;
/** The page's clock may run a little ahead of the server's: a final save this early still closes the test. */
const CLOCK_SKEW_MS = 5 * 1000;

export function countWords(text: string): number {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;
}

/** The candidate's side of the writing test: start, drafts kept on the server, one submission, the time limit. */
@Injectable()
export class WritingTestService {
  constructor(
    private readonly repository: VettingRepository,
    private readonly vetting: VettingService,
    private readonly grading: GradingService,
    private readonly uow: UnitOfWork,
  ) {}

  prompts(positionId: number): Promise<WritingPrompt[]> {
    return this.repository.findPrompts(positionId);
  }

  async savePrompts(positionId: number, texts: string[]): Promise<void> {
    await this.uow.run(() => this.repository.replacePrompts(positionId, texts));
  }

  /**
   * The submission, first closing it if its time ran out: the last saved draft is what counts. A read may close
   * it because the deadline, not the candidate, ends the test (see README, "No GET changes anything").
   */
  async submissionFor(application: Application): Promise<WritingSubmission | null> {
    const submission = await this.repository.findSubmission(application.id);
    if (submission && !submission.submittedAt && this.overdue(submission))
      return this.finalize(application, submission, submission.draft);
    return submission;
  }

  async start(application: Application): Promise<WritingSubmission> {
    const existing = await this.submissionFor(application);
    if (existing) return existing;
    const [config, prompts] = await Promise.all([
      this.vetting.configFor(application.positionId),
      this.prompts(application.positionId),
    ]);
    if (prompts.length === 0)
      throw new DomainError(
        'conflict',
        'The writing test is not ready yet. The hiring team has been told; try again later.',
      );
    const now = new Date();
    return this.repository.saveSubmission({
      applicationId: application.id,
      prompt: prompts[application.id % prompts.length].text,
      draft: '',
      startedAt: now,
      deadlineAt: config.writingTimeLimitMinutes
        ? new Date(now.getTime() + config.writingTimeLimitMinutes * 60000)
        : null,
    });
  }

  /**
   * Saves the draft, or submits it. After the deadline nothing new is accepted and the last saved draft is submitted.
   * The page's own save when its countdown reaches zero (`atDeadline`) submits the text it sends, word range or not,
   * as the server itself would a minute later with the last draft.
   */
  async save(
    application: Application,
    text: string,
    submit: boolean,
    atDeadline = false,
  ): Promise<{ submission: WritingSubmission; late: boolean }> {
    const submission = await this.repository.findSubmission(application.id);
    if (!submission) throw new DomainError('conflict', 'Start the writing test first.');
    if (submission.submittedAt)
      throw new DomainError('conflict', 'Your writing test is already submitted. It cannot be changed.');
    if (this.overdue(submission))
      return { submission: await this.finalize(application, submission, submission.draft), late: true };
    if (atDeadline && this.deadlineReached(submission))
      return { submission: await this.finalize(application, submission, text), late: true };
    if (!submit) {
      submission.draft = text;
      submission.draftSavedAt = new Date();
      return { submission: await this.repository.saveSubmission(submission), late: false };
    }
    const config = await this.vetting.configFor(application.positionId);
    const words = countWords(text);
    if (words < config.writingMinWords || words > config.writingMaxWords) {
      submission.draft = text;
      submission.draftSavedAt = new Date();
      await this.repository.saveSubmission(submission);
      throw FormInvalidError.single(
        'text',
        `Your text has ${words} words; write between ${config.writingMinWords} and ${config.writingMaxWords}. Your draft is saved.`,
      );
    }
    return { submission: await this.finalize(application, submission, text), late: false };
  }

  private deadlineReached(submission: WritingSubmission): boolean {
    return submission.deadlineAt !== null && Date.now() >= submission.deadlineAt.getTime() - CLOCK_SKEW_MS;
  }

  private overdue(submission: WritingSubmission): boolean {
    return submission.deadlineAt !== null && Date.now() > submission.deadlineAt.getTime() + GRACE_MS;
  }

  /** Submits once: of two requests at the same moment, only the one that closes the row assigns graders. */
  private async finalize(
    application: Application,
    submission: WritingSubmission,
    text: string,
  ): Promise<WritingSubmission> {
    const signals = await computeWritingSignals(text, { ignore: application.candidate?.name.split(/\s+/) ?? [] });
    return this.uow.run(async () => {
      const closed = await this.repository.closeSubmission(submission.id, { text, draft: text, signals });
      const saved = await this.repository.findSubmissionById(submission.id);
      if (closed) await this.grading.assign(saved, application.positionId, 2);
      return saved;
    });
  }
}
