import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** The events the workflow reacts to; each carries ids, never state (it reloads what it needs). */
export type OutboxMessage =
  | { type: 'case.filed'; payload: { caseId: string; version: number } }
  | { type: 'case.updated'; payload: { caseId: string; version: number; fields: string[] } }
  | {
      type: 'case.transitioned';
      payload: { caseId: string; version: number; from: string | null; to: string };
    }
  | { type: 'note.added'; payload: { caseId: string; version: number; noteId: string } };

export type OutboxEventType = OutboxMessage['type'];

/**
 * Writes outbox rows with the caller's transaction-bound manager. Must run inside the
 * transaction of the change it announces (the unit of work calls it).
 */
export async function writeOutbox(
  manager: EntityManager,
  messages: OutboxMessage[],
): Promise<void> {
  if (messages.length === 0) return;
  await manager.query(
    `INSERT INTO outbox_events (id, type, payload)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::jsonb[])`,
    [
      messages.map(() => randomUUID()),
      messages.map((m) => m.type),
      messages.map((m) => JSON.stringify(m.payload)),
    ],
  );
}
