import { Body, Controller, Get, Param, ParseIntPipe, Post, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { FormView, Roles } from '../common/decorators.js';
import { FormInvalidError, notFound } from '../common/errors.js';
import { flash } from '../common/flash.js';
import { seeOther } from '../common/redirect.js';
import { CandidatesRepository } from './candidates.repository.js';
import { ReasonDto } from './dto/candidate.dto.js';

/** Admins keep the list of reasons for rejecting an application. Reasons in use are retired, never deleted. */
@Controller('admin/rejection-reasons')
@Roles('admin')
export class RejectionReasonsController {
  constructor(private readonly candidates: CandidatesRepository) {}

  @Get()
  @Render('candidates/rejection-reasons')
  index() {
    return this.model();
  }

  @Post()
  @FormView('candidates/rejection-reasons', 'model')
  @Redirect()
  async add(@Body() dto: ReasonDto, @Req() req: Request) {
    if (await this.candidates.reasonLabelExists(dto.label))
      throw FormInvalidError.single('label', 'That reason is already on the list');
    const count = (await this.candidates.findAllReasons()).length;
    await this.candidates.saveReason({ label: dto.label, active: true, sortOrder: count });
    flash(req, 'success', `“${dto.label}” added.`);
    return seeOther('/admin/rejection-reasons');
  }

  @Post(':id/toggle')
  @Redirect()
  async toggle(@Param('id', ParseIntPipe) id: number, @Req() req: Request) {
    const reason = await this.candidates.findReason(id);
    if (!reason) throw notFound('That reason');
    await this.candidates.saveReason({ id, active: !reason.active });
    flash(
      req,
      'success',
      reason.active
        ? `“${reason.label}” is retired: it stays on past rejections but is no longer offered.`
        : `“${reason.label}” is offered again.`,
    );
    return seeOther('/admin/rejection-reasons');
  }

  async model() {
    const reasons = await this.candidates.findAllReasons();
    return {
      title: 'Rejection reasons',
      reasons: reasons.map((reason) => ({ id: reason.id, label: reason.label, active: reason.active })),
    };
  }
}
