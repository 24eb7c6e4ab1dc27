import { CheckInDeletePage, CheckInEditPage } from './check-in.pages.js';
import { CheckInsController } from './check-ins.controller.js';
import { CheckInsService } from './check-ins.service.js';
import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { CandidatesModule } from '../candidates/candidates.module.js';
import { VettingModule } from '../vetting/vetting.module.js';
import { MailModule } from '../mail/mail.module.js';
import { PositionsModule } from '../positions/positions.module.js';
import { OfferSection } from './application-offer.section.js';
import { DevelopmentService } from './development.service.js';
import { HiresAccess } from './hires.access.js';
import { HiresController, OffersController } from './hires.controller.js';
import { HiresRepository } from './hires.repository.js';
import { HiresService } from './hires.service.js';
import { OfferPage } from './offer.page.js';
import { OnboardingTemplateController } from './onboarding-template.controller.js';
import { OnboardingTemplatePage } from './onboarding-template.page.js';
import { HireHistoryPage, OnboardingPage } from './onboarding.page.js';
import { OnboardingService } from './onboarding.service.js';
import { PlanPage } from './plan.page.js';

@Module({
  imports: [AccountsModule, CandidatesModule, PositionsModule, MailModule, VettingModule],
  controllers: [OffersController, HiresController, CheckInsController, OnboardingTemplateController],
  providers: [
    OfferSection,
    HiresRepository,
    HiresAccess,
    HiresService,
    OnboardingService,
    DevelopmentService,
    OfferPage,
    OnboardingPage,
    HireHistoryPage,
    PlanPage,
    CheckInsService,
    CheckInEditPage,
    CheckInDeletePage,
    OnboardingTemplatePage,
  ],
  exports: [HiresRepository, HiresAccess, HiresService],
})
export class HiresModule {}
