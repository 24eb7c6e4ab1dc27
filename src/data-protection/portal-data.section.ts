import { Injectable } from '@nestjs/common';
import type { Application } from '../candidates/entities/application.entity.js';
import { PortalSection, type PortalSectionProvider } from '../vetting/portal-hub.js';

/** A line in the candidate's portal pointing to "Your data": what Keeper holds, download, and erasure. */
@Injectable()
@PortalSection({ partial: 'portal/your_data', order: 95 })
export class PortalDataSection implements PortalSectionProvider {
  load(application: Application) {
    return Promise.resolve({ applicationId: application.id });
  }
}
