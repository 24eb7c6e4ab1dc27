import { Controller, Get, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Public } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { seeOther } from '../common/redirect.js';
import { DataRequestsService } from './data-requests.service.js';

/** "Your data" in the candidate portal: what Keeper holds about them, and their request to erase it. */
@Controller('portal/:token/data')
@Public()
export class PortalDataController {
  constructor(private readonly requests: DataRequestsService) {}

  @Get()
  @Render('data-protection/portal')
  show(@Param('token') token: string) {
    return this.requests.portalPage(token);
  }

  @Get('erase')
  @Render('data-protection/portal-erase')
  confirm(@Param('token') token: string) {
    return this.requests.confirmErasurePage(token);
  }

  @Post('erase')
  @Redirect()
  async erase(@Param('token') token: string, @Req() req: Request) {
    await this.requests.requestErasure(token);
    flash(req, 'success', 'Thank you: we have your request and will answer it by mail within 30 days.');
    return seeOther(`/portal/${token}/data`);
  }
}
