import { ROLES, type Role } from '../auth/roles';

export const CASE_STATUSES = [
  'filed',
  'routed',
  'accepted',
  'in_progress',
  'proposed',
  'resolved',
  'declined',
  'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CLOSED_STATUSES: readonly CaseStatus[] = ['resolved', 'declined', 'withdrawn'];
export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter(
  (s) => !CLOSED_STATUSES.includes(s),
);

/** Who may take a transition. `filer` narrows a role to the person who filed the case. */
export type TransitionActor = Role | 'system' | 'filer';

/** What the body must carry when moving into a state. */
export type Requirement = 'reason' | 'proposal' | 'outcome';

export interface Transition {
  from: CaseStatus;
  to: CaseStatus;
  by: readonly TransitionActor[];
  requires?: Requirement;
  /** A reason the form offers without requiring it (the buyer says why a proposal goes back). */
  asksReason?: boolean;
}

const withdrawable = CASE_STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));

/**
 * The case state machine: the single source of truth for the API, the UI and the tests.
 * `filed → routed` is taken by the workflow only; `withdrawn` by the buyer who filed, or an admin.
 */
export const TRANSITIONS: readonly Transition[] = [
  { from: 'filed', to: 'routed', by: ['system'] },
  { from: 'routed', to: 'accepted', by: ['staff'] },
  { from: 'routed', to: 'declined', by: ['staff'], requires: 'reason' },
  { from: 'accepted', to: 'in_progress', by: ['staff'] },
  { from: 'accepted', to: 'declined', by: ['staff'], requires: 'reason' },
  { from: 'in_progress', to: 'proposed', by: ['staff'], requires: 'proposal' },
  { from: 'in_progress', to: 'declined', by: ['staff'], requires: 'reason' },
  { from: 'proposed', to: 'in_progress', by: ['buyer'], asksReason: true },
  { from: 'proposed', to: 'resolved', by: ['buyer'], requires: 'outcome' },
  ...withdrawable.map((from): Transition => ({
    from,
    to: 'withdrawn',
    by: ['filer', 'admin'],
    requires: 'reason',
  })),
];

export function findTransition(from: CaseStatus, to: CaseStatus): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** Whether this actor may take the transition (`isFiler`: the actor filed the case). */
export function mayTake(
  transition: Transition,
  actor: { role: Role | 'system'; isFiler: boolean },
): boolean {
  return transition.by.some((who) =>
    who === 'filer' ? actor.role === 'buyer' && actor.isFiler : who === actor.role,
  );
}

/** The transitions this actor may take from a state now (for the UI's buttons). */
export function availableTransitions(
  from: CaseStatus,
  actor: { role: Role | 'system'; isFiler: boolean },
): Transition[] {
  return TRANSITIONS.filter((t) => t.from === from && mayTake(t, actor));
}

/** Who the table lets take some transition: its roles, a `filer` being a buyer (ROLES order). */
function takers(transitions: readonly Transition[]): (Role | 'system')[] {
  const named = new Set(
    transitions.flatMap((t) => t.by.map((who) => (who === 'filer' ? 'buyer' : who))),
  );
  return [...ROLES, 'system' as const].filter((r) => named.has(r));
}

/**
 * Who may do what happens to a case: the role rules of its routes and its lifecycle and SLA
 * clock, in one place with the transition table (the routes take their `@Roles` from here
 * through `rolesFor`). `system` is Brug itself.
 */
export const CASE_ACTIONS = {
  /** Filing a case: buyers for their unit, admins on behalf of a municipal unit. */
  file: ['buyer', 'admin'],
  /** Changing a case (`PATCH`); which fields in which status is case-editing.ts's rule. */
  edit: ['buyer', 'staff', 'admin'],
  /** Moving a case along the state machine: whoever the table names for some transition. */
  transition: takers(TRANSITIONS),
  /** Adding a note (buyers: shared ones only). */
  addNote: ['buyer', 'staff', 'admin'],
  /** Internal notes are MeentCoop's working notes. */
  addInternalNote: ['staff', 'admin'],
  /** Changing the koppel (both halves) while MeentCoop works on the case (ADR 24). */
  changeKoppel: ['staff', 'admin'],
  /** Stopping the SLA clock while the case waits (ADR 26). */
  suspend: ['staff'],
  /** Restarting it: staff, or Brug when the buyer answers a case waiting for the buyer. */
  resume: ['staff', 'system'],
  /** Moving one stage's due time later: once per stage, by at most the stage's own length. */
  extend: ['staff', 'admin'],
  /** A second extension of a stage, or a longer one. */
  extendBeyondLimit: ['admin'],
  /** Recording that an open stage passed its due time. */
  recordBreach: ['system'],
  /** Linking two cases as related, or one as part of another (ADR 44). */
  link: ['staff', 'admin'],
  /** Splitting a case into a sub-case per domain, filed for the parent's buyer (ADR 44). */
  fileSubCase: ['staff', 'admin'],
  /** Closing an open case as a duplicate of another open one: resolved, outcome `duplicate`. */
  closeAsDuplicate: ['staff', 'admin'],
} as const satisfies Record<string, readonly (Role | 'system')[]>;
export type CaseAction = keyof typeof CASE_ACTIONS;

/** Whether this role (or Brug itself) may do the action. */
export function mayDo(action: CaseAction, role: Role | 'system'): boolean {
  return (CASE_ACTIONS[action] as readonly string[]).includes(role);
}

/**
 * The people who may do the action, as the non-empty list `@Roles` takes (Brug's own part, such
 * as a buyer's note restarting the clock, happens inside the service).
 */
export function rolesFor(action: CaseAction): [Role, ...Role[]] {
  const [first, ...rest] = (CASE_ACTIONS[action] as readonly (Role | 'system')[]).filter(
    (r): r is Role => r !== 'system',
  );
  if (!first) throw new Error(`No person may ${action}.`);
  return [first, ...rest];
}

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** One step up, for escalation; `urgent` stays `urgent`. */
export function raisePriority(priority: Priority): Priority {
  const i = PRIORITIES.indexOf(priority);
  return PRIORITIES[Math.min(i + 1, PRIORITIES.length - 1)] ?? 'urgent';
}

export const PROCUREMENT_STAGES = [
  'planning',
  'tender',
  'award',
  'contract',
  'implementation',
] as const;
export type ProcurementStage = (typeof PROCUREMENT_STAGES)[number];

export const SUPPLIER_TYPES = [
  'cooperative',
  'collective',
  'foundation_or_association',
  'social_enterprise',
  'private_company',
  'public_body',
] as const;
export type SupplierType = (typeof SUPPLIER_TYPES)[number];

/** Supplier types that count towards the commons share (35% of the economy by 2035). */
export const COMMONS_SUPPLIER_TYPES: readonly SupplierType[] = [
  'cooperative',
  'collective',
  'foundation_or_association',
  'social_enterprise',
];

export const DOMAIN_ROLES = ['lead', 'affected'] as const;
export type DomainRole = (typeof DOMAIN_ROLES)[number];
