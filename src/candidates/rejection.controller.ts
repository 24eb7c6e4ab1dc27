import { Body, Controller, Get, Param, Post, Query, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { ParseIdPipe } from '../common/params.js';
import { seeOther } from '../common/redirect.js';
import { ApplicationPage } from './application.page.js';
import { BulkRejectDto, RejectDto, ReopenDto, SelectionDto } from './dto/candidate.dto.js';
import { BulkRejectPage, RejectPage } from './rejection.pages.js';
import { RejectionService } from './rejection.service.js';

/** Rejecting an application through the confirmation step, undoing it while the message waits, reopening it after. */
@Controller('applications/:id')
@Roles('manager', 'admin')
export class RejectionController {
  constructor(
    private readonly rejection: RejectionService,
    private readonly page: RejectPage,
  ) {}

  @Get('reject')
  @Render('applications/reject')
  step(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.page.build({ user, id });
  }

  @Post('reject')
  @FormView(RejectPage)
  @Redirect()
  async reject(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: RejectDto,
    @Req() req: Request,
  ) {
    await this.rejection.reject(user, id, dto);
    flash(req, 'success', 'The application is rejected.');
    return seeOther(`/applications/${id}`);
  }

  @Post('reject/undo')
  @Redirect()
  async undo(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number, @Req() req: Request) {
    const application = await this.rejection.undo(user, id);
    flash(req, 'success', `Rejection undone: the application is back in ${application.stage}. Nothing was sent.`);
    return seeOther(`/applications/${id}`);
  }

  @Post('reopen')
  @FormView(ApplicationPage)
  @Redirect()
  async reopen(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: ReopenDto,
    @Req() req: Request,
  ) {
    await this.rejection.reopen(user, id, dto.reopenReason);
    flash(req, 'success', 'The application is reopened.');
    return seeOther(`/applications/${id}`);
  }
}

/** The same step once for the applications ticked in a position's list: all of them or none. */
@Controller('positions/:id/applications/reject')
@Roles('manager', 'admin')
export class BulkRejectionController {
  constructor(
    private readonly rejection: RejectionService,
    private readonly page: BulkRejectPage,
  ) {}

  @Get()
  @Render('applications/bulk-reject')
  step(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number, @Query() query: SelectionDto) {
    return this.page.build({ user, id, query: { ...query } });
  }

  @Post()
  @FormView(BulkRejectPage)
  @Redirect()
  async reject(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: BulkRejectDto,
    @Req() req: Request,
  ) {
    const count = await this.rejection.bulk(user, id, dto.ids, dto);
    flash(req, 'success', `${count} ${count === 1 ? 'application' : 'applications'} rejected.`);
    return seeOther(`/positions/${id}/applications`);
  }
}
