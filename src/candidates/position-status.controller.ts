import { Body, Controller, Get, Param, Post, Query, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { ParseIdPipe } from '../common/params.js';
import { seeOther } from '../common/redirect.js';
import { STATUS_LABELS } from '../positions/publishing.service.js';
import { PositionStatusDto, PositionStatusQueryDto } from './dto/candidate.dto.js';
import { PositionStatusPage } from './position-status.page.js';
import { PositionStatusService } from './position-status.service.js';

/** Closing, holding, filling or reopening a position, through its confirmation step. */
@Controller('positions/:id/status')
@Roles('manager', 'admin')
export class PositionStatusController {
  constructor(
    private readonly status: PositionStatusService,
    private readonly page: PositionStatusPage,
  ) {}

  @Get()
  @Render('positions/status')
  step(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number, @Query() query: PositionStatusQueryDto) {
    return this.page.build({ user, id, query: { ...query }, body: null });
  }

  @Post()
  @FormView(PositionStatusPage)
  @Redirect()
  async change(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: PositionStatusDto,
    @Req() req: Request,
  ) {
    const { position, rejected } = await this.status.change(user, id, dto);
    const also = rejected
      ? ` ${rejected} open ${rejected === 1 ? 'application was' : 'applications were'} rejected.`
      : '';
    flash(req, 'success', `The position is now ${STATUS_LABELS[position.status].toLowerCase()}.${also}`);
    return seeOther(`/positions/${id}`);
  }
}
