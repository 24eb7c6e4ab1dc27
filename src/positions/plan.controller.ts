import { Body, Controller, Get, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import { ParseIdPipe } from '../common/params.js';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { seeOther } from '../common/redirect.js';
import { PlanFormDto } from '../development/dto/plan-form.dto.js';
import { PlanEditorPage } from './plan.page.js';
import { PositionsService } from './positions.service.js';

/** The first-year development plan template, edited from its position. */
@Controller('positions/:id/plan')
@Roles('manager', 'admin')
export class PlanController {
  constructor(
    private readonly positions: PositionsService,
    private readonly page: PlanEditorPage,
  ) {}

  @Get('edit')
  @Render('positions/plan-edit')
  edit(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.page.build({ user, id, params: {}, body: null });
  }

  @Post()
  @FormView(PlanEditorPage)
  @Redirect()
  async update(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: PlanFormDto,
    @Req() req: Request,
  ) {
    await this.positions.updatePlan(user, id, dto);
    flash(req, 'success', 'Plan saved.');
    return seeOther(`/positions/${id}/plan/edit`);
  }
}
