import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { CandidatesModule } from '../candidates/candidates.module.js';
import { FilesModule } from '../files/files.module.js';
import { MailModule } from '../mail/mail.module.js';
import { PositionsModule } from '../positions/positions.module.js';
import { SelfIdentificationModule } from '../self-identification/self-identification.module.js';
import { VettingModule } from '../vetting/vetting.module.js';
import { ApplyService } from './apply.service.js';
import { CareersSiteService } from './careers-site.service.js';
import { CareersController } from './careers.controller.js';
import { PublicLayoutMiddleware } from '../company/public-layout.middleware.js';
import { CareersUploadMiddleware } from './careers.middleware.js';
import { CareersAfterPage, CareersListPage, CareersPositionPage, CareersPrivacyPage } from './careers.pages.js';
import { CareersRepository } from './careers.repository.js';
import { ApplicationIntakeSection } from './application-answers.section.js';
import { CareersSettingsController } from './careers-settings.controller.js';
import { CareersSettingsPage } from './careers-settings.page.js';
import { CareersSettingsRepository } from './careers-settings.repository.js';
import { CareersSettingsService } from './careers-settings.service.js';
import { CompanySettingsController } from './company-settings.controller.js';
import { CompanyProfilePage, PrivacyNoticePage } from './company-settings.pages.js';
import { CompanySettingsService } from './company-settings.service.js';
import { IntakeService } from './intake.service.js';
import { BrandController } from './brand.controller.js';
import { LogoSettingsController } from './logo-settings.controller.js';
import { LogoPage } from './logo-settings.page.js';
import { LogoSettingsService } from './logo-settings.service.js';
import { LOGO_LIMIT_BYTES } from '../company/logo-check.js';
import { staffUploadMiddleware } from '../files/upload.js';

const LogoUploadMiddleware = staffUploadMiddleware('logo', LOGO_LIMIT_BYTES);

/** The careers site: published positions for anyone to read, and the application form behind them. */
@Module({
  imports: [
    AccountsModule,
    FilesModule,
    MailModule,
    PositionsModule,
    CandidatesModule,
    VettingModule,
    SelfIdentificationModule,
  ],
  controllers: [
    CareersController,
    CompanySettingsController,
    CareersSettingsController,
    LogoSettingsController,
    BrandController,
  ],
  providers: [
    IntakeService,
    CareersRepository,
    CareersSiteService,
    ApplyService,
    CareersListPage,
    CareersPositionPage,
    CareersAfterPage,
    CareersPrivacyPage,
    CareersSettingsRepository,
    CareersSettingsService,
    CompanySettingsService,
    CareersSettingsPage,
    CompanyProfilePage,
    PrivacyNoticePage,
    ApplicationIntakeSection,
    LogoSettingsService,
    LogoPage,
  ],
  exports: [IntakeService],
})
export class CareersModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // The layout first: an upload refused for a closed position is shown as a careers page.
    consumer.apply(PublicLayoutMiddleware).forRoutes(CareersController);
    consumer.apply(CareersUploadMiddleware).forRoutes({ path: 'careers/:ref', method: RequestMethod.POST });
    consumer.apply(LogoUploadMiddleware).forRoutes({ path: 'admin/company/logo', method: RequestMethod.POST });
  }
}
