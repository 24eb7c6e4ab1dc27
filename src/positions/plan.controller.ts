import { Body, Controller, Get, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { seeOther } from '../common/redirect.js';
import { PlanFormDto } from '../development/dto/plan-form.dto.js';
import { PlanTemplatesService } from '../development/plan-templates.service.js';
import { planCompleteness } from '../development/plan-view.js';
import { assertCanEditPosition } from './position-access.js';
import { planFormValues } from './plan.view.js';
import { PositionsService } from './positions.service.js';
import { positionSummary } from './positions.view.js';
import { idParam, ParseIdPipe } from '../common/params.js';

/** The first-year development plan template, edited from its position. */
@Controller('positions/:id/plan')
@Roles('manager', 'admin')
export class PlanController {
  constructor(
    private readonly positions: PositionsService,
    private readonly plans: PlanTemplatesService,
  ) {}

  @Get('edit')
  @Render('positions/plan-edit')
  edit(@Req() req: Request) {
    return this.planModel(req);
  }

  @Post()
  @FormView('positions/plan-edit', 'planModel')
  @Redirect()
  async update(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: PlanFormDto,
    @Req() req: Request,
  ) {
    const position = await this.positions.findOrFail(id);
    assertCanEditPosition(user, position);
    await this.plans.update(id, dto, position.outcomes);
    flash(req, 'success', 'Plan saved.');
    return seeOther(`/positions/${id}/plan/edit`);
  }

  async planModel(req: Request) {
    const { position, plan } = await this.positions.findWithPlan(idParam(req));
    assertCanEditPosition(req.user as User, position);
    return {
      title: `Development plan · ${position.title}`,
      position: positionSummary(position),
      values: planFormValues(plan),
      outcomes: position.outcomes.map((outcome, index) => ({
        value: String(outcome.id),
        label: `Outcome ${index + 1}: ${outcome.metric ?? 'no metric yet'}`,
      })),
      issues: planCompleteness(plan, position.outcomes),
    };
  }
}
