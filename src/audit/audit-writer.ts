import type { Params } from '../common/sql-params';
import { canonicalJson } from './canonical-json';
import { dataHashOf } from './leaf';

/** The session advisory lock that elects the one sequencer among all worker processes. */
export const AUDIT_SEQUENCER_LOCK = 7_202_611_283;

/** What a change records; the writer adds sequence, time, actor and the hashes. */
export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  caseId?: string | null;
  data: Record<string, unknown>;
  /**
   * Who did it, when not the unit of work's actor: Brug itself doing something as a consequence
   * of a person's change (the release of a closed case's pledges, ADR 21).
   */
  actor?: AuditActor;
}

export interface AuditActor {
  id: string | null;
  role: string;
  name: string;
}

/**
 * The INSERT that records entries in the caller's transaction: rows in `audit_events` with a
 * `seq` from a sequence and the SHA-256 of their canonical data, no lock and no hash chain, so
 * concurrent changes never wait on each other here. The sequencer (audit-sequencer.ts) gives
 * them leaf indexes once they are committed (ADR 29).
 */
export function auditInsert(
  actor: AuditActor,
  entries: AuditEntry[],
  p: Params,
  at = new Date(),
): string {
  const occurredAt = at.toISOString();
  const events = entries.map((entry) => {
    const by = entry.actor ?? actor;
    const data = canonicalJson(entry.data);
    return {
      actorId: by.id,
      actorRole: by.role,
      actorName: by.name,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      caseId: entry.caseId ?? null,
      data,
      dataHash: dataHashOf(data),
    };
  });
  const column = (pick: (e: (typeof events)[number]) => string | null) => events.map(pick);
  // Written in order: seq follows the order of the entries.
  return `INSERT INTO audit_events (occurred_at, actor_id, actor_role, actor_name, action,
                                    subject_type, subject_id, case_id, data, data_hash)
    SELECT ${p.add(occurredAt)}::timestamptz, e.actor_id, e.actor_role, e.actor_name, e.action,
           e.subject_type, e.subject_id, e.case_id, e.data, e.data_hash
      FROM unnest(${p.add(column((e) => e.actorId))}::uuid[],
                  ${p.add(column((e) => e.actorRole))}::text[],
                  ${p.add(column((e) => e.actorName))}::text[],
                  ${p.add(column((e) => e.action))}::text[],
                  ${p.add(column((e) => e.subjectType))}::text[],
                  ${p.add(column((e) => e.subjectId))}::text[],
                  ${p.add(column((e) => e.caseId))}::uuid[],
                  ${p.add(column((e) => e.data))}::text[],
                  ${p.add(column((e) => e.dataHash))}::text[]) WITH ORDINALITY
           AS e(actor_id, actor_role, actor_name, action, subject_type, subject_id, case_id, data,
                data_hash, n)
     ORDER BY e.n`;
}
