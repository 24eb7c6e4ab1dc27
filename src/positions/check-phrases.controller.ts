import { Body, Controller, Get, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import { ParseIdPipe } from '../common/params.js';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { seeOther } from '../common/redirect.js';
import { CheckPhrasesPage } from './check-phrases.page.js';
import { CheckPhrasesService } from './check-phrases.service.js';
import { CheckPhraseDto } from './dto/new-position.dto.js';

/** Admins extend the outcome check's lists of experience proxies and vague verbs. */
@Controller('admin/position-check')
@Roles('admin')
export class CheckPhrasesController {
  constructor(
    private readonly phrases: CheckPhrasesService,
    private readonly page: CheckPhrasesPage,
  ) {}

  @Get()
  @Render('positions/check-phrases')
  index() {
    return this.page.build();
  }

  @Post()
  @FormView(CheckPhrasesPage)
  @Redirect()
  async add(@CurrentUser() user: User, @Body() dto: CheckPhraseDto, @Req() req: Request) {
    await this.phrases.add(dto.list, dto.phrase, user.id, dto.note ?? null);
    flash(req, 'success', `“${dto.phrase}” added. The outcome check uses it from now on.`);
    return seeOther('/admin/position-check');
  }

  @Post(':id/delete')
  @Redirect()
  async remove(@Param('id', ParseIdPipe) id: number, @Req() req: Request) {
    await this.phrases.remove(id);
    flash(req, 'success', 'Phrase removed.');
    return seeOther('/admin/position-check');
  }
}
