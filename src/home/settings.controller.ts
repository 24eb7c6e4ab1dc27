import { Controller, Get, Render } from '@nestjs/common';
import { Roles } from '../common/decorators.js';

/** The admin's settings: one page linking to each list Keeper lets them edit. */
@Controller('admin/settings')
@Roles('admin')
export class SettingsController {
  @Get()
  @Render('home/settings')
  index() {
    return { title: 'Settings' };
  }
}
