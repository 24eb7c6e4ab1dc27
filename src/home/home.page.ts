import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { isConfinedToCompliance } from '../accounts/role.js';
import { AgenciesAccess } from '../agencies/agencies.access.js';
import { HomeService } from './home.service.js';

/** The home page: the user's to-dos, their own onboarding, their part in others', and a manager's pipeline health. */
@Injectable()
export class HomePage {
  constructor(
    private readonly home: HomeService,
    private readonly agencies: AgenciesAccess,
  ) {}

  /**
   * Where the user's home is instead of this page, if anywhere: an agency recruiter's is their portal, a compliance
   * officer's (with no other role) the adverse-impact report.
   */
  elsewhere(user: User): string | null {
    if (isConfinedToCompliance(user.roles)) return '/insights/adverse-impact';
    return this.agencies.homeOf(user);
  }

  async build(user: User) {
    const [todos, onboarding, tasksForOthers, pipelineHealth] = await Promise.all([
      this.home.todosFor(user),
      this.home.myOnboarding(user),
      this.home.tasksForOthers(user),
      this.home.pipelineHealth(user),
    ]);
    return {
      title: 'Home',
      firstName: user.name.split(' ')[0],
      todos,
      onboarding,
      tasksForOthers,
      pipelineHealth,
      nothing: !todos.length && !onboarding && !tasksForOthers.length,
    };
  }
}
