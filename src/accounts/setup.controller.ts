import { Body, Controller, Get, Post, Redirect, Render, Req, UseGuards } from '@nestjs/common';
import type { Request } from 'express';
import { FormView, Public } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { seeOther } from '../common/redirect.js';
import { startSignedInSession } from '../common/sign-in-session.js';
import { AccountsService } from './accounts.service.js';
import { SetupDto } from './dto/account.dto.js';
import { SetupPendingGuard } from './setup-pending.guard.js';

const TITLE = { title: 'Set up Keeper' };

/** First run only: creates the first admin, then disappears. */
@Controller('setup')
@Public()
@UseGuards(SetupPendingGuard)
export class SetupController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @Render('accounts/setup')
  show() {
    return TITLE;
  }

  @Post()
  @FormView('accounts/setup', TITLE)
  @Redirect()
  async create(@Body() dto: SetupDto, @Req() req: Request) {
    const admin = await this.accounts.createFirstAdmin(dto);
    await startSignedInSession(req, admin.id);
    flash(req, 'success', `Welcome, ${admin.name}. Keeper is ready: invite your team next.`);
    return seeOther('/people/invite');
  }
}
