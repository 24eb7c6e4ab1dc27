import { Body, Controller, Get, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { ParseIdPipe } from '../common/params.js';
import { seeOther } from '../common/redirect.js';
import { CompanyProfilePage, PrivacyNoticePage } from './company-settings.pages.js';
import { CompanySettingsService } from './company-settings.service.js';
import { CompanyProfileDto, PrivacyNoticeDto } from './dto/careers-admin.dto.js';

/** Settings for the careers site: the company's profile and the privacy notice candidates accept. Admins only. */
@Controller('admin')
@Roles('admin')
export class CompanySettingsController {
  constructor(
    private readonly settings: CompanySettingsService,
    private readonly profilePage: CompanyProfilePage,
    private readonly noticePage: PrivacyNoticePage,
  ) {}

  @Get('company')
  @Render('careers-admin/company')
  company() {
    return this.profilePage.build();
  }

  @Post('company')
  @FormView(CompanyProfilePage)
  @Redirect()
  async saveCompany(@Body() dto: CompanyProfileDto, @Req() req: Request) {
    await this.settings.saveProfile(dto);
    flash(req, 'success', 'Company profile saved. The careers site shows it at once.');
    return seeOther('/admin/company');
  }

  @Get('privacy-notice')
  @Render('careers-admin/privacy-notice')
  privacyNotice() {
    return this.noticePage.build();
  }

  @Post('privacy-notice')
  @FormView(PrivacyNoticePage)
  @Redirect()
  async publishNotice(@CurrentUser() user: User, @Body() dto: PrivacyNoticeDto, @Req() req: Request) {
    const { notice, changed } = await this.settings.publishNotice(user, dto);
    const message = changed
      ? `Version ${notice.version} of the privacy notice is published. New applications accept it from now on.`
      : `Nothing changed, so version ${notice.version} stays current.`;
    flash(req, changed ? 'success' : 'info', message);
    return seeOther('/admin/privacy-notice');
  }

  @Get('privacy-notice/versions/:version')
  @Render('careers-admin/privacy-notice-version')
  async noticeVersion(@Param('version', ParseIdPipe) version: number) {
    const { notice, by, current } = await this.settings.notice(version);
    return {
      title: `Privacy notice, version ${notice.version}`,
      notice: { version: notice.version, body: notice.body, retentionMonths: notice.retentionMonths },
      publishedAt: notice.createdAt,
      by,
      current,
    };
  }
}
