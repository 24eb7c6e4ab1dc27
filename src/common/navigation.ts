import type { Role } from '../accounts/role.js';

export interface NavItem {
  label: string;
  href: string;
  roles: Role[] | 'everyone';
}

/**
 * The top bar, in order. A user with several roles sees the union. Items join this list
 * as their pages are built (see UX.md for the full plan per role).
 */
const NAV_ITEMS: NavItem[] = [
  { label: 'Home', href: '/', roles: 'everyone' },
  { label: 'Positions', href: '/positions', roles: ['manager', 'admin'] },
  { label: 'Candidates', href: '/candidates', roles: ['manager', 'admin'] },
  { label: 'Questions', href: '/questions', roles: ['manager', 'admin'] },
  { label: 'New hires', href: '/hires', roles: ['manager', 'admin'] },
  { label: 'Insights', href: '/insights', roles: ['manager', 'admin'] },
  { label: 'Grading', href: '/grading', roles: ['interviewer', 'manager', 'admin'] },
  { label: 'My onboarding', href: '/my/onboarding', roles: ['new-hire'] },
  { label: 'My plan', href: '/my/plan', roles: ['new-hire'] },
  { label: 'People', href: '/people', roles: ['admin'] },
  { label: 'Settings', href: '/admin/settings', roles: ['admin'] },
  { label: 'Outbox', href: '/admin/outbox', roles: ['admin'] },
];

export function navigationFor(roles: Role[], currentPath: string): { label: string; href: string; current: boolean }[] {
  return NAV_ITEMS.filter((item) => item.roles === 'everyone' || item.roles.some((role) => roles.includes(role))).map(
    (item) => ({
      label: item.label,
      href: item.href,
      current:
        item.href === '/' ? currentPath === '/' : currentPath === item.href || currentPath.startsWith(`${item.href}/`),
    }),
  );
}
