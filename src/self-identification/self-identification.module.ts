import { Module } from '@nestjs/common';
import { VettingModule } from '../vetting/vetting.module.js';
import {
  PortalSelfIdentificationController,
  SelfIdentificationSettingsController,
} from './self-identification.controller.js';
import { PortalSelfIdentificationPage, SelfIdentificationSettingsPage } from './self-identification.pages.js';
import { SelfIdentificationPortalService } from './self-identification-portal.service.js';
import { SelfIdentificationRepository } from './self-identification.repository.js';
import { PortalSelfIdentificationSection } from './self-identification.section.js';
import { SelfIdentificationService } from './self-identification.service.js';

/** Voluntary self-identification: asked on the careers form and in the portal, read only by the adverse-impact report. */
@Module({
  imports: [VettingModule],
  controllers: [SelfIdentificationSettingsController, PortalSelfIdentificationController],
  providers: [
    SelfIdentificationRepository,
    SelfIdentificationService,
    SelfIdentificationPortalService,
    SelfIdentificationSettingsPage,
    PortalSelfIdentificationPage,
    PortalSelfIdentificationSection,
  ],
  exports: [SelfIdentificationService, SelfIdentificationPortalService],
})
export class SelfIdentificationModule {}
