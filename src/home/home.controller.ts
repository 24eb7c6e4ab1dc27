import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser, OpenToRecruiters } from '../common/decorators.js';
import { HomePage } from './home.page.js';

/** Home is a to-do list for whoever is signed in; an agency recruiter's home is their portal. */
@Controller()
export class HomeController {
  constructor(private readonly page: HomePage) {}

  // @Res(): the answer is a page or, for a recruiter, a redirect, chosen at run time.
  @Get()
  @OpenToRecruiters()
  async index(@CurrentUser() user: User, @Res() res: Response) {
    const elsewhere = this.page.elsewhere(user);
    if (elsewhere) return res.redirect(303, elsewhere);
    res.render('home/index', await this.page.build(user));
  }
}
