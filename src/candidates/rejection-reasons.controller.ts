import { Body, Controller, Get, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import { ParseIdPipe } from '../common/params.js';
import type { Request } from 'express';
import { FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { seeOther } from '../common/redirect.js';
import { ReasonDto, ReasonGroupDto, RejectionDelayDto } from './dto/candidate.dto.js';
import { STAGE_GROUP_LABELS } from './entities/rejection-reason.entity.js';
import { RejectionReasonsService } from './rejection-reasons.service.js';

/** Admins keep the list of reasons for rejecting an application. */
@Controller('admin/rejection-reasons')
@Roles('admin')
export class RejectionReasonsController {
  constructor(private readonly reasons: RejectionReasonsService) {}

  @Get()
  @Render('candidates/rejection-reasons')
  index() {
    return this.reasons.build();
  }

  @Post()
  @FormView(RejectionReasonsService)
  @Redirect()
  async add(@Body() dto: ReasonDto, @Req() req: Request) {
    await this.reasons.add(dto.label, dto.stageGroup);
    flash(req, 'success', `“${dto.label}” added.`);
    return seeOther('/admin/rejection-reasons');
  }

  @Post('delay')
  @FormView(RejectionReasonsService)
  @Redirect()
  async delay(@Body() dto: RejectionDelayDto, @Req() req: Request) {
    await this.reasons.saveDelay(dto.rejectionDelayDays);
    flash(req, 'success', `Rejection messages now wait ${dto.rejectionDelayDays} days by default.`);
    return seeOther('/admin/rejection-reasons');
  }

  @Post(':id/group')
  @FormView(RejectionReasonsService)
  @Redirect()
  async group(@Param('id', ParseIdPipe) id: number, @Body() dto: ReasonGroupDto, @Req() req: Request) {
    const reason = await this.reasons.setGroup(id, dto.stageGroup);
    flash(req, 'success', `“${reason.label}” is offered ${STAGE_GROUP_LABELS[dto.stageGroup].toLowerCase()}.`);
    return seeOther('/admin/rejection-reasons');
  }

  @Post(':id/toggle')
  @Redirect()
  async toggle(@Param('id', ParseIdPipe) id: number, @Req() req: Request) {
    const reason = await this.reasons.toggle(id);
    const message = reason.active
      ? `“${reason.label}” is retired: it stays on past rejections but is no longer offered.`
      : `“${reason.label}” is offered again.`;
    flash(req, 'success', message);
    return seeOther('/admin/rejection-reasons');
  }
}
