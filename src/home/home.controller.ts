import { Controller, Get, Render } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { CurrentUser } from '../common/decorators.js';
import { HomeService } from './home.service.js';

/** Home is a to-do list for whoever is signed in. */
@Controller()
export class HomeController {
  constructor(private readonly home: HomeService) {}

  @Get()
  @Render('home/index')
  async index(@CurrentUser() user: User) {
    const [todos, onboarding, tasksForOthers, health] = await Promise.all([
      this.home.todosFor(user),
      this.home.myOnboarding(user),
      this.home.tasksForOthers(user),
      this.home.health(user),
    ]);
    return {
      title: 'Home',
      firstName: user.name.split(' ')[0],
      todos,
      onboarding,
      tasksForOthers,
      health,
      nothing: !todos.length && !onboarding && !tasksForOthers.length,
    };
  }
}
