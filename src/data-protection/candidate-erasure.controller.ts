import { Controller, Get, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { ParseIdPipe } from '../common/params.js';
import { seeOther } from '../common/redirect.js';
import { DataRequestsService } from './data-requests.service.js';

/** An admin erases any candidate from their page, after a confirmation step. */
@Controller('candidates/:id/erase')
@Roles('admin')
export class CandidateErasureController {
  constructor(private readonly requests: DataRequestsService) {}

  @Get()
  @Render('data-protection/erase-candidate')
  confirm(@Param('id', ParseIdPipe) id: number) {
    return this.requests.erasePage(id);
  }

  @Post()
  @Redirect()
  async erase(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: User, @Req() req: Request) {
    await this.requests.eraseCandidate(user, id);
    flash(req, 'success', 'The candidate is anonymised: their personal data and files are erased.');
    return seeOther(`/candidates/${id}`);
  }
}
