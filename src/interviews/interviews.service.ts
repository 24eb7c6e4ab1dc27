import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { DomainError, FormInvalidError, notFound } from '../common/errors.js';
import type { PageRequest } from '../common/pagination.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { STALE_FORM } from '../development/plan-templates.service.js';
import { CheckPhrasesService } from '../positions/check-phrases.service.js';
import type { Outcome } from '../positions/entities/outcome.entity.js';
import type { Position } from '../positions/entities/position.entity.js';
import { PositionsService } from '../positions/positions.service.js';
import type { KitDto, QuestionDto } from './dto/interviews.dto.js';
import { InterviewKit, KitItem } from './entities/interview-kit.entity.js';
import { Question } from './entities/question.entity.js';
import { InterviewsAccess } from './interviews.access.js';
import { InterviewsRepository } from './interviews.repository.js';
import { checkQuestion, type QuestionIssue } from './question-check.js';

export interface SavedQuestion {
  question: Question;
  /** Backward-looking phrasing: saved, with these warnings. */
  warnings: string[];
  /** The position whose kit the question was added to, when written from a kit editor. */
  kitPositionId: number | null;
}

/** The question bank (with the question check) and each position's interview kit (with the coverage check). */
@Injectable()
export class InterviewsService {
  constructor(
    private readonly interviews: InterviewsRepository,
    private readonly access: InterviewsAccess,
    private readonly positions: PositionsService,
    private readonly phrases: CheckPhrasesService,
    private readonly uow: UnitOfWork,
  ) {}

  questions(search: string | undefined, page: PageRequest): Promise<[Question[], number]> {
    return this.interviews.findQuestionPage(search, page);
  }

  allQuestions(): Promise<Question[]> {
    return this.interviews.findAllQuestions();
  }

  async question(id: number): Promise<Question> {
    const question = await this.interviews.findQuestion(id);
    if (!question) throw notFound('That question');
    return question;
  }

  async checkText(text: string): Promise<QuestionIssue[]> {
    return checkQuestion(text, await this.phrases.questionLists());
  }

  /** A new question for the bank; written from a position's kit editor, it joins that kit too (one unit of work). */
  async createQuestion(user: User, dto: QuestionDto): Promise<SavedQuestion> {
    const kitPosition = dto.kitPositionId ? await this.positions.findOrFail(dto.kitPositionId) : null;
    if (kitPosition) this.access.require(user, 'kit.edit', kitPosition);
    return this.uow.run(async () => {
      const { question, warnings } = await this.saveQuestion(user, null, dto);
      if (kitPosition) await this.addToKit(kitPosition.id, question.id);
      return { question, warnings, kitPositionId: kitPosition?.id ?? null };
    });
  }

  /** Saves a question; protected topics refuse it, backward phrasing is returned as warnings. */
  async saveQuestion(
    user: User,
    id: number | null,
    dto: QuestionDto,
  ): Promise<{ question: Question; warnings: string[] }> {
    const issues = await this.checkText(dto.text);
    const errors = issues.filter((issue) => issue.severity === 'error').map((issue) => issue.message);
    if (errors.length) throw new FormInvalidError({ text: errors });
    const existing = id ? await this.question(id) : null;
    const question = await this.interviews.saveQuestion({
      ...existing,
      text: dto.text,
      type: dto.type,
      probes: dto.probes ?? null,
      followUps: dto.followUps ?? null,
      rubric: [dto.rubric1, dto.rubric2, dto.rubric3, dto.rubric4],
      createdById: existing?.createdById ?? user.id,
    });
    return { question, warnings: issues.filter((issue) => issue.severity === 'warning').map((issue) => issue.message) };
  }

  /** The kit editor's data: the position (which the user must be allowed to change), its kit and the whole bank. */
  async kitEditor(
    user: User,
    positionId: number,
  ): Promise<{ position: Position; kit: InterviewKit; questions: Question[] }> {
    const position = await this.editablePosition(user, positionId);
    const [kit, questions] = await Promise.all([this.kit(position.id), this.allQuestions()]);
    return { position, kit, questions };
  }

