import { Body, Controller, Get, Param, Post, Query, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { PageQueryDto } from '../common/pagination.js';
import { ParseIdPipe } from '../common/params.js';
import { seeOther } from '../common/redirect.js';
import { DataRequestPage } from './data-requests.pages.js';
import { DataRequestsService } from './data-requests.service.js';
import { RefusalDto } from './dto/refusal.dto.js';

/** The admins' queue of candidates' erasure requests, each confirmed (anonymised at once) or refused with a reason. */
@Controller('admin/data-requests')
@Roles('admin')
export class DataRequestsController {
  constructor(
    private readonly requests: DataRequestsService,
    private readonly page: DataRequestPage,
  ) {}

  @Get()
  @Render('data-protection/queue')
  index(@Query() query: PageQueryDto) {
    return this.requests.queue(query.page);
  }

  @Get(':id')
  @Render('data-protection/request')
  show(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: User) {
    return this.page.build({ user, id });
  }

  @Post(':id/confirm')
  @Redirect()
  async confirm(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: User, @Req() req: Request) {
    await this.requests.confirm(user, id);
    flash(req, 'success', `Request #${id} is done: the candidate is anonymised and told by mail.`);
    return seeOther('/admin/data-requests');
  }

  @Post(':id/refuse')
  @FormView(DataRequestPage)
  @Redirect()
  async refuse(
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: RefusalDto,
    @CurrentUser() user: User,
    @Req() req: Request,
  ) {
    await this.requests.refuse(user, id, dto);
    flash(req, 'success', `Request #${id} is refused; the candidate is told why by mail.`);
    return seeOther('/admin/data-requests');
  }
}
