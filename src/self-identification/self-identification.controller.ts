import { Body, Controller, Get, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Public, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { seeOther } from '../common/redirect.js';
import { SelfIdentificationAnswersDto, SelfIdentificationSettingsDto } from './dto/self-identification.dto.js';
import { PortalSelfIdentificationPage, SelfIdentificationSettingsPage } from './self-identification.pages.js';
import { SelfIdentificationPortalService } from './self-identification-portal.service.js';
import { SelfIdentificationService } from './self-identification.service.js';

/** Settings → Self-identification (admins): whether candidates are asked, and for positions in which countries. */
@Controller('admin/self-identification')
@Roles('admin')
export class SelfIdentificationSettingsController {
  constructor(
    private readonly selfId: SelfIdentificationService,
    private readonly page: SelfIdentificationSettingsPage,
  ) {}

  @Get()
  @Render('self-identification/settings')
  show() {
    return this.page.build();
  }

  @Post()
  @FormView(SelfIdentificationSettingsPage)
  @Redirect()
  async save(@CurrentUser() user: User, @Body() dto: SelfIdentificationSettingsDto, @Req() req: Request) {
    const saved = await this.selfId.saveSettings(user, dto.enabled === '1', dto.countries, dto.confirm);
    flash(req, 'success', saved.enabled ? 'Saved: candidates are asked.' : 'Saved: candidates are not asked.');
    return seeOther('/admin/self-identification');
  }
}

/** The candidate's optional self-identification page, through their private portal link. */
@Controller('portal/:token/self-identification')
@Public()
export class PortalSelfIdentificationController {
  constructor(
    private readonly portal: SelfIdentificationPortalService,
    private readonly page: PortalSelfIdentificationPage,
  ) {}

  @Get()
  @Render('self-identification/portal')
  show(@Param('token') token: string) {
    return this.page.build({ user: undefined, id: 0, params: { token } });
  }

  @Post()
  @FormView(PortalSelfIdentificationPage)
  @Redirect()
  async save(@Param('token') token: string, @Body() dto: SelfIdentificationAnswersDto, @Req() req: Request) {
    await this.portal.record(token, dto);
    flash(
      req,
      'success',
      'Thank you. Your answers are kept apart from your application; the hiring team never sees them.',
    );
    return seeOther(`/portal/${token}`);
  }
}
