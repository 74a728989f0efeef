import type { Actor, Role } from '../auth/roles';
import { Params } from '../common/sql-params';

export { Params };

/**
 * Which cases an actor may see, as a WHERE fragment over `c` (the cases table): buyers their
 * own unit's, budget holders those touching a domain they hold, everyone else all. Used by every
 * query that reads cases, so a list and a single read can never disagree.
 */
export function visibleTo(actor: Actor, p: Params): string {
  switch (actor.role) {
    case 'buyer':
      return actor.organisationUnitId
        ? `c.organisation_unit_id = ${p.add(actor.organisationUnitId)}`
        : 'FALSE';
    case 'budget_holder':
      return `EXISTS (SELECT 1 FROM case_domains v WHERE v.case_id = c.id AND v.domain_code = ANY(${p.add(actor.domains)}::text[]))`;
    case 'staff':
    case 'auditor':
    case 'admin':
      return 'TRUE';
  }
}

/**
 * MeentCoop's side and those who check it: they read every case, its internal notes and the
 * history of its koppel.
 */
export const MEENTCOOP_READERS = ['staff', 'auditor', 'admin'] as const satisfies readonly Role[];

/** Internal notes are MeentCoop's working notes: staff, auditors and admins read them. */
export function seesInternalNotes(actor: Actor): boolean {
  return (MEENTCOOP_READERS as readonly Role[]).includes(actor.role);
}
