import { Controller, Get, Render } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser } from '../common/decorators.js';
import { HomePage } from './home.page.js';

/** Home is a to-do list for whoever is signed in. */
@Controller()
export class HomeController {
  constructor(private readonly page: HomePage) {}

  @Get()
  @Render('home/index')
  index(@CurrentUser() user: User) {
    return this.page.build(user);
  }
}
