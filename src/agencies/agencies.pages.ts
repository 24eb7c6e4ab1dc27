import { Injectable } from '@nestjs/common';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { notFound } from '../common/errors.js';
import { pageRequest, pageView } from '../common/pagination.js';
import { isId } from '../common/params.js';
import { STATUS_LABELS } from '../positions/publishing.service.js';
import { AgenciesService } from './agencies.service.js';
import { agencyFormValues, mapAgency, mapRecruiter } from './agencies.view.js';

/** The new-agency form: a fixed model, shown again as it is when the form is refused. */
export const NEW_AGENCY_PAGE = { title: 'New agency', values: { guaranteeMonths: '3' } };

/** Every agency, by name, a page at a time. */
@Injectable()
export class AgencyListPage {
  constructor(private readonly agencies: AgenciesService) {}

  async build({ user, query = {} }: PageRequest) {
    const request = pageRequest(query.page);
    const [rows, total] = await this.agencies.list(user, request);
    return {
      title: 'Agencies',
      agencies: rows.map((row) => ({
        ...mapAgency(row.agency),
        recruiters: row.recruiters,
        submissions: row.submissions,
      })),
      pagination: pageView(request, total, '/admin/agencies'),
    };
  }
}

@Injectable()
export class EditAgencyPage implements FormPage {
  readonly view = 'agencies/edit';

  constructor(private readonly agencies: AgenciesService) {}

  async build({ user, id }: PageRequest) {
    const agency = await this.agencies.findOrFail(user, id);
    return { title: `Edit ${agency.name}`, agency: mapAgency(agency), values: agencyFormValues(agency) };
  }
}

/** The agency: its terms, its recruiters and the positions each works on, and the form to invite one more. */
@Injectable()
export class AgencyPage implements FormPage {
  readonly view = 'agencies/show';

  constructor(private readonly agencies: AgenciesService) {}

  async build({ user, id }: PageRequest) {
    const agency = await this.agencies.findOrFail(user, id);
    const { recruiters, assignments } = await this.agencies.recruitersOf(agency);
    return {
      title: agency.name,
      agency: mapAgency(agency),
      recruiters: recruiters.map((recruiter) => mapRecruiter(recruiter, assignments)),
    };
  }
}

/** One recruiter: their account's state and the positions they work on. */
@Injectable()
export class RecruiterPage implements FormPage {
  readonly view = 'agencies/recruiter';

  constructor(private readonly agencies: AgenciesService) {}

  async build({ user, id, params = {} }: PageRequest) {
    if (!isId(params.recruiterId)) throw notFound('That recruiter');
    const recruiter = await this.agencies.recruiterOrFail(user, id, Number(params.recruiterId));
    const { positions, assigned } = await this.agencies.assignmentChoices(recruiter);
    return {
      title: `${recruiter.user.name} · ${recruiter.agency.name}`,
      agency: mapAgency(recruiter.agency),
      recruiter: mapRecruiter(recruiter.user, []),
      removed: recruiter.user.status === 'deactivated',
      invited: recruiter.user.status === 'invited',
      positions: positions.map((position) => ({
        value: String(position.id),
        label: position.title,
        status: position.status === 'published' ? null : STATUS_LABELS[position.status],
        checked: assigned.includes(position.id),
      })),
    };
  }
}

/** The confirmation before pausing an agency. */
@Injectable()
export class DeactivateAgencyPage {
  constructor(private readonly agencies: AgenciesService) {}

  async build({ user, id }: PageRequest) {
    const agency = await this.agencies.findOrFail(user, id);
    const { recruiters } = await this.agencies.recruitersOf(agency);
    const working = recruiters.filter((recruiter) => recruiter.status !== 'deactivated').length;
    return { title: `Deactivate ${agency.name}?`, agency: mapAgency(agency), working };
  }
}

/** The confirmation before removing a recruiter. */
@Injectable()
export class RemoveRecruiterPage {
  constructor(private readonly agencies: AgenciesService) {}

  async build({ user, id, params = {} }: PageRequest) {
    if (!isId(params.recruiterId)) throw notFound('That recruiter');
    const recruiter = await this.agencies.recruiterOrFail(user, id, Number(params.recruiterId));
    return {
      title: `Remove ${recruiter.user.name}?`,
      agency: mapAgency(recruiter.agency),
      recruiter: mapRecruiter(recruiter.user, []),
    };
  }
}
