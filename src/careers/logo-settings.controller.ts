import { Controller, Get, Post, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { seeOther } from '../common/redirect.js';
import { UploadStateOf, type UploadState } from '../files/upload.js';
import { LogoPage } from './logo-settings.page.js';
import { LogoSettingsService } from './logo-settings.service.js';

/** Settings → Company → Logo: upload a PNG or SVG, or remove it (after a confirmation step). Admins only. */
@Controller('admin/company/logo')
@Roles('admin')
export class LogoSettingsController {
  constructor(
    private readonly logos: LogoSettingsService,
    private readonly page: LogoPage,
  ) {}

  @Get()
  @Render('careers-admin/logo')
  show() {
    return this.page.build();
  }

  @Post()
  @FormView(LogoPage)
  @Redirect()
  async upload(@CurrentUser() user: User, @UploadStateOf() logo: UploadState, @Req() req: Request) {
    const { sanitised } = await this.logos.upload(user, logo);
    flash(req, 'success', sanitised ? LOGO_SAVED_SVG : LOGO_SAVED);
    return seeOther('/admin/company/logo');
  }

  @Get('remove')
  @Render('careers-admin/logo-remove')
  confirmRemove() {
    return this.page.build();
  }

  @Post('remove')
  @Redirect()
  async remove(@Req() req: Request) {
    const removed = await this.logos.remove();
    flash(req, removed ? 'success' : 'info', removed ? 'The logo is removed.' : 'There was no logo to remove.');
    return seeOther('/admin/company/logo');
  }
}

const LOGO_SAVED = 'The logo is saved. Candidates see it on the careers site, in their portal, mail and PDFs.';
const LOGO_SAVED_SVG = `${LOGO_SAVED} Anything in the SVG that could run or load something (scripts, links, embedded pages) was taken out.`;
