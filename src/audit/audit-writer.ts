import type { EntityManager } from 'typeorm';
import { canonicalJson } from './canonical-json';
import { canonicalAroundSeq } from './hash-chain';

/** Serialises appends: one chain, one order, whatever number of processes write. */
export const AUDIT_APPEND_LOCK = 7_202_611_282;

/** What a change records; the writer adds sequence, time, actor and the hashes. */
export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  caseId?: string | null;
  data: Record<string, unknown>;
}

export interface AuditActor {
  id: string | null;
  role: string;
  name: string;
}

/**
 * Appends entries to the chain inside the caller's transaction, in one round trip: the
 * database function `append_audit_events` takes the chain's advisory lock, reads the head and
 * hashes each event (SHA-256 over the previous hash and the canonical JSON built here around the
 * `seq`). Call it last in the transaction: the lock is held until commit, and every other writer
 * waits for it. `hashEvent` computes the same hash; the verifiers check it.
 */
export async function appendAudit(
  manager: EntityManager,
  actor: AuditActor,
  entries: AuditEntry[],
  at = new Date(),
): Promise<void> {
  if (entries.length === 0) return;
  const occurredAt = at.toISOString();
  const events = entries.map((entry) => {
    const content = {
      occurredAt,
      actorId: actor.id,
      actorRole: actor.role,
      actorName: actor.name,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      caseId: entry.caseId ?? null,
      data: entry.data,
    };
    return {
      ...canonicalAroundSeq(content),
      action: content.action,
      subjectType: content.subjectType,
      subjectId: content.subjectId,
      caseId: content.caseId,
      data: canonicalJson(entry.data),
    };
  });
  await manager.query('SELECT append_audit_events($1, $2, $3, $4, $5::jsonb)', [
    occurredAt,
    actor.id,
    actor.role,
    actor.name,
    JSON.stringify(events),
  ]);
}
