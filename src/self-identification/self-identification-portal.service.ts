import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors.js';
import { PortalService } from '../vetting/portal.service.js';
import { answersIn, QUESTIONS } from './self-identification.js';
import { SelfIdentificationService } from './self-identification.service.js';

/** The portal's self-identification form: the link's application, if its position asks. */
@Injectable()
export class SelfIdentificationPortalService {
  constructor(
    private readonly portal: PortalService,
    private readonly selfId: SelfIdentificationService,
  ) {}

  async record(token: string, form: object): Promise<void> {
    const application = await this.portal.open(token);
    if (!(await this.selfId.asksFor(application.position)))
      throw new DomainError('not-found', 'This page is not part of your application.');
    await this.selfId.record(application.id, answersIn(form as Record<string, unknown>));
  }

  /**
   * The candidate's own answers, as they read them on the form, for the data export they download from their portal
   * (the only export that carries them: staff exports never do).
   */
  async ownAnswers(applicationIds: number[]): Promise<Map<number, { question: string; answer: string }[]>> {
    const result = new Map<number, { question: string; answer: string }[]>();
    for (const applicationId of applicationIds) {
      const answers = await this.selfId.answersOf(applicationId);
      result.set(
        applicationId,
        QUESTIONS.flatMap(({ dimension, legend, choices }) => {
          const chosen = choices.find((choice) => choice.value === answers[dimension]);
          return chosen ? [{ question: legend, answer: chosen.label }] : [];
        }),
      );
    }
    return result;
  }
}
