import { Body, Controller, Get, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { ConfirmDto, CONFIRM_VIEW } from '../common/confirmation.js';
import { CurrentUser, FormView } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { ParseIdPipe } from '../common/params.js';
import { seeOther } from '../common/redirect.js';
import { CheckInDeletePage, CheckInEditPage } from './check-in.pages.js';
import { CheckInsService } from './check-ins.service.js';
import { CheckInDto } from './dto/hires.dto.js';
import { PlanPage } from './plan.page.js';

/** Recording a month's check-in, correcting it and deleting it (the access rule says who may). */
@Controller('hires/:id/check-ins')
export class CheckInsController {
  constructor(
    private readonly checkIns: CheckInsService,
    private readonly editPage: CheckInEditPage,
    private readonly deletePage: CheckInDeletePage,
  ) {}

  @Post()
  @FormView(PlanPage)
  @Redirect()
  async record(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: CheckInDto,
    @Req() req: Request,
  ) {
    await this.checkIns.record(user, id, dto);
    flash(req, 'success', 'Check-in recorded. The pace and status of each outcome are updated.');
    return seeOther(`/hires/${id}/plan#outcomes`);
  }

  @Get(':checkInId/edit')
  @Render('hires/check-in-edit')
  edit(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Param('checkInId', ParseIdPipe) checkInId: number,
  ) {
    return this.editPage.build({ user, id, params: { checkInId: String(checkInId) } });
  }

  @Post(':checkInId')
  @FormView(CheckInEditPage)
  @Redirect()
  async update(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Param('checkInId', ParseIdPipe) checkInId: number,
    @Body() dto: CheckInDto,
    @Req() req: Request,
  ) {
    await this.checkIns.edit(user, id, checkInId, dto);
    flash(req, 'success', 'Check-in corrected. The earlier values stay in the History.');
    return seeOther(`/hires/${id}/plan#check-in-${checkInId}`);
  }

  @Get(':checkInId/delete')
  @Render(CONFIRM_VIEW)
  confirmDelete(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Param('checkInId', ParseIdPipe) checkInId: number,
  ) {
    return this.deletePage.build({ user, id, params: { checkInId: String(checkInId) } });
  }

  @Post(':checkInId/delete')
  @FormView(CheckInDeletePage)
  @Redirect()
  async remove(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Param('checkInId', ParseIdPipe) checkInId: number,
    @Body() _confirmed: ConfirmDto,
    @Req() req: Request,
  ) {
    await this.checkIns.remove(user, id, checkInId);
    flash(req, 'success', 'Check-in deleted. The History keeps what it said.');
    return seeOther(`/hires/${id}/plan#check-ins`);
  }
}
