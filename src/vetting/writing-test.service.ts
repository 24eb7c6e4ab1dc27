import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Application } from '../candidates/entities/application.entity.js';
import { DomainError, FormInvalidError } from '../common/errors.js';
import { WritingPrompt } from './entities/writing-prompt.entity.js';
import { WritingSubmission } from './entities/writing-submission.entity.js';
import { computeWritingSignals } from './writing-signals.js';
import { GradingService } from './grading.service.js';
import { VettingService } from './vetting.service.js';

/** Saves that arrive this long after the deadline still count: the request may have been on its way. */
const GRACE_MS = 60 * 1000;

export function countWords(text: string): number {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;
}

/** The candidate's side of the writing test: start, drafts kept on the server, one submission, the time limit. */
@Injectable()
export class WritingTestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vetting: VettingService,
    private readonly grading: GradingService,
  ) {}

  prompts(positionId: number): Promise<WritingPrompt[]> {
    return this.dataSource
      .getRepository(WritingPrompt)
      .find({ where: { positionId }, order: { sortOrder: 'ASC', id: 'ASC' } });
  }

  async savePrompts(positionId: number, texts: string[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(WritingPrompt).delete({ positionId });
      await manager
        .getRepository(WritingPrompt)
        .save(
          texts.map((text, sortOrder) => manager.getRepository(WritingPrompt).create({ positionId, sortOrder, text })),
        );
    });
  }

  /** The submission, first closing it if its time ran out (the last saved draft is what counts). */
  async submissionFor(application: Application): Promise<WritingSubmission | null> {
    const submission = await this.dataSource
      .getRepository(WritingSubmission)
      .findOneBy({ applicationId: application.id });
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
    const submissions = this.dataSource.getRepository(WritingSubmission);
    return submissions.save(
      submissions.create({
        applicationId: application.id,
        prompt: prompts[application.id % prompts.length].text,
        draft: '',
        startedAt: now,
        deadlineAt: config.writingTimeLimitMinutes
          ? new Date(now.getTime() + config.writingTimeLimitMinutes * 60000)
          : null,
      }),
    );
  }

  /** Saves the draft, or submits it. After the deadline nothing new is accepted and the last saved draft is submitted. */
  async save(
    application: Application,
    text: string,
    submit: boolean,
  ): Promise<{ submission: WritingSubmission; late: boolean }> {
    const submission = await this.dataSource
      .getRepository(WritingSubmission)
      .findOneBy({ applicationId: application.id });
    if (!submission) throw new DomainError('conflict', 'Start the writing test first.');
    if (submission.submittedAt)
      throw new DomainError('conflict', 'Your writing test is already submitted. It cannot be changed.');
    if (this.overdue(submission))
      return { submission: await this.finalize(application, submission, submission.draft), late: true };
    if (!submit) {
      submission.draft = text;
      submission.draftSavedAt = new Date();
      return { submission: await this.dataSource.getRepository(WritingSubmission).save(submission), late: false };
    }
    const config = await this.vetting.configFor(application.positionId);
    const words = countWords(text);
    if (words < config.writingMinWords || words > config.writingMaxWords) {
      submission.draft = text;
      submission.draftSavedAt = new Date();
      await this.dataSource.getRepository(WritingSubmission).save(submission);
      throw FormInvalidError.single(
        'text',
        `Your text has ${words} words; write between ${config.writingMinWords} and ${config.writingMaxWords}. Your draft is saved.`,
      );
    }
    return { submission: await this.finalize(application, submission, text), late: false };
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
    const submissions = this.dataSource.getRepository(WritingSubmission);
    const closed = await submissions
      .createQueryBuilder()
      .update()
      .set({ text, draft: text, submittedAt: new Date(), signals })
      .where('id = :id AND "submittedAt" IS NULL', { id: submission.id })
      .execute();
    const saved = await submissions.findOneByOrFail({ id: submission.id });
    if (closed.affected === 1) await this.grading.assign(saved, application.positionId, 2);
    return saved;
  }
}
