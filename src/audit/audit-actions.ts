/**
 * Every action Brug writes to the audit trail, with the kind of subject it is about. The list
 * the API serves (`GET /audit/actions`) and the only values the `action` filter accepts, so that
 * a client can offer a choice in words instead of a free text field. A spec checks that every
 * `w.audit({ action: … })` in the code names an action listed here.
 */
export const AUDIT_ACTIONS = {
  'case.filed': 'case',
  /** Written until issue 14; routing is a `case.transitioned` since (ADR 26). */
  'case.routed': 'case',
  'case.updated': 'case',
  'case.assigned': 'case',
  'case.transitioned': 'case',
  'case.koppel_changed': 'case',
  'case.sla_warned': 'case',
  'case.sla_breached': 'case',
  'case.suspended': 'case',
  'case.resumed': 'case',
  'case.deadline_extended': 'case',
  /** Two cases linked, a sub-case split off, a case closed as a duplicate (issue 19, ADR 44). */
  'case.linked': 'case',
  'case.closed_as_duplicate': 'case',
  'note.added': 'note',
  'funding.entry_recorded': 'funding_entry',
  'funding.benefit_shares_set': 'case',
  'funding.benefit_share_answered': 'case',
  'funding.cofunding_proposed': 'cofunding_proposal',
  'funding.cofunding_answered': 'cofunding_proposal',
  /** Moving a duplicate's open pledge to the case that stays: asked, then answered (ADR 44). */
  'funding.pledge_transfer_requested': 'pledge_transfer',
  'funding.pledge_transfer_answered': 'pledge_transfer',
  'user.created': 'user',
  'user.updated': 'user',
  'user.password_set': 'user',
  'user.second_factor_enrolled': 'user',
  'user.second_factor_removed': 'user',
  'user.recovery_code_used': 'user',
  'user.sessions_ended': 'user',
  /** A first sign-in through an identity provider (issue 17; ADR 33). */
  'user.signed_up_by_provider': 'user',
  'identity_mapping.created': 'identity_mapping',
  'identity_mapping.updated': 'identity_mapping',
  'identity_mapping.deleted': 'identity_mapping',
  'api_client.secret_created': 'user',
  'api_client.secret_retired': 'user',
  'api_client.token_issued': 'user',
  'catalogue.changed': 'catalogue',
  'eu_threshold.added': 'eu_threshold',
  'job.retried': 'queue_job',
  /** Deliveries sent again by an administrator, one or in bulk (issue 20, ADR 41). */
  'deliveries.replayed': 'notification_delivery',
  /** A webhook failed for an hour; the administrators were emailed (once per episode). */
  'webhook.failing': 'webhook',
  'document.uploaded': 'document',
  'document.version_added': 'document',
  'document.withdrawn': 'document',
  'document.downloaded': 'document',
  'view.saved': 'saved_view',
  'view.deleted': 'saved_view',
  /** A person's choice of how they hear of each kind of signal (issue 19, item 3; ADR 40). */
  'signal.preferences_set': 'user',
  /** A bulk action on the work queue ran to its end, with its counts (issue 19, ADR 39). */
  'bulk_action.completed': 'bulk_action',
  /** Events' data erased under the Archiefwet or the AVG (issue 15). */
  'audit.erased': 'audit_erasure',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as AuditAction[];

/** Actions no longer written but still in the trail (and so still filterable). */
export const FORMER_AUDIT_ACTIONS: readonly AuditAction[] = ['case.routed'];
