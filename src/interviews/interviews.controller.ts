import { Body, Controller, Get, Param, Post, Query, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { pageRequest, pageView } from '../common/pagination.js';
import { idParam, ParseIdPipe } from '../common/params.js';
import { seeOther } from '../common/redirect.js';
import { assertCanEditPosition } from '../positions/position-access.js';
import { PositionsService } from '../positions/positions.service.js';
import { positionSummary } from '../positions/positions.view.js';
import { KitDto, QuestionDto, QuestionsQueryDto } from './dto/interviews.dto.js';
import type { Question } from './entities/question.entity.js';
import { InterviewsService } from './interviews.service.js';

const TYPES = [
  { value: 'hypothetical', label: 'Forward-looking: “What would you do…?”' },
  { value: 'behavioral', label: 'Behavioral: about something they did' },
];
const STEPS = [
  { key: 'assessment', label: 'Assessment' },
  { key: 'writing', label: 'Writing test' },
  { key: 'presentation', label: 'Presentation' },
];

const questionValues = (question: Question) => ({
  text: question.text,
  type: question.type,
  probes: question.probes ?? '',
  followUps: question.followUps ?? '',
  rubric1: question.rubric[0],
  rubric2: question.rubric[1],
  rubric3: question.rubric[2],
  rubric4: question.rubric[3],
});

/** The company's question bank, checked for backward-looking and unlawful questions. */
@Controller('questions')
@Roles('manager', 'admin')
export class QuestionsController {
  constructor(
    private readonly interviews: InterviewsService,
    private readonly positions: PositionsService,
  ) {}

  @Get()
  @Render('interviews/questions')
  async index(@Query() query: QuestionsQueryDto) {
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

  @Get('new')
  @Render('interviews/question-form')
  showNew(@Query() query: QuestionsQueryDto) {
    return {
      title: 'New question',
      types: TYPES,
      values: { type: 'hypothetical', kitPositionId: query.kit || undefined },
    };
  }

  @Post()
  @FormView('interviews/question-form', { title: 'New question', types: TYPES })
  @Redirect()
  async create(@CurrentUser() user: User, @Body() dto: QuestionDto, @Req() req: Request) {
    const kitPosition = dto.kitPositionId ? await this.positions.findOrFail(dto.kitPositionId) : null;
    if (kitPosition) assertCanEditPosition(user, kitPosition);
    const { question, warnings } = await this.interviews.saveQuestion(user, null, dto);
    for (const warning of warnings) flash(req, 'warning', `Saved with a warning: ${warning}`);
    if (!kitPosition) {
      if (!warnings.length) flash(req, 'success', 'Question saved to the bank.');
      return seeOther('/questions');
    }
    await this.interviews.addToKit(kitPosition.id, question.id);
    flash(
      req,
      'success',
      'Question saved to the bank and added to the kit. Say which outcomes it probes, then save the kit.',
    );
    return seeOther(`/positions/${kitPosition.id}/kit#question-${question.id}`);
  }

  @Get(':id/edit')
  @Render('interviews/question-form')
  edit(@Req() req: Request) {
    return this.editModel(req);
  }

  @Post(':id')
  @FormView('interviews/question-form', 'editModel')
  @Redirect()
  async update(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: QuestionDto,
    @Req() req: Request,
  ) {
    const { warnings } = await this.interviews.saveQuestion(user, id, dto);
    for (const warning of warnings) flash(req, 'warning', `Saved with a warning: ${warning}`);
    if (!warnings.length) flash(req, 'success', 'Question saved.');
    return seeOther('/questions');
  }

  async editModel(req: Request) {
    const question = await this.interviews.question(idParam(req));
    return { title: 'Edit question', id: question.id, types: TYPES, values: questionValues(question) };
  }
}

/** A position's interview kit: questions from the bank tied to outcomes, and the coverage check. */
@Controller('positions/:id/kit')
@Roles('manager', 'admin')
export class KitController {
  constructor(
    private readonly interviews: InterviewsService,
    private readonly positions: PositionsService,
  ) {}

  @Get()
  @Render('interviews/kit')
  show(@Req() req: Request) {
    return this.kitModel(req);
  }

  @Post()
  @FormView('interviews/kit', 'kitModel')
  @Redirect()
  async save(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: KitDto,
    @Req() req: Request,
  ) {
    const position = await this.positions.findOrFail(id);
    assertCanEditPosition(user, position);
    await this.interviews.saveKit(id, dto, position.outcomes);
    flash(req, 'success', 'Kit saved. Publish it when every outcome is probed.');
    return seeOther(`/positions/${id}/kit`);
  }

  @Post('publish')
  @FormView('interviews/kit', 'kitModel')
  @Redirect()
  async publish(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number, @Req() req: Request) {
    const position = await this.positions.findOrFail(id);
    assertCanEditPosition(user, position);
    await this.interviews.publishKit(id, position.outcomes);
    flash(req, 'success', 'The interview kit is published.');
    return seeOther(`/positions/${id}`);
  }

  async kitModel(req: Request) {
    const position = await this.positions.findOrFail(idParam(req));
    assertCanEditPosition(req.user as User, position);
    const [kit, questions] = await Promise.all([this.interviews.kit(position.id), this.interviews.allQuestions()]);
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
        steps: STEPS.map((step) => ({
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
