import { Body, Controller, Get, Post, Query, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { FormView, Public } from '../common/decorators.js';
import { seeOther } from '../common/redirect.js';
import { endSession, safeNextPath, startSignedInSession } from '../common/sign-in-session.js';
import { AccountsService } from './accounts.service.js';
import { ClientAddress } from './client-address.decorator.js';
import { SignInDto, SignInQueryDto } from './dto/account.dto.js';

const TITLE = { title: 'Sign in' };

@Controller()
export class SessionController {
  constructor(private readonly accounts: AccountsService) {}

  @Get('login')
  @Public()
  @Render('accounts/login')
  showSignIn(@Req() req: Request, @Query() query: SignInQueryDto) {
    if (req.user) return { ...TITLE, alreadySignedIn: true };
    return { ...TITLE, values: { next: query.next ? safeNextPath(query.next) : '' } };
  }

  @Post('login')
  @Public()
  @FormView('accounts/login', TITLE)
  @Redirect()
  async signIn(@Body() dto: SignInDto, @Req() req: Request, @ClientAddress() address: string) {
    const user = await this.accounts.signIn(dto.email, dto.password, address);
    await startSignedInSession(req, user.id);
    return seeOther(safeNextPath(dto.next));
  }

  @Post('logout')
  @Public()
  @Redirect()
  async signOut(@Req() req: Request) {
    await endSession(req);
    return seeOther('/login');
  }
}
