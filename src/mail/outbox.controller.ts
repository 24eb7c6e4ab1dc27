import { Controller, Get, Param, Post, Query, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { flash } from '../common/flash.js';
import { ParseIdPipe } from '../common/params.js';
import { Roles } from '../common/decorators.js';
import { seeOther } from '../common/redirect.js';
import { OutboxQueryDto } from './dto/outbox-query.dto.js';
import { MailService } from './mail.service.js';
import { OutboxPages } from './outbox.pages.js';

@Controller('admin/outbox')
@Roles('admin')
export class OutboxController {
  constructor(
    private readonly pages: OutboxPages,
    private readonly mail: MailService,
  ) {}

  @Get()
  @Render('outbox/index')
  index(@Query() query: OutboxQueryDto) {
    return this.pages.list(query);
  }

  @Get(':id')
  @Render('outbox/show')
  show(@Param('id', ParseIdPipe) id: number) {
    return this.pages.message(id);
  }

  @Post(':id/retry')
  @Redirect()
  async retry(@Param('id', ParseIdPipe) id: number, @Req() req: Request) {
    const message = await this.mail.retry(id);
    flash(req, 'success', `The message to ${message.to} will be sent again now.`);
    return seeOther(`/admin/outbox/${id}`);
  }
}
