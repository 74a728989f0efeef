/**
 * The kinds of signal (issue 19, item 3; ADR 40): what needs a person, made by the workflow from
 * the outbox events. The order is the order the API and the preferences form list them in.
 */
export const SIGNAL_KINDS = [
  'case_assigned',
  'deadline_due_soon',
  'deadline_breached',
  'proposal_awaiting',
  'funding_requested',
  'note_shared',
  'closed_as_duplicate',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** How a person hears of a kind: in the inbox only, also by e-mail, or in a daily digest. */
export const SIGNAL_DELIVERIES = ['in_app', 'email', 'daily_digest'] as const;
export type SignalDelivery = (typeof SIGNAL_DELIVERIES)[number];

/**
 * Until a person chooses: what Brug mailed before the inbox existed (the team of a routed case,
 * deadlines, money asked of a domain, the buyer of a proposal), and the inbox only for the rest.
 */
export const DEFAULT_DELIVERY: Record<SignalKind, SignalDelivery> = {
  case_assigned: 'email',
  deadline_due_soon: 'email',
  deadline_breached: 'email',
  proposal_awaiting: 'email',
  funding_requested: 'email',
  note_shared: 'in_app',
  closed_as_duplicate: 'in_app',
};

/** The roles that receive signals (and so read an inbox and keep preferences). */
export const SIGNAL_RECEIVERS = ['buyer', 'staff', 'budget_holder'] as const;
