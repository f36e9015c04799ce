// What each role may open. The server enforces every permission; this only hides what a role
// cannot use, so nobody is offered a screen that would answer 403.
import type { TStaffRole } from '@complaints/server/schemas';

export interface Screen {
  path: string;
  label: string;
  roles: readonly TStaffRole[] | 'everyone';
}

export const SCREENS: readonly Screen[] = [
  { path: '/triage', label: 'Triage', roles: ['agent', 'complaints_officer', 'admin'] },
  { path: '/cases', label: 'Cases', roles: ['handler', 'reviewer', 'complaints_officer', 'admin'] },
  { path: '/admin/staff', label: 'Staff', roles: ['admin', 'complaints_officer'] },
  { path: '/admin/categories', label: 'Categories', roles: ['complaints_officer', 'admin'] },
  { path: '/reports', label: 'Reports', roles: ['complaints_officer', 'admin'] },
  { path: '/admin/settings', label: 'Settings', roles: ['complaints_officer', 'admin'] },
  { path: '/admin/closure-days', label: 'Closure days', roles: ['admin'] },
  { path: '/admin/letters', label: 'Letters', roles: ['admin'] },
  { path: '/admin/data-protection', label: 'Data protection', roles: ['admin'] },
  { path: '/account/password', label: 'Change password', roles: 'everyone' },
];

export function mayOpen(screen: Screen, roles: readonly TStaffRole[]): boolean {
  return screen.roles === 'everyone' || roles.some((role) => (screen.roles as readonly TStaffRole[]).includes(role));
}

export const ROLE_NAMES: Record<TStaffRole, string> = {
  agent: 'agent',
  handler: 'handler',
  reviewer: 'reviewer',
  complaints_officer: 'complaints officer',
  admin: 'admin',
};
