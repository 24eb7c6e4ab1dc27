import type { User } from './entities/user.entity.js';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, STAFF_ROLES, type Role } from './role.js';

const STATUS_LABELS = { invited: 'Invited', active: 'Active', deactivated: 'Deactivated' } as const;

export function mapPerson(person: User) {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    status: person.status,
    statusLabel: STATUS_LABELS[person.status],
    roles: person.roles.map((role) => ROLE_LABELS[role]),
    lastSignedInAt: person.lastSignedInAt,
    createdAt: person.createdAt,
  };
}

/** Roles to give on the People page: the staff roles (agency recruiters are invited from their agency's page). */
export function roleChoices(selected: Role[], roles: readonly Role[] = STAFF_ROLES) {
  return roles.map((role) => ({
    value: role,
    label: ROLE_LABELS[role],
    description: ROLE_DESCRIPTIONS[role],
    checked: selected.includes(role),
  }));
}
