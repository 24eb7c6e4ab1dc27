import { Body, Controller, Get, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { ParseIdPipe } from '../common/params.js';
import { seeOther } from '../common/redirect.js';
import { CareersSettingsPage } from './careers-settings.page.js';
import { CareersSettingsService } from './careers-settings.service.js';
import { CareersSettingsDto } from './dto/careers-admin.dto.js';

const SAVED = {
  listed: 'The position is on the careers site.',
  unlisted: 'The position is off the careers site: it takes no more applications there.',
  saved: 'Careers-site settings saved.',
} as const;

/** A position on the careers site: whether it is listed and what its application form asks. */
@Controller('positions/:id/careers')
@Roles('manager', 'admin')
export class CareersSettingsController {
  constructor(
    private readonly settings: CareersSettingsService,
    private readonly page: CareersSettingsPage,
  ) {}

  @Get()
  @Render('careers-admin/position')
  show(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.page.build({ user, id });
  }

  @Post()
  @FormView(CareersSettingsPage)
  @Redirect()
  async save(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: CareersSettingsDto,
    @Req() req: Request,
  ) {
    flash(req, 'success', SAVED[await this.settings.save(user, id, dto)]);
    return seeOther(`/positions/${id}/careers`);
  }
}