  /** A position's kit; the first time it is asked for, an empty one is started. */
  async kit(positionId: number): Promise<InterviewKit> {
    return (await this.interviews.findKit(positionId)) ?? this.interviews.createEmptyKit(positionId);
  }

  /** Saves the kit; any change takes it back to unpublished, since the coverage may have changed. */
  async saveKit(user: User, positionId: number, dto: KitDto): Promise<InterviewKit> {
    const { outcomes } = await this.editablePosition(user, positionId);
    const kit = await this.kit(positionId);
    if (dto.lockVersion !== undefined && dto.lockVersion !== kit.lockVersion)
      throw new FormInvalidError({ _form: [STALE_FORM] }, 'conflict');
    const outcomeIds = new Set(outcomes.map((outcome) => outcome.id));
    const chosen = dto.items.filter((item) => item.include === '1');
    const known = new Set((await this.allQuestions()).map((question) => question.id));
    if (chosen.some((item) => !known.has(item.questionId) || item.outcomeIds.some((id) => !outcomeIds.has(id)))) {
      throw FormInvalidError.single('items', 'Choose questions and outcomes from the lists');
    }
    kit.instructions = dto.instructions ?? null;
    kit.vettingCoverage = {};
    for (const pair of dto.vettingCoverage) {
      const [outcomeId, step] = pair.split(':');
      if (!outcomeIds.has(Number(outcomeId))) continue;
      kit.vettingCoverage[outcomeId] = [...(kit.vettingCoverage[outcomeId] ?? []), step];
    }
    kit.items = chosen
      .sort((a, b) => (a.order ?? 99) - (b.order ?? 99))
      .map((item, index) =>
        Object.assign(kit.items.find((existing) => existing.questionId === item.questionId) ?? new KitItem(), {
          questionId: item.questionId,
          sortOrder: index,
          minutes: item.minutes ?? 10,
          outcomeIds: item.outcomeIds,
        }),
      );
    kit.publishedAt = null;
    return this.interviews.saveKit(kit);
  }

  /** The outcomes no kit question and no vetting step probes. */
  uncovered(kit: InterviewKit, outcomes: Outcome[]): { index: number; outcome: Outcome }[] {
    return outcomes
      .map((outcome, index) => ({ index, outcome }))
      .filter(
        ({ outcome }) =>
          !kit.items.some((item) => item.outcomeIds.includes(outcome.id)) &&
          !(kit.vettingCoverage[String(outcome.id)] ?? []).length,
      );
  }

  async publishKit(user: User, positionId: number): Promise<InterviewKit> {
    const { outcomes } = await this.editablePosition(user, positionId);
    const kit = await this.kit(positionId);
    if (kit.items.length === 0)
      throw new DomainError('conflict', 'Add at least one question before publishing the kit.');
    const missing = this.uncovered(kit, outcomes);
    if (missing.length) {
      throw new FormInvalidError({
        _form: missing.map(
          ({ index, outcome }) =>
            `Outcome ${index + 1} (${outcome.metric ?? 'no metric'}) is probed by no question and no vetting step.`,
        ),
      });
    }
    kit.publishedAt = new Date();
    return this.interviews.saveKit(kit);
  }

  /** Appends a question to the kit (written from the kit editor); the kit goes back to unpublished. */
  private async addToKit(positionId: number, questionId: number): Promise<InterviewKit> {
    const kit = await this.kit(positionId);
    if (kit.items.some((item) => item.questionId === questionId)) return kit;
    kit.items.push(
      Object.assign(new KitItem(), { questionId, sortOrder: kit.items.length, minutes: 10, outcomeIds: [] }),
    );
    kit.publishedAt = null;
    return this.interviews.saveKit(kit);
  }

  private async editablePosition(user: User, positionId: number): Promise<Position> {
    const position = await this.positions.findOrFail(positionId);
    this.access.require(user, 'kit.edit', position);
    return position;
  }
}
