import type { Params } from '../common/sql-params';
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
 * The INSERT that records entries in the caller's transaction, to be chained when it commits:
 * rows in `audit_pending`, no lock. At COMMIT a deferred trigger takes the chain's advisory lock, hashes
 * each event (SHA-256 over the previous hash and the canonical JSON built here around `seq`)
 * and appends it to `audit_events`; a failure there fails the commit, so no change commits
 * without its events. `hashEvent` computes the same hash; the verifiers check it.
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
    const content = {
      occurredAt,
      actorId: by.id,
      actorRole: by.role,
      actorName: by.name,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      caseId: entry.caseId ?? null,
      data: entry.data,
    };
    return { ...content, ...canonicalAroundSeq(content), data: canonicalJson(entry.data) };
  });
  const column = (pick: (e: (typeof events)[number]) => string | null) => events.map(pick);
  // Written in order: the deferred triggers chain them in the order of the rows.
  return `INSERT INTO audit_pending (occurred_at, actor_id, actor_role, actor_name, action,
                                    subject_type, subject_id, case_id, data, prefix, suffix)
    SELECT ${p.add(occurredAt)}::timestamptz, e.actor_id, e.actor_role, e.actor_name, e.action,
           e.subject_type, e.subject_id, e.case_id, e.data, e.prefix, e.suffix
      FROM unnest(${p.add(column((e) => e.actorId))}::uuid[],
                  ${p.add(column((e) => e.actorRole))}::text[],
                  ${p.add(column((e) => e.actorName))}::text[],
                  ${p.add(column((e) => e.action))}::text[],
                  ${p.add(column((e) => e.subjectType))}::text[],
                  ${p.add(column((e) => e.subjectId))}::text[],
                  ${p.add(column((e) => e.caseId))}::uuid[],
                  ${p.add(column((e) => e.data))}::text[],
                  ${p.add(column((e) => e.prefix))}::text[],
                  ${p.add(column((e) => e.suffix))}::text[]) WITH ORDINALITY
           AS e(actor_id, actor_role, actor_name, action, subject_type, subject_id, case_id, data,
                prefix, suffix, n)
     ORDER BY e.n`;
}
