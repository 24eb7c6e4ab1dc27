import { Injectable } from '@nestjs/common';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { pageRequest, pageView } from '../common/pagination.js';
import { AgencyPortalService } from './agency-portal.service.js';
import { recruiterStatus } from './agencies.view.js';

/** The recruiter's assigned positions that are open now. */
@Injectable()
export class AgencyPositionsPage {
  constructor(private readonly portal: AgencyPortalService) {}

  async build({ user }: PageRequest) {
    const { seat, working, positions } = await this.portal.positionsOf(user);
    return {
      title: 'Positions',
      agency: seat.membership.agency.name,
      working,
      positions: positions.map((position) => ({
        id: position.id,
        title: position.title,
        location: position.location,
        workplace: position.workplace,
      })),
    };
  }
}

/** A position's brief and the form to put a candidate forward, also shown again when the form is refused. */
@Injectable()
export class AgencyBriefPage implements FormPage {
  readonly view = 'agency/position';

  constructor(private readonly portal: AgencyPortalService) {}

  async build({ user, id }: PageRequest) {
    const { position, brief, steps, questions, wordLimit } = await this.portal.brief(user, id);
    return {
      title: brief.title,
      positionId: position.id,
      brief,
      steps,
      questions: questions.map((question) => ({
        field: question.field,
        inputName: `answers[${question.field}]`,
        label: question.required ? question.sentence : `${question.sentence} (optional)`,
      })),
      wordLimit,
    };
  }
}

/** The recruiter's own submissions, newest first: candidate, position, date and a status in three words. */
@Injectable()
export class AgencySubmissionsPage {
  constructor(private readonly portal: AgencyPortalService) {}

  async build({ user, query = {} }: PageRequest) {
    const request = pageRequest(query.page);
    const [rows, total] = await this.portal.submissionsOf(user, request);
    return {
      title: 'Submissions',
      submissions: rows.map((row) => ({
        id: row.submission.id,
        candidate: row.submission.candidate.name,
        position: row.submission.position.title,
        submittedAt: row.submission.createdAt,
        status: recruiterStatus({ ...row, alreadyKnown: row.submission.alreadyKnown }),
      })),
      pagination: pageView(request, total, '/agency/submissions'),
    };
  }
}

/** What the recruiter learns once the form is in: submitted, or only that the candidate is already known. */
@Injectable()
export class AgencySubmissionPage {
  constructor(private readonly portal: AgencyPortalService) {}

  async build({ user, id }: PageRequest) {
    const submission = await this.portal.submission(user, id);
    if (submission.alreadyKnown) return { title: 'Already in our process', alreadyKnown: true };
    return {
      title: 'Submitted',
      alreadyKnown: false,
      candidate: submission.candidate.name,
      position: submission.position.title,
      submittedAt: submission.createdAt,
    };
  }
}
