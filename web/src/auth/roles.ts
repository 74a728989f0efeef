import type { Role } from '../api/client';

export const ALL_ROLES: readonly Role[] = ['buyer', 'staff', 'budget_holder', 'auditor', 'admin'];

/**
 * Which role has a use for which page. The API decides what anyone may read or do; this only
 * keeps the interface from offering pages whose data the API would refuse.
 */
export const PAGE_ROLES = {
  cases: ['buyer', 'staff', 'budget_holder', 'auditor', 'admin'],
  fileCase: ['buyer'],
  caseDetail: ALL_ROLES,
  queue: ['staff', 'admin'],
  dashboard: ALL_ROLES,
  audit: ['auditor', 'admin'],
  verify: ['auditor', 'admin'],
  exports: ['auditor', 'admin'],
  me: ALL_ROLES,
  signals: ['buyer', 'staff', 'budget_holder'],
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type PageKey = keyof typeof PAGE_ROLES;

export function mayOpen(role: Role, page: PageKey): boolean {
  return (PAGE_ROLES[page] as readonly Role[]).includes(role);
}

/** Where a role starts after signing in. */
export function homeOf(role: Role): string {
  switch (role) {
    case 'buyer':
    case 'budget_holder':
      return '/cases';
    case 'staff':
    case 'admin':
      return '/queue';
    case 'auditor':
      return '/audit';
  }
}

/** Roles the API lets add notes, and which kinds (buyers: shared only). */
export function noteVisibilitiesOf(role: Role): ('internal' | 'shared')[] {
  switch (role) {
    case 'staff':
    case 'admin':
      return ['internal', 'shared'];
    case 'buyer':
      return ['shared'];
    case 'budget_holder':
    case 'auditor':
      return [];
  }
}
