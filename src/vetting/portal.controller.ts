import { Body, Controller, Get, HttpCode, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { FormView, Public } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { seeOther } from '../common/redirect.js';
import { UploadedFileOf, type Upload } from '../files/upload.js';
import { attachment } from '../files/download.js';
import { PortalClosingService } from './portal-closing.service.js';
import { PortalHomePage, PortalWritingPage } from './portal.pages.js';
import { AutosaveDto, PortalTasksService, PortalTimeZoneDto, WritingDto } from './portal-tasks.service.js';

/** The candidate portal: reached only through the candidate's private link, never with an account. */
@Controller('portal/:token')
@Public()
export class PortalController {
  constructor(
    private readonly tasks: PortalTasksService,
    private readonly home: PortalHomePage,
    private readonly writingPage: PortalWritingPage,
    private readonly closing: PortalClosingService,
  ) {}

  @Get()
  @Render('portal/home')
  show(@Param('token') token: string) {
    return this.home.build({ user: undefined, id: 0, params: { token } });
  }

  /** The candidate's own resume or presentation, from the closing page (30 days after the application closed). */
  @Get('documents/:kind')
  async document(@Param('token') token: string, @Param('kind') kind: string) {
    return attachment(await this.closing.document(token, kind === 'presentation' ? 'presentation' : 'resume'));
  }

  @Get('description.pdf')
  async descriptionPdf(@Param('token') token: string) {
    return attachment(await this.tasks.pdf(token, 'description'));
  }

  @Get('plan.pdf')
  async planPdf(@Param('token') token: string) {
    return attachment(await this.tasks.pdf(token, 'plan'));
  }

  @Post('presentation')
  @FormView(PortalHomePage)
  @Redirect()
  async uploadDeck(@Param('token') token: string, @UploadedFileOf('deck') deck: Upload | null, @Req() req: Request) {
    await this.tasks.uploadDeck(token, deck);
    flash(req, 'success', 'Thank you: your presentation is uploaded. We will write to you about the session.');
    return seeOther(`/portal/${token}`);
  }

  @Post('time-zone')
  @FormView(PortalHomePage)
  @Redirect()
  async saveTimeZone(@Param('token') token: string, @Body() dto: PortalTimeZoneDto, @Req() req: Request) {
    await this.tasks.saveTimeZone(token, dto);
    flash(req, 'success', 'Thank you: we give your dates and times in this zone from now on.');
    return seeOther(`/portal/${token}#time-zone`);
  }

  @Get('writing')
  @Render('portal/writing')
  writing(@Param('token') token: string) {
    return this.writingPage.build({ user: undefined, id: 0, params: { token } });
  }

  @Post('writing/start')
  @Redirect()
  async start(@Param('token') token: string) {
    await this.tasks.startWriting(token);
    return seeOther(`/portal/${token}/writing`);
  }

  @Post('writing')
  @FormView(PortalWritingPage)
  @Redirect()
  async save(@Param('token') token: string, @Body() dto: WritingDto, @Req() req: Request) {
    const saved = await this.tasks.saveWriting(token, dto);
    flash(req, saved.level, saved.message);
    return seeOther(saved.submitted ? `/portal/${token}` : `/portal/${token}/writing`);
  }

  /** The page's automatic save (JSON): while typing, on leaving the page, and the final one when time runs out. */
  @Post('writing/autosave')
  @HttpCode(200)
  autosave(@Param('token') token: string, @Body() dto: AutosaveDto) {
    return this.tasks.autosaveWriting(token, dto);
  }
}
