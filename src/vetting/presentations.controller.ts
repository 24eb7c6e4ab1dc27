import { Body, Controller, Get, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { ParseIdPipe } from '../common/params.js';
import { seeOther } from '../common/redirect.js';
import { attachment } from '../files/download.js';
import { PresentationScoreDto } from './dto/vetting.dto.js';
import { PresentationScorePage } from './grading.pages.js';
import { PresentationService } from './presentation.service.js';

/** An evaluator scores a research presentation they attended, independently of the others. */
@Controller('presentations')
@Roles('interviewer', 'manager', 'admin')
export class PresentationsController {
  constructor(
    private readonly presentations: PresentationService,
    private readonly page: PresentationScorePage,
  ) {}

  @Get(':id')
  @Render('vetting/presentation-score')
  show(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.page.build({ user, id });
  }

  @Post(':id')
  @FormView(PresentationScorePage)
  @Redirect()
  async submit(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: PresentationScoreDto,
    @Req() req: Request,
  ) {
    await this.presentations.submit(user, id, dto.levels, dto.comment ?? null);
    flash(req, 'success', 'Score submitted.');
    return seeOther(`/presentations/${id}`);
  }

  @Get(':id/deck')
  async deck(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return attachment(await this.presentations.deckOfAssignment(user, id));
  }
}
