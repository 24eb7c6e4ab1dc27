export const ROLES = ['admin', 'manager', 'interviewer', 'new-hire'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  manager: 'Hiring manager',
  interviewer: 'Interviewer',
  'new-hire': 'New hire',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Manages people, roles, templates and settings; reads the outbox.',
  manager: 'Writes positions and development plans, runs hiring, decides.',
  interviewer: 'Prepares for interviews, sits on panels, submits scorecards.',
  'new-hire': 'Follows an onboarding plan and a first-year development plan.',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
