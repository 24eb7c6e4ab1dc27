import { Body, Controller, Get, HttpCode, Post, Query, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { PageQueryDto } from '../common/pagination.js';
import { seeOther } from '../common/redirect.js';
import { RetentionRulesDto } from './dto/retention.dto.js';
import {
  RetentionConfirmPage,
  RetentionPreviewPage,
  RetentionRunPage,
  RetentionSettingsPage,
} from './retention.pages.js';
import { RetentionService } from './retention.service.js';

/** Settings → Data retention (admins): the rules, the preview of the next run, and running it now. */
@Controller('admin/retention')
@Roles('admin')
export class RetentionController {
  constructor(
    private readonly retention: RetentionService,
    private readonly settingsPage: RetentionSettingsPage,
    private readonly confirmPage: RetentionConfirmPage,
    private readonly previewPage: RetentionPreviewPage,
    private readonly runPage: RetentionRunPage,
  ) {}

  @Get()
  @Render('retention/settings')
  show(@CurrentUser() user: User) {
    return this.settingsPage.build({ user, id: 0 });
  }

  @Post('confirm')
  @HttpCode(200)
  @FormView(RetentionSettingsPage)
  @Render('retention/confirm')
  confirm(@Body() dto: RetentionRulesDto) {
    return this.confirmPage.build(dto);
  }

  @Post()
  @FormView(RetentionSettingsPage)
  @Redirect()
  async save(@CurrentUser() user: User, @Body() dto: RetentionRulesDto, @Req() req: Request) {
    await this.retention.save(user, dto);
    flash(req, 'success', 'Retention rules saved. The preview shows what the next run will anonymise.');
    return seeOther('/admin/retention');
  }

  @Get('preview')
  @Render('retention/preview')
  preview(@Query() query: PageQueryDto) {
    return this.previewPage.build(query.page);
  }

  @Get('run')
  @Render('retention/run')
  confirmRun() {
    return this.runPage.build();
  }

  @Post('run')
  @Redirect()
  async run(@CurrentUser() user: User, @Req() req: Request) {
    const run = await this.retention.run(user);
    flash(
      req,
      'success',
      `Retention ran: ${run.anonymised} ${run.anonymised === 1 ? 'candidate' : 'candidates'} anonymised${run.failed ? `, ${run.failed} could not be (see the logs)` : ''}.`,
    );
    return seeOther('/admin/retention/preview');
  }
}
