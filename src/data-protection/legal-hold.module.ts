import { Module } from '@nestjs/common';
import { LegalHoldController } from './legal-hold.controller.js';
import { CandidateHoldPage, LiftHoldPage, PositionHoldPage } from './legal-hold.pages.js';
import { LegalHoldRepository } from './legal-hold.repository.js';
import { ApplicationHoldSection, CandidateHoldSection, PositionHoldSection } from './legal-hold.sections.js';
import { LegalHoldService } from './legal-hold.service.js';

/**
 * Legal holds on a candidate or a position (issue 15), on their own so that both retention and the erasure queue
 * can import `LegalHoldService.isOnHold` without importing each other.
 */
@Module({
  controllers: [LegalHoldController],
  providers: [
    LegalHoldRepository,
    LegalHoldService,
    CandidateHoldPage,
    PositionHoldPage,
    LiftHoldPage,
    CandidateHoldSection,
    ApplicationHoldSection,
    PositionHoldSection,
  ],
  exports: [LegalHoldService],
})
export class LegalHoldModule {}
