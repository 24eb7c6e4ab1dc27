import { Controller, Get, Param, Query, Render } from '@nestjs/common';
import { ParseIdPipe } from '../common/params.js';
import { Roles } from '../common/decorators.js';
import { OutboxPages } from './outbox.pages.js';

@Controller('admin/outbox')
@Roles('admin')
export class OutboxController {
  constructor(private readonly pages: OutboxPages) {}

  @Get()
  @Render('outbox/index')
  index(@Query('page') page?: string) {
    return this.pages.list(page);
  }

  @Get(':id')
  @Render('outbox/show')
  show(@Param('id', ParseIdPipe) id: number) {
    return this.pages.message(id);
  }
}
