import { Controller, Get, Param, Render } from '@nestjs/common';
import { Public } from '../common/decorators.js';
import { PublishingService } from './publishing.service.js';

/** What an external recruiter sees through a share link: the published version, read-only. */
@Controller('share')
@Public()
export class ShareController {
  constructor(private readonly publishing: PublishingService) {}

  @Get(':token')
  @Render('positions/shared')
  async show(@Param('token') token: string) {
    const version = await this.publishing.sharedVersion(token);
    return {
      title: version.snapshot.title,
      snapshot: version.snapshot,
      version: { number: version.number, publishedAt: version.publishedAt },
    };
  }
}
