import { Body, Controller, Get, HttpCode, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { flash } from '../common/flash.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { seeOther } from '../common/redirect.js';
import { MessageTemplateDto } from './dto/message-template.dto.js';
import { MessageTemplatesService } from './message-templates.service.js';
import { EditMessagePage, MessagesListPage } from './messages.pages.js';

/** Settings → Messages: the templates of every message candidates receive. */
@Controller('admin/messages')
@Roles('admin')
export class MessagesController {
  constructor(
    private readonly list: MessagesListPage,
    private readonly edit: EditMessagePage,
    private readonly templates: MessageTemplatesService,
  ) {}

  @Get()
  @Render('messages/index')
  index() {
    return this.list.build();
  }

  @Get(':key')
  @Render('messages/edit')
  show(@Param('key') key: string) {
    return this.edit.build({ params: { key } });
  }

  @Post(':key')
  @FormView(EditMessagePage)
  @Redirect()
  async save(
    @Param('key') key: string,
    @Body() dto: MessageTemplateDto,
    @CurrentUser() user: { id: number },
    @Req() req: Request,
  ) {
    await this.templates.save(key, dto.subject, dto.body, user.id);
    flash(req, 'success', 'Saved. The next message of this kind is sent with this text.');
    return seeOther(`/admin/messages/${encodeURIComponent(key)}`);
  }

  @Post(':key/preview')
  @HttpCode(200)
  @FormView(EditMessagePage)
  @Render('messages/edit')
  preview(@Param('key') key: string, @Body() dto: MessageTemplateDto) {
    return this.edit.preview(key, dto.subject, dto.body);
  }

  @Get(':key/restore')
  @Render('messages/restore')
  confirmRestore(@Param('key') key: string) {
    return this.edit.build({ params: { key } });
  }

  @Post(':key/restore')
  @Redirect()
  async restore(@Param('key') key: string, @Req() req: Request) {
    const template = await this.templates.restore(key);
    flash(req, 'success', `“${template.label}” is back to its default text.`);
    return seeOther(`/admin/messages/${encodeURIComponent(key)}`);
  }
}
