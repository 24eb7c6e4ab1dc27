import { Injectable } from '@nestjs/common';
import { ApplicationSection, type ApplicationContext, type ApplicationSectionProvider } from './application-hub.js';
import { mapCandidate } from './candidates.view.js';

/** Who the candidate is: contact details and resume. */
@Injectable()
@ApplicationSection({ partial: 'application/candidate', order: 10 })
export class CandidateSection implements ApplicationSectionProvider {
  async load({ application }: ApplicationContext) {
    return mapCandidate(application.candidate);
  }
}

/** The first-year development plan shown to the candidate in their portal before the first interview. */
@Injectable()
@ApplicationSection({ partial: 'application/plan', order: 40 })
export class PlanSharingSection implements ApplicationSectionProvider {
  async load({ application, canManage }: ApplicationContext) {
    return {
      applicationId: application.id,
      sharedAt: application.planSharedAt,
      openedAt: application.planOpenedAt,
      canShare: canManage,
    };
  }
}
