import { randomUUID } from 'node:crypto';
import type { Params } from '../../common/sql-params';
import type { OutboxMessage } from '../../events/events';

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
