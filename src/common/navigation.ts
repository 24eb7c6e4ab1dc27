import { STAFF_ROLES, type Role } from '../accounts/role.js';

export interface NavItem {
  label: string;
  href: string;
  roles: readonly Role[];
  /** Left out for a user who also holds one of these (they reach the page through a broader item). */
  unless?: readonly Role[];
}

/**
 * The top bar, in order. A user with several roles sees the union. Items join this list
 * as their pages are built (see UX.md for the full plan per role).
 */
const NAV_ITEMS: NavItem[] = [
  { label: 'Home', href: '/', roles: STAFF_ROLES.filter((role) => role !== 'compliance') },
  { label: 'Positions', href: '/positions', roles: ['manager', 'admin'] },
  { label: 'Candidates', href: '/candidates', roles: ['manager', 'admin'] },
  { label: 'Questions', href: '/questions', roles: ['manager', 'admin'] },
  { label: 'New hires', href: '/hires', roles: ['manager', 'admin'] },
  { label: 'Insights', href: '/insights', roles: ['manager', 'admin'] },
  { label: 'Adverse impact', href: '/insights/adverse-impact', roles: ['compliance'], unless: ['admin'] },
  { label: 'Grading', href: '/grading', roles: ['interviewer', 'manager', 'admin'] },
  { label: 'My onboarding', href: '/my/onboarding', roles: ['new-hire'] },
  { label: 'My plan', href: '/my/plan', roles: ['new-hire'] },
  { label: 'People', href: '/people', roles: ['admin'] },
  { label: 'Settings', href: '/admin/settings', roles: ['admin'] },
  { label: 'Outbox', href: '/admin/outbox', roles: ['admin'] },
  { label: 'Audit', href: '/admin/audit', roles: ['admin'] },
  { label: 'Data', href: '/admin/data-requests', roles: ['admin'] },
  // An agency recruiter holds no other role and sees their portal only.
  { label: 'Positions', href: '/agency', roles: ['recruiter'] },
  { label: 'Submissions', href: '/agency/submissions', roles: ['recruiter'] },
];

export function navigationFor(roles: Role[], currentPath: string): { label: string; href: string; current: boolean }[] {
  const items = NAV_ITEMS.filter(
    (item) => item.roles.some((role) => roles.includes(role)) && !item.unless?.some((role) => roles.includes(role)),
  );
  const matches = (href: string) =>
    href === '/' ? currentPath === '/' : currentPath === href || currentPath.startsWith(`${href}/`);
  // The most specific item is current: /agency/submissions/3 is under Submissions, not under Positions (/agency).
  const current = items
    .filter((item) => matches(item.href))
    .reduce<NavItem | null>((best, item) => (best && best.href.length >= item.href.length ? best : item), null);
  return items.map((item) => ({ label: item.label, href: item.href, current: item === current }));
}
