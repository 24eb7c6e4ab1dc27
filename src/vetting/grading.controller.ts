import { Body, Controller, Get, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { ParseIdPipe } from '../common/params.js';
import { seeOther } from '../common/redirect.js';
import { GradeDto } from './dto/vetting.dto.js';
import { GradePage, GradingIndexPage } from './grading.pages.js';
import { GradingService } from './grading.service.js';

/** Blind grading: the grader sees an anonymous code and the masked text, never who wrote it. */
@Controller('grading')
@Roles('interviewer', 'manager', 'admin')
export class GradingController {
  constructor(
    private readonly grading: GradingService,
    private readonly indexPage: GradingIndexPage,
    private readonly gradePage: GradePage,
  ) {}

  @Get()
  @Render('vetting/grading-index')
  index(@CurrentUser() user: User) {
    return this.indexPage.build({ user, id: 0 });
  }

  @Get(':id')
  @Render('vetting/grade')
  show(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.gradePage.build({ user, id });
  }

  @Post(':id')
  @FormView(GradePage)
  @Redirect()
  async submit(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: GradeDto,
    @Req() req: Request,
  ) {
    const { thirdRequested } = await this.grading.submit(user, id, dto.levels, dto.comment ?? null);
    const third = 'The two grades differ by more than one level, so a third grader has been asked.';
    flash(req, 'success', thirdRequested ? `Grade submitted. ${third}` : 'Grade submitted.');
    return seeOther(`/grading/${id}`);
  }
}
