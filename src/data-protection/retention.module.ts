import { Module } from '@nestjs/common';
import { DataProtectionModule } from './data-protection.module.js';
import { LegalHoldModule } from './legal-hold.module.js';
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
 * Retention rules and the daily run that anonymises candidates past them (issue 15). Anonymising itself is the
 * AnonymisationService's, shared with the erasure queue; legal holds are LegalHoldModule's.
 */
@Module({
  imports: [DataProtectionModule, LegalHoldModule],
  controllers: [RetentionController],
  providers: [
    RetentionRepository,
    RetentionService,
    RetentionJob,
    RetentionSettingsPage,
    RetentionConfirmPage,
    RetentionPreviewPage,
    RetentionRunPage,
  ],
  exports: [RetentionService],
})
export class RetentionModule {}
