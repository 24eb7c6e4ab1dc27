import { Body, Controller, Get, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import { ParseIdPipe } from '../common/params.js';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { ApplicationPage } from '../candidates/application.page.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { ConfirmDto, CONFIRM_VIEW } from '../common/confirmation.js';
import { flash } from '../common/flash.js';
import { seeOther } from '../common/redirect.js';
import { attachment } from '../files/download.js';
import { UploadedFileOf, type Upload } from '../files/upload.js';
import { ApplicationVettingService } from './application-vetting.service.js';
import { RevokePortalLinkPage } from './portal-revoke.page.js';
import { AssessmentDto, CancelSessionDto, SessionDto } from './dto/vetting.dto.js';

/** The vetting actions on one application's page: portal link, assessment, presentation session, files. */
@Controller('applications/:id')
@Roles('manager', 'admin')
export class ApplicationVettingController {
  constructor(
    private readonly vetting: ApplicationVettingService,
    private readonly revokePage: RevokePortalLinkPage,
  ) {}

  @Post('portal')
  @Redirect()
  async sendPortalLink(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number, @Req() req: Request) {
    const email = await this.vetting.sendPortalLink(user, id);
    flash(req, 'success', `Portal link on its way to ${email}. Any earlier link no longer works.`);
    return seeOther(`/applications/${id}#portal`);
  }

  @Get('portal/revoke')
  @Render(CONFIRM_VIEW)
  confirmRevoke(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.revokePage.build({ user, id });
  }

  @Post('portal/revoke')
  @FormView(RevokePortalLinkPage)
  @Redirect()
  async revokePortalLink(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() _confirmed: ConfirmDto,
    @Req() req: Request,
  ) {
    await this.vetting.revokePortalLink(user, id);
    flash(req, 'success', 'The portal link no longer works.');
    return seeOther(`/applications/${id}#portal`);
  }

  @Post('assessment')
  @FormView(ApplicationPage)
  @Redirect()
  async recordAssessment(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: AssessmentDto,
    @UploadedFileOf('report') report: Upload | null,
    @Req() req: Request,
  ) {
    await this.vetting.recordAssessment(user, id, dto, report);
    flash(req, 'success', 'Assessment recorded.');
    return seeOther(`/applications/${id}#vetting`);
  }

  @Post('presentation/session')
  @FormView(ApplicationPage)
  @Redirect()
  async schedulePresentation(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: SessionDto,
    @Req() req: Request,
  ) {
    await this.vetting.schedulePresentation(user, id, dto);
    flash(
      req,
      'success',
      'Presentation session saved; the candidate has their invitation and the evaluators find it under Grading.',
    );
    return seeOther(`/applications/${id}#presentation`);
  }

  @Post('presentation/cancel')
  @FormView(ApplicationPage)
  @Redirect()
  async cancelPresentation(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: CancelSessionDto,
    @Req() req: Request,
  ) {
    await this.vetting.cancelPresentation(user, id, dto);
    flash(req, 'success', 'Presentation session cancelled. The candidate has been told.');
    return seeOther(`/applications/${id}#presentation`);
  }

  @Get('presentation/deck')
  async deck(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return attachment(await this.vetting.deck(user, id));
  }

  @Get('assessment/report')
  async report(@Param('id', ParseIdPipe) id: number) {
    return attachment(await this.vetting.report(id));
  }
}
