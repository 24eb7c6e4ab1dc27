import { Injectable } from '@nestjs/common';
import {
  CandidatePageSection,
  type CandidatePageContext,
  type CandidatePageSectionProvider,
} from '../candidates/candidate-hub.js';
import type { Application } from '../candidates/entities/application.entity.js';
import { PortalSection, type PortalSectionProvider } from '../vetting/portal-hub.js';
import { DataExportAccess } from './data-export.access.js';

/** "Export data (ZIP)" on the candidate page, for admins. */
@Injectable()
@CandidatePageSection({ partial: 'candidate/data_export', order: 60 })
export class CandidateExportSection implements CandidatePageSectionProvider {
  constructor(private readonly access: DataExportAccess) {}

  async load({ user, candidate }: CandidatePageContext) {
    return this.access.canExport(user) ? { candidateId: candidate.id } : null;
  }
}

/** "Download your data" at the end of the candidate's portal page. */
@Injectable()
@PortalSection({ partial: 'portal/data_export', order: 10, place: 'end' })
export class PortalDataExportSection implements PortalSectionProvider {
  async load(_application: Application) {
    return {};
  }
}
