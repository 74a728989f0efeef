import type { EntityManager } from 'typeorm';
import { canonicalJson } from './canonical-json';
import { AuditEventEntity } from './entities/audit-event.entity';
import { GENESIS_HASH, hashEvent, type AuditEventContent } from './hash-chain';

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
 * Appends entries to the chain inside the caller's transaction. Takes a transaction-scoped
 * advisory lock and reads the head, so call it last in the transaction: the lock is held until
 * commit, and every other writer waits for it.
 */
export async function appendAudit(
  manager: EntityManager,
  actor: AuditActor,
  entries: AuditEntry[],
  at = new Date(),
): Promise<void> {
  if (entries.length === 0) return;
  await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_APPEND_LOCK]);
  const head = await manager.query<{ seq: string; hash: string }[]>(
    'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
  );
  let seq = head[0] ? Number(head[0].seq) : 0;
  let prevHash = head[0]?.hash ?? GENESIS_HASH;
  const occurredAt = at.toISOString();
  const rows = entries.map((entry) => {
    seq += 1;
    const content: AuditEventContent = {
      seq,
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
    const hash = hashEvent(prevHash, content);
    const row = {
      ...content,
      seq: String(seq),
      occurredAt: at,
      data: canonicalJson(entry.data),
      prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  await manager.getRepository(AuditEventEntity).insert(rows);
}
