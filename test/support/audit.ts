import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { canonicalJson } from '../../src/audit/canonical-json';
import { dataHashOf } from '../../src/audit/leaf';

/** What a synthetic event varies (the rest is a `case.updated` by the system, without a case). */
export interface SyntheticEvent {
  at: string;
  actorId: string | null;
  actorName: string;
  subjectId: string;
  data: string;
}

/** The volume tests' event: a title change, about 100 bytes of data. */
function volumeEvent(n: number): SyntheticEvent {
  return {
    at: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
    actorId: null,
    actorName: 'Volume test',
    subjectId: randomUUID(),
    data: canonicalJson({ changes: { title: { old: `Titel ${n}`, new: `Titel ${n + 1}` } }, n }),
  };
}

/**
 * Appends `count` events (the n-th, from 1, as `eventOf(n)` says) straight into audit_events as
 * the writer does (for volume tests); the test app's sequencer makes them leaves (wait with
 * `waitUntilSequenced`).
 */
export async function appendSyntheticEvents(
  db: DataSource,
  count: number,
  eventOf: (n: number) => SyntheticEvent = volumeEvent,
): Promise<void> {
  const batch = 10_000;
  for (let done = 0; done < count; done += batch) {
    const cols: unknown[][] = Array.from({ length: 7 }, () => []);
    for (let i = 0; i < Math.min(batch, count - done); i++) {
      const n = done + i + 1;
      const event = eventOf(n);
      const values = [
        event.at,
        event.actorId,
        event.actorName,
        event.subjectId,
        event.data,
        dataHashOf(event.data),
        n,
      ];
      values.forEach((v, k) => cols[k]!.push(v));
    }
    await db.query(
      `INSERT INTO audit_events (occurred_at, actor_id, actor_role, actor_name, action,
         subject_type, subject_id, case_id, data, data_hash)
       SELECT t.at, t.actor, 'system', t.name, 'case.updated', 'case', t.subject, NULL,
              t.data, t.data_hash
         FROM unnest($1::timestamptz[], $2::uuid[], $3::text[], $4::text[], $5::text[],
                     $6::text[], $7::int[]) AS t(at, actor, name, subject, data, data_hash, n)
        ORDER BY t.n`,
      cols,
    );
  }
}

/**
 * Waits until every committed audit event has a leaf and is in a checkpoint (the test app runs
 * the sequencer, polling every 50 ms); fails after `timeoutMs`.
 */
export async function waitUntilSequenced(db: DataSource, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await db.query<{ pending: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM audit_events WHERE leaf_index IS NULL)
           OR coalesce((SELECT max(leaf_index) + 1 FROM audit_events), 0)
              <> coalesce((SELECT max(tree_size) FROM audit_checkpoints), 0) AS pending`,
    );
    if (!row?.pending) return;
    if (Date.now() > deadline) throw new Error('audit events not sequenced in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Runs statements with the audit tables' triggers off, as a database superuser could. */
export async function asSuperuserWithoutTriggers(db: DataSource, sql: string[]): Promise<void> {
  const tables = ['audit_events', 'audit_tree_nodes', 'audit_checkpoints'];
  await db.transaction(async (m) => {
    for (const t of tables) await m.query(`ALTER TABLE ${t} DISABLE TRIGGER USER`);
    for (const statement of sql) await m.query(statement);
    for (const t of tables) await m.query(`ALTER TABLE ${t} ENABLE TRIGGER USER`);
  });
}
