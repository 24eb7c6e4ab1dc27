import { Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { AccountsModule } from './accounts/accounts.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AgenciesModule } from './agencies/agencies.module.js';
import { CareersModule } from './careers/careers.module.js';
import { CompanyModule } from './company/company.module.js';
import { CandidatesModule } from './candidates/candidates.module.js';
import { AppExceptionFilter } from './common/exception.filter.js';
import { FormViewInterceptor } from './common/form-view.interceptor.js';
import { AuthGuard, CsrfGuard, RolesGuard } from './common/guards.js';
import { formValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/app-config.js';
import { AppConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DataExportModule } from './data-protection/data-export.module.js';
import { DataProtectionModule } from './data-protection/data-protection.module.js';
import { HealthModule } from './health/health.module.js';
import { HomeModule } from './home/home.module.js';
import { HiresModule } from './hires/hires.module.js';
import { InsightsModule } from './insights/insights.module.js';
import { RetentionModule } from './data-protection/retention.module.js';
import { InterviewsModule } from './interviews/interviews.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { MailModule } from './mail/mail.module.js';
import { PositionsModule } from './positions/positions.module.js';
import { SelfIdentificationModule } from './self-identification/self-identification.module.js';
import { SessionsModule } from './sessions/sessions.module.js';
import { VettingModule } from './vetting/vetting.module.js';
import { MessagesModule } from './messages/messages.module.js';

@Module({})
export class AppModule implements OnApplicationShutdown {
  /** Runs after open requests finish and database connections close (graceful shutdown). */
  onApplicationShutdown(signal?: string): void {
    if (signal) new Logger('Keeper').log(`Stopped on ${signal}`);
  }

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        DatabaseModule,
        JobsModule,
        AuditModule,
        SessionsModule,
        MailModule,
        CompanyModule,
        AccountsModule,
        PositionsModule,
        VettingModule,
        MessagesModule,
        CandidatesModule,
        SelfIdentificationModule,
        CareersModule,
        InterviewsModule,
        HiresModule,
        AgenciesModule,
        DataExportModule,
        DataProtectionModule,
        RetentionModule,
        InsightsModule,
        HomeModule,
        HealthModule,
      ],
      providers: [
        // Guards run in this order: CSRF first, then sign-in, then roles.
        { provide: APP_GUARD, useClass: CsrfGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_INTERCEPTOR, useClass: FormViewInterceptor },
        { provide: APP_FILTER, useClass: AppExceptionFilter },
        { provide: APP_PIPE, useFactory: formValidationPipe },
      ],
    };
  }
}
