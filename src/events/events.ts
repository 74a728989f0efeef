/**
 * The events Brug announces, in one module of their own (issue 14): the features that write them
 * (cases, funding) and the workflow that consumes them (the outbox relay, jobs, notifications,
 * webhooks) both import this module, and it imports none of them. Each event carries ids, never
 * state: the consumer reloads what it needs.
 */

/** The two SLA stages of a case: accepting it, and proposing a solution (ADR 26). */
export const SLA_STAGES = ['accept', 'propose'] as const;
export type SlaStage = (typeof SLA_STAGES)[number];

/** The events the workflow reacts to. */
export type OutboxMessage =
  | { type: 'case.filed'; payload: { caseId: string; version: number } }
  | { type: 'case.updated'; payload: { caseId: string; version: number; fields: string[] } }
  | {
      type: 'case.transitioned';
      payload: {
        caseId: string;
        version: number;
        from: string | null;
        to: string;
        reason?: string | null;
      };
    }
  | { type: 'note.added'; payload: { caseId: string; version: number; noteId: string } }
  | {
      type: 'case.koppel_changed';
      payload: { caseId: string; version: number; kind: 'routed' | 'taken_on' | 'changed' };
    }
  | {
      type: 'funding.entry_recorded';
      payload: { caseId: string; entryId: string; expiresAt?: string };
    }
  // A pledge's expiry passed and Brug released what was open of it (issue 18, ADR 36).
  | {
      type: 'funding.pledge_expired';
      payload: {
        caseId: string;
        pledgeEntryId: string;
        releaseEntryId: string;
        domainCode: string;
        amountCents: number;
      };
    }
  // Co-funding proposals (issue 18, ADR 36): asked of some domains, answered per domain.
  | {
      type: 'funding.cofunding_proposed';
      payload: { caseId: string; proposalId: string; domainCodes: string[] };
    }
  | {
      type: 'funding.cofunding_answered';
      payload: {
        caseId: string;
        proposalId: string;
        domainCode: string;
        answer: string;
        proposalState: string;
      };
    }
  // Benefit shares (issue 18, ADR 36): set by staff, answered by a domain's budget holder.
  | { type: 'funding.benefit_shares_set'; payload: { caseId: string; version: number } }
  | {
      type: 'funding.benefit_share_answered';
      payload: { caseId: string; version: number; domainCode: string; answer: string };
    }
  | {
      type: 'case.sla_breached';
      payload: { caseId: string; version: number; stage: SlaStage; dueAt: string };
    }
  | { type: 'case.sla_warning'; payload: { caseId: string; stage: SlaStage; dueAt: string } }
  // The SLA clock stood still, restarted, or a stage's due time was extended (ADR 26).
  | {
      type: 'case.suspended';
      payload: {
        caseId: string;
        version: number;
        suspensionId: string;
        kind: string;
        reason: string;
        expectedEnd: string | null;
        since: string;
        stages: SlaStage[];
      };
    }
  | {
      type: 'case.resumed';
      payload: {
        caseId: string;
        version: number;
        suspensionId: string;
        since: string;
        until: string;
        because: string;
        noteId?: string;
        moves: {
          stage: SlaStage;
          cause: string;
          oldDueAt: string | null;
          newDueAt: string | null;
        }[];
      };
    }
  // Related cases, sub-cases and duplicates (issue 19, item 4; ADR 44).
  | {
      type: 'case.linked';
      payload: { caseId: string; linkId: string; kind: string; targetId: string };
    }
  | {
      type: 'case.closed_as_duplicate';
      payload: { caseId: string; version: number; duplicateOfId: string; linkId: string };
    }
  // The consent asked of a budget holder to move a duplicate's pledge, and their answer (ADR 44).
  | {
      type: 'funding.pledge_transfer_requested';
      payload: {
        caseId: string;
        transferId: string;
        toCaseId: string;
        domainCodes: string[];
        amountCents: number;
      };
    }
  | {
      type: 'funding.pledge_transfer_answered';
      payload: {
        caseId: string;
        transferId: string;
        toCaseId: string;
        domainCode: string;
        answer: string;
        movedCents: number;
      };
    }
  // A bulk action on the work queue was asked for: the workflow runs it (issue 19, ADR 39).
  | { type: 'bulk_action.requested'; payload: { bulkActionId: string } }
  | {
      type: 'case.deadline_extended';
      payload: {
        caseId: string;
        version: number;
        stage: SlaStage;
        oldDueAt: string;
        newDueAt: string;
        reason: string;
        rule?: string;
      };
    }
  // Brug's own deliveries (issue 20, ADR 41): a webhook that kept failing for an hour, and one
  // that answered 410 Gone and was switched off. For the administrators, by email.
  | {
      type: 'webhook.failing';
      payload: { webhookId: string; url: string; failingSince: string; lastError: string };
    }
  | {
      type: 'webhook.switched_off';
      payload: { webhookId: string; url: string; reason: string };
    };

export type OutboxEventType = OutboxMessage['type'];

/**
 * Every event type, once: the record makes the compiler refuse a type added to the union but
 * not here (and the reverse). The order is the order the OpenAPI enum lists them in.
 */
const EVENT_TYPES: Record<OutboxEventType, true> = {
  'case.filed': true,
  'case.updated': true,
  'case.transitioned': true,
  'case.koppel_changed': true,
  'note.added': true,
  'case.sla_breached': true,
  'case.sla_warning': true,
  'case.suspended': true,
  'case.resumed': true,
  'case.deadline_extended': true,
  'case.linked': true,
  'case.closed_as_duplicate': true,
  'funding.entry_recorded': true,
  'funding.pledge_expired': true,
  'funding.cofunding_proposed': true,
  'funding.cofunding_answered': true,
  'funding.benefit_shares_set': true,
  'funding.benefit_share_answered': true,
  'funding.pledge_transfer_requested': true,
  'funding.pledge_transfer_answered': true,
  'webhook.failing': true,
  'webhook.switched_off': true,
  'bulk_action.requested': true,
};

/** Events about Brug's own deliveries: emailed to administrators, never sent to webhooks. */
export const ADMIN_EVENT_TYPES: readonly OutboxEventType[] = [
  'webhook.failing',
  'webhook.switched_off',
];

/**
 * Brug's own work orders through the outbox: a bulk action's start (ADR 39) tells the workers to
 * begin; what it changes is announced by each case's own events. Never sent to webhooks.
 */
export const INTERNAL_EVENT_TYPES: readonly OutboxEventType[] = ['bulk_action.requested'];

/**
 * The events a webhook may subscribe to: all but those about the deliveries themselves and
 * Brug's internal work orders.
 */
export const WEBHOOK_EVENT_TYPES: readonly OutboxEventType[] = (
  Object.keys(EVENT_TYPES) as OutboxEventType[]
).filter((type) => !ADMIN_EVENT_TYPES.includes(type) && !INTERNAL_EVENT_TYPES.includes(type));
