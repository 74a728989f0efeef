import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { appendAudit, type AuditEntry } from '../audit/audit-writer';
import type { Role } from '../auth/roles';
import { writeOutbox, type OutboxMessage } from '../workflow/outbox/outbox';

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

  /** @internal Writes the outbox, then the audit trail (last: it takes the chain's lock). */
  async flush(): Promise<void> {
    await writeOutbox(this.manager, this.messages);
    await appendAudit(this.manager, this.actor, this.entries);
  }
}

/**
 * The one write path: a change, its audit events and its outbox events in one transaction;
 * all of it commits, or none of it.
 */
@Injectable()
export class UnitOfWork {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  run<T>(actor: ActorRef, work: (w: WriteContext) => Promise<T>): Promise<T> {
    return this.db.transaction(async (manager) => {
      const context = new WriteContext(manager, actor);
      const result = await work(context);
      await context.flush();
      return result;
    });
  }
}
