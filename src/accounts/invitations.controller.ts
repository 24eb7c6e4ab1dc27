import { Body, Controller, Get, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { FormView, Public } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { seeOther } from '../common/redirect.js';
import { startSignedInSession } from '../common/sign-in-session.js';
import { AccountsService } from './accounts.service.js';
import { ClientAddress } from './client-address.decorator.js';
import { AcceptInvitationDto } from './dto/account.dto.js';

const TITLE = 'Join Keeper';

/** The link in an invitation mail: the invited person chooses a password and is signed in. */
@Controller('invitations')
@Public()
export class InvitationsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get(':token')
  @Render('accounts/accept-invitation')
  async show(@Param('token') token: string, @ClientAddress() address: string) {
    const { user } = await this.accounts.checkInvitation(token, address);
    return { title: TITLE, token, email: user.email, values: { name: user.name } };
  }

  @Post(':token')
  @FormView('accounts/accept-invitation', { title: TITLE })
  @Redirect()
  async accept(
    @Param('token') token: string,
    @Body() dto: AcceptInvitationDto,
    @Req() req: Request,
    @ClientAddress() address: string,
  ) {
    const user = await this.accounts.acceptInvitation(token, dto, address);
    await startSignedInSession(req, user.id);
    flash(req, 'success', `Welcome to Keeper, ${user.name}.`);
    return seeOther('/');
  }
}
