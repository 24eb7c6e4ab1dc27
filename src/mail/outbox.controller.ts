import { Controller, Get, Param, Query, Render } from '@nestjs/common';
import { ParseIdPipe } from '../common/params.js';
import { Roles } from '../common/decorators.js';
import { PageQueryDto } from '../common/pagination.js';
import { OutboxPages } from './outbox.pages.js';

@Controller('admin/outbox')
@Roles('admin')
export class OutboxController {
  constructor(private readonly pages: OutboxPages) {}

  @Get()
  @Render('outbox/index')
  index(@Query() query: PageQueryDto) {
    return this.pages.list(query.page);
  }

  @Get(':id')
  @Render('outbox/show')
  show(@Param('id', ParseIdPipe) id: number) {
    return this.pages.message(id);
  }
}
