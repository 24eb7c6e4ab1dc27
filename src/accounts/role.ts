export const ROLES = ['admin', 'manager', 'interviewer', 'new-hire', 'compliance', 'recruiter'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  manager: 'Hiring manager',
  interviewer: 'Interviewer',
  'new-hire': 'New hire',
  compliance: 'Compliance',
  recruiter: 'Agency recruiter',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Manages people, roles, templates and settings; reads the outbox.',
  manager: 'Writes positions and development plans, runs hiring, decides.',
  interviewer: 'Prepares for interviews, sits on panels, submits scorecards.',
  'new-hire': 'Follows an onboarding plan and a first-year development plan.',
  compliance: 'Reads the adverse-impact report only: no candidates, applications or positions.',
  recruiter: 'Works for an agency: sees only their assigned positions and their own submissions.',
};

/** The roles of the company's own people; a recruiter is external and holds no other role. */
export const STAFF_ROLES = ROLES.filter((role) => role !== 'recruiter');

/**
 * A compliance officer who holds no other staff role is confined to the adverse-impact report and their own account:
 * every other page refuses them, the way an agency recruiter is refused (see RolesGuard).
 */
export function isConfinedToCompliance(roles: readonly Role[]): boolean {
  return roles.includes('compliance') && roles.every((role) => role === 'compliance');
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
