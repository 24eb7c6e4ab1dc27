import { Injectable } from '@nestjs/common';
import {
  ApplicationSection,
  type ApplicationContext,
  type ApplicationSectionProvider,
} from '../candidates/application-hub.js';
import { AgenciesRepository } from './agencies.repository.js';

/**
 * Who put the candidate forward from an agency: the credited submission with the recruiter's note, and any agency
 * that put them forward again while Keeper already knew them (recorded, credited to nobody).
 */
@Injectable()
@ApplicationSection({ partial: 'application/agency', order: 15 })
export class AgencySubmissionSection implements ApplicationSectionProvider {
  constructor(private readonly agencies: AgenciesRepository) {}

  async load({ application }: ApplicationContext) {
    const submissions = await this.agencies.submissionsFor(application);
    if (!submissions.length) return null;
    const credited = submissions.find((submission) => submission.applicationId === application.id) ?? null;
    return {
      credited: credited && {
        agency: credited.agency.name,
        recruiter: credited.recruiter.name,
        at: credited.createdAt,
        note: credited.note,
      },
      alsoPutForward: submissions
        .filter((submission) => submission.alreadyKnown)
        .map((submission) => ({
          agency: submission.agency.name,
          recruiter: submission.recruiter.name,
          at: submission.createdAt,
          note: submission.note,
        })),
    };
  }
}
