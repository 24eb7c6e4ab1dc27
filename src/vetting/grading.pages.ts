import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { GradingService } from './grading.service.js';
import { PRESENTATION_RUBRIC } from './presentation-rubric.js';
import { PresentationService } from './presentation.service.js';
import { rubricFieldsets } from './rubric-score.js';
import { maskCandidate, WRITING_RUBRIC } from './writing-rubric.js';

/** What a grader or evaluator has to score: writing tests (blind) and research presentations. */
@Injectable()
export class GradingIndexPage implements FormPage {
  readonly view = 'vetting/grading-index';

  constructor(
    private readonly grading: GradingService,
    private readonly presentations: PresentationService,
  ) {}

  async build({ user }: PageRequest) {
    const [assignments, sessions] = await Promise.all([
      this.grading.assignmentsOf(user),
      this.presentations.assignmentsOf(user),
    ]);
    return {
      title: 'Grading',
      pending: assignments.filter((a) => !a.submittedAt),
      done: assignments.filter((a) => a.submittedAt),
      sessionsToScore: sessions.filter((s) => !s.submittedAt),
      sessionsScored: sessions.filter((s) => s.submittedAt),
    };
  }
}

/** One blind grade: the grader sees an anonymous code and the masked text, never who wrote it. */
@Injectable()
export class GradePage implements FormPage {
  readonly view = 'vetting/grade';

  constructor(
    private readonly grading: GradingService,
    private readonly audit: AuditService,
  ) {}

  async build({ user, id }: PageRequest) {
    const { grade, application, others } = await this.grading.gradeOf(user, id);
    const submission = grade.submission;
    // The grader reads the candidate's text (masked of their name): a view of their document.
    await this.audit.accessed('viewed', 'writing test', submission.id, { applicationId: application.id });
    const mask = (text: string) => maskCandidate(text, application.candidate.name, application.candidate.email);
    const answers = await this.grading.answersForGraders(application);
    return {
      title: `Writing test ${application.code}`,
      id: grade.id,
      code: application.code,
      prompt: submission.prompt,
      text: mask(submission.text ?? ''),
      answers: answers.map((answer) => ({ sentence: answer.outcomeSentence, text: mask(answer.answer) })),
      signals: submission.signals
        ? {
            ...submission.signals,
            misspellings: submission.signals.misspellings.map(mask),
            repeatedWords: submission.signals.repeatedWords.map((r) => ({ ...r, word: mask(r.word) })),
          }
        : null,
      rubric: rubricFieldsets(WRITING_RUBRIC, grade.levels),
      submitted: Boolean(grade.submittedAt),
      overall: grade.overall,
      comment: grade.comment,
      others: others.map((other, index) => ({
        label: `Grader ${index + 2}`,
        overall: other.overall,
        comment: other.comment,
      })),
    };
  }
}

/** One evaluator's score of a research presentation they attended. */
@Injectable()
export class PresentationScorePage implements FormPage {
  readonly view = 'vetting/presentation-score';

  constructor(private readonly presentations: PresentationService) {}

  async build({ user, id }: PageRequest) {
    const { score, application, others } = await this.presentations.scoreOf(user, id);
    return {
      title: `Research presentation · ${application.candidate.name}`,
      id: score.id,
      candidate: application.candidate.name,
      position: application.position.title,
      sessionAt: score.presentation.sessionAt,
      hasDeck: Boolean(score.presentation.deckFileId),
      rubric: rubricFieldsets(PRESENTATION_RUBRIC, score.levels),
      submitted: Boolean(score.submittedAt),
      overall: score.overall,
      comment: score.comment,
      others: others.map((other) => ({ name: other.evaluator.name, overall: other.overall, comment: other.comment })),
    };
  }
}
