import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { User } from '../accounts/entities/user.entity.js';
import { DomainError, FormInvalidError, notFound } from '../common/errors.js';
import type { PageRequest } from '../common/pagination.js';
import { CheckPhrasesService } from '../positions/check-phrases.service.js';
import type { Outcome } from '../positions/entities/outcome.entity.js';
import { STALE_FORM } from '../development/plan-templates.service.js';
import type { KitDto, QuestionDto } from './dto/interviews.dto.js';
import { InterviewKit, KitItem } from './entities/interview-kit.entity.js';
import { Question } from './entities/question.entity.js';
import { checkQuestion, type QuestionIssue } from './question-check.js';

/** The question bank (with the question check) and each position's interview kit (with the coverage check). */
@Injectable()
export class InterviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly phrases: CheckPhrasesService,
  ) {}

  questions(search: string | undefined, page: PageRequest): Promise<[Question[], number]> {
    const query = this.dataSource
      .getRepository(Question)
      .createQueryBuilder('question')
      .orderBy('question.updatedAt', 'DESC')
      .addOrderBy('question.id', 'DESC');
    if (search)
      query.where('LOWER(question.text) LIKE :term OR LOWER(question.probes) LIKE :term', {
        term: `%${search.toLowerCase()}%`,
      });
    return query
      .skip((page.page - 1) * page.perPage)
      .take(page.perPage)
      .getManyAndCount();
  }

  allQuestions(): Promise<Question[]> {
    return this.dataSource.getRepository(Question).find({ order: { id: 'ASC' } });
  }

  async question(id: number): Promise<Question> {
    const question = await this.dataSource.getRepository(Question).findOneBy({ id });
    if (!question) throw notFound('That question');
    return question;
  }

  async checkText(text: string): Promise<QuestionIssue[]> {
    return checkQuestion(text, await this.phrases.questionLists());
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
    const questions = this.dataSource.getRepository(Question);
    const existing = id ? await this.question(id) : null;
    const question = await questions.save(
      questions.create({
        ...existing,
        text: dto.text,
        type: dto.type,
        probes: dto.probes ?? null,
        followUps: dto.followUps ?? null,
        rubric: [dto.rubric1, dto.rubric2, dto.rubric3, dto.rubric4],
        createdById: existing?.createdById ?? user.id,
      }),
    );
    return { question, warnings: issues.filter((issue) => issue.severity === 'warning').map((issue) => issue.message) };
  }

  async kit(positionId: number): Promise<InterviewKit> {
    const kits = this.dataSource.getRepository(InterviewKit);
    const kit = await kits.findOne({
      where: { positionId },
      relations: { items: { question: true } },
      order: { items: { sortOrder: 'ASC' } },
    });
    return (
      kit ??
      kits.save(kits.create({ positionId, instructions: null, vettingCoverage: {}, publishedAt: null, items: [] }))
    );
  }

  /** Saves the kit; any change takes it back to unpublished, since the coverage may have changed. */
  async saveKit(positionId: number, dto: KitDto, outcomes: Outcome[]): Promise<InterviewKit> {
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
    return this.dataSource.getRepository(InterviewKit).save(kit);
  }

  /** Appends a question to the kit (written from the kit editor); the kit goes back to unpublished. */
  async addToKit(positionId: number, questionId: number): Promise<InterviewKit> {
    const kit = await this.kit(positionId);
    if (kit.items.some((item) => item.questionId === questionId)) return kit;
    kit.items.push(
      Object.assign(new KitItem(), { questionId, sortOrder: kit.items.length, minutes: 10, outcomeIds: [] }),
    );
    kit.publishedAt = null;
    return this.dataSource.getRepository(InterviewKit).save(kit);
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

  async publishKit(positionId: number, outcomes: Outcome[]): Promise<InterviewKit> {
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
    return this.dataSource.getRepository(InterviewKit).save(kit);
  }
}
