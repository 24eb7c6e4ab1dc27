import { Injectable } from '@nestjs/common';
import type { Application } from '../candidates/entities/application.entity.js';
import { PortalSection, type PortalSectionProvider } from '../vetting/portal-hub.js';
import { SelfIdentificationService } from './self-identification.service.js';

/** A line in the candidate's portal pointing to the optional self-identification page, when their position asks. */
@Injectable()
@PortalSection({ partial: 'portal/self_identification', order: 90 })
export class PortalSelfIdentificationSection implements PortalSectionProvider {
  constructor(private readonly selfId: SelfIdentificationService) {}

  async load(application: Application) {
    return (await this.selfId.asksFor(application.position)) ? { applicationId: application.id } : null;
  }
}
