import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '../mail/mail.module.js';
import { AccountTokensService } from './account-tokens.service.js';
import { AccountsService } from './accounts.service.js';
import { CurrentUserMiddleware } from './current-user.middleware.js';
import { AccountToken } from './entities/account-token.entity.js';
import { UserRole } from './entities/user-role.entity.js';
import { User } from './entities/user.entity.js';
import { InvitationsController } from './invitations.controller.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordController } from './password.controller.js';
import { PeopleController } from './people.controller.js';
import { PeopleService } from './people.service.js';
import { SessionController } from './session.controller.js';
import { SetupController } from './setup.controller.js';
import { UsersRepository } from './users.repository.js';

@Module({
  imports: [TypeOrmModule.forFeature([User, UserRole, AccountToken]), MailModule],
  controllers: [SetupController, SessionController, PasswordController, InvitationsController, PeopleController],
  providers: [AccountsService, PeopleService, AccountTokensService, LoginThrottleService, UsersRepository],
  exports: [AccountsService, UsersRepository, PeopleService],
})
export class AccountsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CurrentUserMiddleware).forRoutes('*');
  }
}
