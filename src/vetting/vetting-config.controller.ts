import { Body, Controller, Get, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { ParseIdPipe } from '../common/params.js';
import { seeOther } from '../common/redirect.js';
import { VettingConfigDto } from './dto/vetting.dto.js';
import { VettingConfigPage } from './vetting-config.page.js';
import { VettingStepsService } from './vetting-steps.service.js';

/** Which vetting steps a position requires, and the pass marks. */
@Controller('positions/:id/vetting')
@Roles('manager', 'admin')
export class VettingConfigController {
  constructor(
    private readonly steps: VettingStepsService,
    private readonly page: VettingConfigPage,
  ) {}

  @Get()
  @Render('vetting/config')
  show(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.page.build({ user, id });
  }

  @Post()
  @FormView(VettingConfigPage)
  @Redirect()
  async save(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: VettingConfigDto,
    @Req() req: Request,
  ) {
    await this.steps.configure(user, id, dto);
    flash(req, 'success', 'Vetting steps saved.');
    return seeOther(`/positions/${id}`);
  }
}
