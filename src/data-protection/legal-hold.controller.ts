import { Body, Controller, Get, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { ParseIdPipe } from '../common/params.js';
import { seeOther } from '../common/redirect.js';
import { LegalHoldDto } from './dto/retention.dto.js';
import { CandidateHoldPage, LiftHoldPage, PositionHoldPage } from './legal-hold.pages.js';
import { LegalHoldService } from './legal-hold.service.js';

const PLACED = 'Legal hold placed: retention will not anonymise this data until the hold is lifted.';
const LIFTED = 'Legal hold lifted: retention rules apply again from the next run.';

/** Admins place and lift legal holds on a candidate or on a whole position, each after a confirmation. */
@Controller()
@Roles('admin')
export class LegalHoldController {
  constructor(
    private readonly holds: LegalHoldService,
    private readonly candidatePage: CandidateHoldPage,
    private readonly positionPage: PositionHoldPage,
    private readonly liftPage: LiftHoldPage,
  ) {}

  @Get('candidates/:id/legal-hold')
  @Render('legal-hold/place')
  showCandidate(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.candidatePage.build({ user, id });
  }

  @Post('candidates/:id/legal-hold')
  @FormView(CandidateHoldPage)
  @Redirect()
  async placeOnCandidate(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: LegalHoldDto,
    @Req() req: Request,
  ) {
    await this.holds.place(user, { kind: 'candidate', id }, dto.reason);
    flash(req, 'success', PLACED);
    return seeOther(`/candidates/${id}`);
  }

  @Get('candidates/:id/legal-hold/lift')
  @Render('legal-hold/lift')
  confirmLiftCandidate(@Param('id', ParseIdPipe) id: number) {
    return this.liftPage.build({ kind: 'candidate', id });
  }

  @Post('candidates/:id/legal-hold/lift')
  @Redirect()
  async liftCandidate(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number, @Req() req: Request) {
    await this.holds.lift(user, { kind: 'candidate', id });
    flash(req, 'success', LIFTED);
    return seeOther(`/candidates/${id}`);
  }

  @Get('positions/:id/legal-hold')
  @Render('legal-hold/place')
  showPosition(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number) {
    return this.positionPage.build({ user, id });
  }

  @Post('positions/:id/legal-hold')
  @FormView(PositionHoldPage)
  @Redirect()
  async placeOnPosition(
    @CurrentUser() user: User,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: LegalHoldDto,
    @Req() req: Request,
  ) {
    await this.holds.place(user, { kind: 'position', id }, dto.reason);
    flash(req, 'success', PLACED);
    return seeOther(`/positions/${id}`);
  }

  @Get('positions/:id/legal-hold/lift')
  @Render('legal-hold/lift')
  confirmLiftPosition(@Param('id', ParseIdPipe) id: number) {
    return this.liftPage.build({ kind: 'position', id });
  }

  @Post('positions/:id/legal-hold/lift')
  @Redirect()
  async liftPosition(@CurrentUser() user: User, @Param('id', ParseIdPipe) id: number, @Req() req: Request) {
    await this.holds.lift(user, { kind: 'position', id });
    flash(req, 'success', LIFTED);
    return seeOther(`/positions/${id}`);
  }
}
