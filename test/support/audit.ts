import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { canonicalJson } from '../../src/audit/canonical-json';
import { GENESIS_HASH, hashEvent, type AuditEventContent } from '../../src/audit/hash-chain';

/**
 * Appends `count` valid chained events straight into audit_events (for volume tests), continuing
 * from the current head; hashes are computed exactly as the writer does.
 */
export async function appendSyntheticEvents(db: DataSource, count: number): Promise<void> {
  const [head] = await db.query<{ seq: string; hash: string }[]>(
    'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
  );
  let seq = head ? Number(head.seq) : 0;
  let prev = head?.hash ?? GENESIS_HASH;
  const batch = 10_000;
  for (let done = 0; done < count; done += batch) {
    const cols: unknown[][] = Array.from({ length: 12 }, () => []);
    for (let i = 0; i < Math.min(batch, count - done); i++) {
      seq += 1;
      const content: AuditEventContent = {
        seq,
        occurredAt: new Date(Date.UTC(2026, 0, 1) + seq * 1000).toISOString(),
        actorId: null,
        actorRole: 'system',
        actorName: 'Volume test',
        action: 'case.updated',
        subjectType: 'case',
        subjectId: randomUUID(),
        caseId: null,
        data: { changes: { title: { old: `Titel ${seq}`, new: `Titel ${seq + 1}` } }, n: seq },
      };
      const hash = hashEvent(prev, content);
      const values = [
        seq,
        content.occurredAt,
        null,
        content.actorRole,
        content.actorName,
        content.action,
        content.subjectType,
        content.subjectId,
        null,
        canonicalJson(content.data),
        prev,
        hash,
      ];
      values.forEach((v, k) => cols[k]!.push(v));
      prev = hash;
    }
    await db.query(
      `INSERT INTO audit_events (seq, occurred_at, actor_id, actor_role, actor_name, action,
         subject_type, subject_id, case_id, data, prev_hash, hash)
       SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::uuid[], $4::text[], $5::text[],
         $6::text[], $7::text[], $8::text[], $9::uuid[], $10::text[], $11::text[], $12::text[])`,
      cols,
    );
  }
}

/** Runs statements on audit_events with its triggers off, as a database superuser could. */
export async function asSuperuserWithoutTriggers(db: DataSource, sql: string[]): Promise<void> {
  await db.transaction(async (m) => {
    await m.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
    for (const statement of sql) await m.query(statement);
    await m.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
  });
}
