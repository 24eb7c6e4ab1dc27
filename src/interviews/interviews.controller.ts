import { Body, Controller, Get, Param, Post, Query, Redirect, Render, Req } from '@nestjs/common';
import { ParseIdPipe } from '../common/params.js';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { seeOther } from '../common/redirect.js';
import { KitDto, QuestionDto, QuestionsQueryDto } from './dto/interviews.dto.js';
import { InterviewsService } from './interviews.service.js';
import { QUESTION_TYPES } from './interviews.view.js';
import { KitPage, QuestionEditPage, QuestionsPage } from './pages/question-bank.pages.js';

const ADDED_TO_KIT =
  'Question saved to the bank and added to the kit. Say which outcomes it probes, then save the kit.';

function flashWarnings(req: Request, warnings: string[]): void {
  for (const warning of warnings) flash(req, 'warning', `Saved with a warning: ${warning}`);
}

/** The company's question bank, checked for backward-looking and unlawful questions. */
@Controller('questions')
@Roles('manager', 'admin')
export class QuestionsController {
  constructor(
    private readonly interviews: InterviewsService,
    private readonly questionsPage: QuestionsPage,
    private readonly editPage: QuestionEditPage,
  ) {}

  @Get()
  @Render('interviews/questions')
  index(@Query() query: QuestionsQueryDto) {
    return this.questionsPage.build(query);
  }

  @Get('new')
  @Render('interviews/question-form')
  showNew(@Query() query: QuestionsQueryDto) {
    return {
      title: 'New question',
      types: QUESTION_TYPES,
      values: { type: 'hypothetical', kitPositionId: query.kit || undefined },
    };
  }

  @Post()
  @FormView('interviews/question-form', { title: 'New question', types: QUESTION_TYPES })
  @Redirect()
  async create(@CurrentUser() user: User, @Body() dto: QuestionDto, @Req() req: Request) {
    const { question, warnings, kitPositionId } = await this.interviews.createQuestion(user, dto);
    flashWarnings(req, warnings);
    if (kitPositionId) flash(req, 'success', ADDED_TO_KIT);
    else if (!warnings.length) flash(req, 'success', 'Question saved to the bank.');
    return seeOther(kitPositionId ? `/positions/${kitPositionId}/kit#question-${question.id}` : '/questions');
  }

  @Get(':id/edit')
  @Render('interviews/question-form')
  edit(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.editPage.build({ user, id, params: {}, body: null });
  }

  @Post(':id')
  @FormView(QuestionEditPage)
  @Redirect()
  async update(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: QuestionDto,
    @Req() req: Request,
  ) {
    const { warnings } = await this.interviews.saveQuestion(user, id, dto);
    flashWarnings(req, warnings);
    if (!warnings.length) flash(req, 'success', 'Question saved.');
    return seeOther('/questions');
  }
}

/** A position's interview kit: questions from the bank tied to outcomes, and the coverage check. */
@Controller('positions/:id/kit')
@Roles('manager', 'admin')
export class KitController {
  constructor(
    private readonly interviews: InterviewsService,
    private readonly page: KitPage,
  ) {}

  @Get()
  @Render('interviews/kit')
  show(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.page.build({ user, id, params: {}, body: null });
  }

  @Post()
  @FormView(KitPage)
  @Redirect()
  async save(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: KitDto,
    @Req() req: Request,
  ) {
    await this.interviews.saveKit(user, id, dto);
    flash(req, 'success', 'Kit saved. Publish it when every outcome is probed.');
    return seeOther(`/positions/${id}/kit`);
  }

  @Post('publish')
  @FormView(KitPage)
  @Redirect()
  async publish(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number, @Req() req: Request) {
    await this.interviews.publishKit(user, id);
    flash(req, 'success', 'The interview kit is published.');
    return seeOther(`/positions/${id}`);
  }
}
