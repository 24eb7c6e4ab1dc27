import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { MailModule } from '../mail/mail.module.js';
import { AccountController } from './account.controller.js';
import { AccountPage } from './account.page.js';
import { AccountTokensService } from './account-tokens.service.js';
import { AttemptLimitsService } from './attempt-limits.service.js';
import { AccountsService } from './accounts.service.js';
import { CurrentUserMiddleware } from './current-user.middleware.js';
import { InvitationsController } from './invitations.controller.js';
import { PasswordController } from './password.controller.js';
import { PeopleController } from './people.controller.js';
import { DeactivatePersonPage, PeopleListPage, PersonPage } from './people.pages.js';
import { PeopleService } from './people.service.js';
import { SessionController } from './session.controller.js';
import { SetupController } from './setup.controller.js';
import { UsersRepository } from './users.repository.js';

@Module({
  imports: [MailModule],
  controllers: [
    AccountController,
    SetupController,
    SessionController,
    PasswordController,
    InvitationsController,
    PeopleController,
  ],
  providers: [
    AccountsService,
    PeopleService,
    AccountTokensService,
    AttemptLimitsService,
    UsersRepository,
    PeopleListPage,
    PersonPage,
    DeactivatePersonPage,
    AccountPage,
  ],
  exports: [AccountsService, UsersRepository, PeopleService, AttemptLimitsService],
})
export class AccountsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CurrentUserMiddleware).forRoutes('*');
  }
}
