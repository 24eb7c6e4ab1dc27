import { Body, Controller, Get, HttpCode, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { CurrentUser, FormView, OpenToRecruiters, Public } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { seeOther } from '../common/redirect.js';
import { startSignedInSession } from '../common/sign-in-session.js';
import { AccountsService } from './accounts.service.js';
import { ClientAddress } from './client-address.decorator.js';
import { ChangePasswordDto, ForgotPasswordDto, ResetPasswordDto } from './dto/account.dto.js';
import type { User } from './entities/user.entity.js';

@Controller()
export class PasswordController {
  constructor(private readonly accounts: AccountsService) {}

  @Get('password/forgot')
  @Public()
  @Render('accounts/forgot-password')
  showForgot() {
    return { title: 'Reset your password' };
  }

  @Post('password/forgot')
  @Public()
  @HttpCode(200)
  @FormView('accounts/forgot-password', { title: 'Reset your password' })
  @Render('accounts/forgot-password-sent')
  async forgot(@Body() dto: ForgotPasswordDto, @ClientAddress() address: string) {
    await this.accounts.requestPasswordReset(dto.email, address);
    return { title: 'Check your mail', email: dto.email };
  }

  @Get('password/reset/:token')
  @Public()
  @Render('accounts/reset-password')
  async showReset(@Param('token') token: string, @ClientAddress() address: string) {
    const record = await this.accounts.checkResetToken(token, address);
    return { title: 'Choose a new password', token, email: record.user.email };
  }

  @Post('password/reset/:token')
  @Public()
  @FormView('accounts/reset-password', { title: 'Choose a new password' })
  @Redirect()
  async reset(
    @Param('token') token: string,
    @Body() dto: ResetPasswordDto,
    @Req() req: Request,
    @ClientAddress() address: string,
  ) {
    const user = await this.accounts.resetPassword(token, dto, address);
    await startSignedInSession(req, user.id);
    flash(req, 'success', 'Your password has been changed. Every other session has been signed out.');
    return seeOther('/');
  }

  @Get('account/password')
  @OpenToRecruiters()
  @Render('accounts/change-password')
  showChange() {
    return { title: 'Change your password' };
  }

  @Post('account/password')
  @OpenToRecruiters()
  @FormView('accounts/change-password', { title: 'Change your password' })
  @Redirect()
  async change(@CurrentUser() user: User, @Body() dto: ChangePasswordDto, @Req() req: Request) {
    await this.accounts.changePassword(user, dto, req.sessionID);
    flash(req, 'success', 'Your password has been changed. Your other sessions have been signed out.');
    return seeOther('/');
  }
}
