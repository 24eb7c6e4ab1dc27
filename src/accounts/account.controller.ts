import { Body, Controller, Get, Post, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { CurrentUser, FormView, OpenToRecruiters } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { seeOther } from '../common/redirect.js';
import { AccountPage } from './account.page.js';
import { AccountsService } from './accounts.service.js';
import { AccountTimeZoneDto } from './dto/account.dto.js';
import type { User } from './entities/user.entity.js';

/** Your account: the time zone you see times in, and a way to change your password. Everyone signed in. */
@Controller('account')
@OpenToRecruiters()
export class AccountController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly page: AccountPage,
  ) {}

  @Get()
  @Render('accounts/account')
  show(@CurrentUser() user: User) {
    return this.page.build({ user, id: 0 });
  }

  @Post('time-zone')
  @FormView(AccountPage)
  @Redirect()
  async saveTimeZone(@CurrentUser() user: User, @Body() dto: AccountTimeZoneDto, @Req() req: Request) {
    await this.accounts.saveTimeZone(user, dto.timeZone);
    flash(req, 'success', 'Time zone saved. Every page shows times in it from now on.');
    return seeOther('/account');
  }
}
