import { Body, Controller, Get, Param, Post, Query, Redirect, Render, Req } from '@nestjs/common';
import { ParseIdPipe } from '../common/params.js';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { PageQueryDto } from '../common/pagination.js';
import { seeOther } from '../common/redirect.js';
import { ApplicationHistoryPage, ApplicationPage } from './application.page.js';
import { ApplicationListPage, BoardPage } from './applications.pages.js';
import { ApplicationsQueryDto, MoveDto } from './dto/candidate.dto.js';
import { STAGE_LABELS } from './entities/application.entity.js';
import { PipelineService } from './pipeline.service.js';

/** One application: the hub page and its moves (rejection: rejection.controller.ts). */
@Controller('applications')
@Roles('manager', 'admin')
export class ApplicationsController {
  constructor(
    private readonly pipeline: PipelineService,
    private readonly page: ApplicationPage,
    private readonly historyPage: ApplicationHistoryPage,
  ) {}

  @Get(':id')
  @Render('applications/show')
  show(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.page.build({ user, id });
  }

  @Get(':id/history')
  @Render('audit/history')
  history(@Param('id', ParseIdPipe) id: number, @Query() query: PageQueryDto) {
    return this.historyPage.build(id, query.page);
  }

  @Post(':id/plan/share')
  @Redirect()
  async sharePlan(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number, @Req() req: Request) {
    await this.pipeline.sharePlan(user, id);
    flash(req, 'success', 'The candidate now sees the first-year development plan in their portal.');
    return seeOther(`/applications/${id}#plan`);
  }

  @Post(':id/move')
  @FormView(ApplicationPage)
  @Redirect()
  async move(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: MoveDto,
    @Req() req: Request,
  ) {
    const application = await this.pipeline.move(user, id, dto.to, dto.overrideReason);
    flash(req, 'success', `Moved to ${STAGE_LABELS[application.stage]}.`);
    return seeOther(`/applications/${id}`);
  }
}

/** A position's applications: the board by stage and the filtered list. */
@Controller('positions/:id')
@Roles('manager', 'admin')
export class PositionApplicationsController {
  constructor(
    private readonly pipeline: PipelineService,
    private readonly boardPage: BoardPage,
    private readonly listPage: ApplicationListPage,
  ) {}

  @Get('board')
  @Render('applications/board')
  board(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.boardPage.build({ user, id });
  }

  @Get('applications')
  @Render('applications/index')
  list(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number, @Query() query: ApplicationsQueryDto) {
    return this.listPage.build({ user, id, query: { ...query } });
  }
}
