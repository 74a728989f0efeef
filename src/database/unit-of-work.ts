import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { auditInsert, type AuditEntry } from '../audit/audit-writer';
import type { Role } from '../auth/roles';
import { Params } from '../common/sql-params';
import type { OutboxMessage } from '../events/events';
import { outboxInsert } from '../workflow/outbox/outbox';
import { preparedIn } from './prepared';
import { ReadReplica } from './read-replica';

/** Who a change is done by: a signed-in person, or Brug itself (routing, escalation). */
export interface ActorRef {
  id: string | null;
  role: Role | 'system';
  name: string;
}

export const SYSTEM_ACTOR: ActorRef = Object.freeze({ id: null, role: 'system', name: 'Brug' });

/** The actor reference of a signed-in person. */
export const refOf = (actor: { id: string; role: Role; name: string }): ActorRef => ({
  id: actor.id,
  role: actor.role,
  name: actor.name,
});

/** The fields that differ between two records, with old and new values (for audit `data`). */
export function changedFields<T extends object>(
  before: T,
  changes: Partial<T>,
): Record<string, { old: unknown; new: unknown }> {
  const out: Record<string, { old: unknown; new: unknown }> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    const old = (before as Record<string, unknown>)[key];
    if (old !== value) out[key] = { old: old ?? null, new: value };
  }
  return out;
}

/**
 * What work inside a unit of work gets: the transaction-bound manager (use it for every read
 * and write, or the work silently leaves the transaction), the actor, and the two journals the
 * unit of work writes before commit.
 */
export class WriteContext {
  private readonly messages: OutboxMessage[] = [];
  private readonly entries: AuditEntry[] = [];

  constructor(
    readonly manager: EntityManager,
    readonly actor: ActorRef,
  ) {}

  /** An event for the workflow, published only after commit (through the outbox). */
  emit(message: OutboxMessage): void {
    this.messages.push(message);
  }

  /** An event for the audit trail, chained in the same transaction. */
  audit(entry: AuditEntry): void {
    this.entries.push(entry);
  }

  /**
   * @internal Writes the outbox events and the audit events in one statement (one round trip);
   * the audit events are chained when the transaction commits.
   */
  async flush(): Promise<void> {
    const p = new Params();
    const parts: string[] = [];
    if (this.messages.length) parts.push(outboxInsert(this.messages, p));
    if (this.entries.length) parts.push(auditInsert(this.actor, this.entries, p));
    if (parts.length === 0) return;
    const [last, ...before] = parts.reverse();
    const sql = before.length
      ? `WITH ${before.map((part, i) => `j${i} AS (${part})`).join(', ')} ${last}`
      : last!;
    // Prepared: the text is one of three whatever the number of events (they are bound as arrays).
    await preparedIn(this.manager, sql, p.values);
  }
}

/**
 * The one write path: a change, its audit events and its outbox events in one transaction;
 * all of it commits, or none of it.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly replica: ReadReplica,
  ) {}

  async run<T>(actor: ActorRef, work: (w: WriteContext) => Promise<T>): Promise<T> {
    const result = await this.db.transaction(async (manager) => {
      const context = new WriteContext(manager, actor);
      const result = await work(context);
      await context.flush();
      return result;
    });
    // With a read replica, the person's next reads wait for it to hold this change (ADR 42).
    if (actor.id !== null) await this.replica.wrote(actor.id);
    return result;
  }
}
