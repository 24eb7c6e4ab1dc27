import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { CandidatesModule } from '../candidates/candidates.module.js';
import { MailModule } from '../mail/mail.module.js';
import { PositionsModule } from '../positions/positions.module.js';
import { OfferSection } from './application-offer.section.js';
import { DevelopmentService } from './development.service.js';
import { HiresController, OffersController } from './hires.controller.js';
import { HiresRepository } from './hires.repository.js';
import { HiresService } from './hires.service.js';
import { OnboardingTemplateController } from './onboarding-template.controller.js';
import { OnboardingService } from './onboarding.service.js';

@Module({
  imports: [AccountsModule, CandidatesModule, PositionsModule, MailModule],
  controllers: [OffersController, HiresController, OnboardingTemplateController],
  providers: [OfferSection, HiresRepository, HiresService, OnboardingService, DevelopmentService],
  exports: [HiresRepository, HiresService],
})
export class HiresModule {}
