import { Module } from '@nestjs/common';
import { DataProtectionModule } from './data-protection.module.js';
import { LegalHoldController } from './legal-hold.controller.js';
import { CandidateHoldPage, LiftHoldPage, PositionHoldPage } from './legal-hold.pages.js';
import { LegalHoldRepository } from './legal-hold.repository.js';
import { ApplicationHoldSection, CandidateHoldSection, PositionHoldSection } from './legal-hold.sections.js';
import { LegalHoldService } from './legal-hold.service.js';
import { RetentionController } from './retention.controller.js';
import { RetentionJob } from './retention.job.js';
import {
  RetentionConfirmPage,
  RetentionPreviewPage,
  RetentionRunPage,
  RetentionSettingsPage,
} from './retention.pages.js';
import { RetentionRepository } from './retention.repository.js';
import { RetentionService } from './retention.service.js';

/**
 * Retention rules, the daily run that anonymises candidates past them, and legal holds (issue 15). Anonymising
 * itself is the AnonymisationService's, shared with the erasure queue.
 */
@Module({
  imports: [DataProtectionModule],
  controllers: [RetentionController, LegalHoldController],
  providers: [
    RetentionRepository,
    RetentionService,
    RetentionJob,
    RetentionSettingsPage,
    RetentionConfirmPage,
    RetentionPreviewPage,
    RetentionRunPage,
    LegalHoldRepository,
    LegalHoldService,
    CandidateHoldPage,
    PositionHoldPage,
    LiftHoldPage,
    CandidateHoldSection,
    ApplicationHoldSection,
    PositionHoldSection,
  ],
  exports: [LegalHoldService, RetentionService],
})
export class RetentionModule {}
