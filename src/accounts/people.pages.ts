import { Injectable } from '@nestjs/common';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { confirmationPage, CONFIRM_VIEW } from '../common/confirmation.js';
import { pageRequest, pageView } from '../common/pagination.js';
import type { PeopleQueryDto } from './dto/account.dto.js';
import { PeopleService } from './people.service.js';
import { ROLES } from './role.js';
import { mapPerson, roleChoices } from './people.view.js';

/** The invitation form: a fixed model, shown again as it is when the form is refused. */
export const INVITE_PAGE = { title: 'Invite someone', roleChoices: roleChoices([]) };

/** Everyone who uses Keeper, filtered by name or email, role and status, a page at a time. */
@Injectable()
export class PeopleListPage {
  constructor(private readonly people: PeopleService) {}

  async build(query: PeopleQueryDto) {
    const filter = { search: query.q || undefined, role: query.role || undefined, status: query.status || undefined };
    const request = pageRequest(query.page);
    const [people, total] = await this.people.list(filter, request);
    return {
      title: 'People',
      people: people.map(mapPerson),
      filter: { q: query.q ?? '', role: query.role ?? '', status: query.status ?? '' },
      // The filter may look for agency recruiters too; they are given their role on their agency's page.
      roleChoices: roleChoices(filter.role ? [filter.role] : [], ROLES),
      filtered: Boolean(filter.search || filter.role || filter.status),
      pagination: pageView(request, total, '/people', { q: filter.search, role: filter.role, status: filter.status }),
    };
  }
}

/** The person page, also shown again when the roles form is invalid. */
@Injectable()
export class PersonPage implements FormPage {
  readonly view = 'people/show';

  constructor(private readonly people: PeopleService) {}

  async build({ id }: PageRequest) {
    const person = await this.people.findOrFail(id);
    const invitation = await this.people.pendingInvitation(person);
    return {
      title: person.name,
      person: mapPerson(person),
      canResendInvitation: person.status === 'invited',
      canReactivate: person.status === 'deactivated',
      canDeactivate: person.status !== 'deactivated',
      isRecruiter: person.hasRole('recruiter'),
      roleChoices: roleChoices(person.roles),
      invitation: invitation
        ? { sentAt: invitation.createdAt, expiresAt: invitation.expiresAt, expired: invitation.expiresAt < new Date() }
        : null,
    };
  }
}

/** The confirmation before deactivating someone, shown again when the post was not confirmed. */
@Injectable()
export class DeactivatePersonPage implements FormPage {
  readonly view = CONFIRM_VIEW;

  constructor(private readonly people: PeopleService) {}

  async build({ id }: PageRequest) {
    const person = await this.people.findOrFail(id);
    return confirmationPage({
      heading: `Deactivate ${person.name}?`,
      consequences: [
        `${person.name} (${person.email}) is signed out on every device at once and cannot sign in.`,
        'Everything they wrote stays in Keeper.',
        'You can reactivate them later.',
      ],
      action: `/people/${person.id}/deactivate`,
      button: `Deactivate ${person.name}`,
      cancel: `/people/${person.id}`,
    });
  }
}
