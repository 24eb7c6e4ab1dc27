import { Controller, Get, Param, Query, Render } from '@nestjs/common';
import { ParseIdPipe } from '../common/params.js';
import { Roles } from '../common/decorators.js';
import { notFound } from '../common/errors.js';
import { pageRequest, pageView } from '../common/pagination.js';
import { OutboxRepository } from './outbox.repository.js';

@Controller('admin/outbox')
@Roles('admin')
export class OutboxController {
  constructor(private readonly outbox: OutboxRepository) {}

  @Get()
  @Render('outbox/index')
  async index(@Query('page') page?: string) {
    const request = pageRequest(page);
    const [messages, total] = await this.outbox.findPageNewestFirst(request);
    return {
      title: 'Outbox',
      messages: messages.map((m) => ({ id: m.id, to: m.to, subject: m.subject, createdAt: m.createdAt })),
      pagination: pageView(request, total, '/admin/outbox'),
    };
  }

  @Get(':id')
  @Render('outbox/show')
  async show(@Param('id', ParseIdPipe) id: number) {
    const message = await this.outbox.findById(id);
    if (!message) throw notFound('That message');
    return {
      title: message.subject,
      message: {
        to: message.to,
        subject: message.subject,
        text: message.text,
        createdAt: message.createdAt,
        attachments: message.attachments ?? [],
      },
    };
  }
}
