import { Body, Controller, Get, Param, Post, Query, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { ParseIdPipe } from '../common/params.js';
import { seeOther } from '../common/redirect.js';
import { CandidateMessagesService } from './candidate-messages.service.js';
import { WriteMessageDto, WriteMessageQueryDto } from './dto/write-message.dto.js';
import { WriteMessagePage } from './write-message.page.js';

/** One-off messages from the hiring team to a candidate, sent through the outbox and listed in the communication log. */
@Controller('applications/:id/messages')
@Roles('manager', 'admin')
export class CandidateMessagesController {
  constructor(
    private readonly page: WriteMessagePage,
    private readonly messages: CandidateMessagesService,
  ) {}

  @Get('new')
  @Render('messages/write')
  write(@Param('id', ParseIdPipe) id: number, @Query() query: WriteMessageQueryDto, @CurrentUser() user: User) {
    return this.page.build({ user, id, query: { template: query.template } });
  }

  @Post()
  @FormView(WriteMessagePage)
  @Redirect()
  async send(
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: WriteMessageDto,
    @CurrentUser() user: User,
    @Req() req: Request,
  ) {
    const application = await this.messages.send(user, id, dto.subject, dto.body);
    flash(req, 'success', `Your message to ${application.candidate.name} is on its way.`);
    return seeOther(`/applications/${id}#messages`);
  }
}
