import { Injectable } from '@nestjs/common';
import type { FormPage, PageRequest } from '../../common/decorators.js';
import { pageRequest, pageView } from '../../common/pagination.js';
import { positionSummary } from '../../positions/positions.view.js';
import type { QuestionsQueryDto } from '../dto/interviews.dto.js';
import { InterviewsService } from '../interviews.service.js';
import { QUESTION_TYPES, questionValues, VETTING_STEPS } from '../interviews.view.js';

/** The question bank: one page of questions, searchable. */
@Injectable()
export class QuestionsPage {
  readonly view = 'interviews/questions';

  constructor(private readonly interviews: InterviewsService) {}

  async build(query: QuestionsQueryDto) {
    const request = pageRequest(query.page);
    const [questions, total] = await this.interviews.questions(query.q || undefined, request);
    return {
      title: 'Question bank',
      questions: questions.map((question) => ({
        id: question.id,
        text: question.text,
        type: question.type === 'hypothetical' ? 'Forward-looking' : 'Behavioral',
        probes: question.probes,
      })),
      filter: { q: query.q ?? '' },
      filtered: Boolean(query.q),
      pagination: pageView(request, total, '/questions', { q: query.q }),
    };
  }
}

/** Editing a question of the bank. */
@Injectable()
export class QuestionEditPage implements FormPage {
  readonly view = 'interviews/question-form';

  constructor(private readonly interviews: InterviewsService) {}

  async build({ id }: PageRequest) {
    const question = await this.interviews.question(id);
    return { title: 'Edit question', id: question.id, types: QUESTION_TYPES, values: questionValues(question) };
  }
}

/** A position's interview kit: questions from the bank tied to outcomes, and which outcomes vetting probes. */
@Injectable()
export class KitPage implements FormPage {
  readonly view = 'interviews/kit';

  constructor(private readonly interviews: InterviewsService) {}

  async build({ user, id }: PageRequest) {
    const { position, kit, questions } = await this.interviews.kitEditor(user, id);
    const outcomes = position.outcomes.map((outcome, index) => ({
      id: outcome.id,
      label: `Outcome ${index + 1}: ${outcome.metric ?? 'no metric yet'}`,
    }));
    return {
      title: `Interview kit · ${position.title}`,
      position: positionSummary(position),
      kit: { instructions: kit.instructions ?? '', published: Boolean(kit.publishedAt), lockVersion: kit.lockVersion },
      questions: questions.map((question, index) => {
        const item = kit.items.find((existing) => existing.questionId === question.id);
        return {
          index,
          id: question.id,
          text: question.text,
          included: Boolean(item),
          minutes: item?.minutes ?? 10,
          order: item ? item.sortOrder + 1 : '',
          outcomes: outcomes.map((outcome) => ({
            ...outcome,
            checked: item?.outcomeIds.includes(outcome.id) ?? false,
          })),
        };
      }),
      coverage: outcomes.map((outcome) => ({
        ...outcome,
        steps: VETTING_STEPS.map((step) => ({
          ...step,
          value: `${outcome.id}:${step.key}`,
          checked: (kit.vettingCoverage[String(outcome.id)] ?? []).includes(step.key),
        })),
      })),
      uncovered: this.interviews
        .uncovered(kit, position.outcomes)
        .map(({ index, outcome }) => `Outcome ${index + 1} (${outcome.metric ?? 'no metric'})`),
      empty: kit.items.length === 0,
    };
  }
}
