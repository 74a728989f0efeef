import { randomUUID } from 'node:crypto';
import type { Params } from '../../common/sql-params';

/** The events the workflow reacts to; each carries ids, never state (it reloads what it needs). */
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
  | { type: 'funding.entry_recorded'; payload: { caseId: string; entryId: string } }
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
    };

/** The two SLA stages of a case: accepting it, and proposing a solution. */
export type SlaStage = 'accept' | 'propose';

export type OutboxEventType = OutboxMessage['type'];

/** The events a webhook may subscribe to. */
export const WEBHOOK_EVENT_TYPES: readonly string[] = [
  'case.filed',
  'case.updated',
  'case.transitioned',
  'case.koppel_changed',
  'note.added',
  'case.sla_breached',
  'case.sla_warning',
  'case.suspended',
  'case.resumed',
  'case.deadline_extended',
  'funding.entry_recorded',
];

/**
 * The INSERT of outbox rows, for the unit of work to send (with the audit events, in one
 * statement) inside the transaction of the change it announces.
 */
export function outboxInsert(messages: OutboxMessage[], p: Params): string {
  return `INSERT INTO outbox_events (id, type, payload)
    SELECT * FROM unnest(${p.add(messages.map(() => randomUUID()))}::uuid[],
                         ${p.add(messages.map((m) => m.type))}::text[],
                         ${p.add(messages.map((m) => JSON.stringify(m.payload)))}::jsonb[])`;
}
