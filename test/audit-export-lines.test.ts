import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditChecker } from '../src/audit/audit-checker';
import { canonicalJson } from '../src/audit/canonical-json';
import { appendSyntheticEvents, type SyntheticEvent, waitUntilSequenced } from './support/audit';
import { bearer, fileCase } from './support/factories';
import { waitFor } from './support/processes';
import { startTestApp, TestApp } from './support/test-app';

const EVENTS = 2400;
/** Text JSON must escape, and text it must not touch. */
const AWKWARD = [
  'Jan "de Vries"',
  'back\\slash',
  'regel\nregel',
  'tab\there',
  'ctl\u0001\u001f',
  'Zoë ✓ 🚲',
];
/** The keys of a line as docs/audit.md lists them, written out here rather than taken from the code. */
const KEYS = [
  'seq',
  'leafIndex',
  'occurredAt',
  'actorId',
  'actorRole',
  'actorName',
  'action',
  'subjectType',
  'subjectId',
  'caseId',
  'data',
  'dataHash',
  'prevHash',
  'hash',
];

/** A row of audit_events as PostgreSQL returns it, to compare each line with. */
interface Row {
  seq: string;
  leaf_index: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_role: string;
  actor_name: string;
  action: string;
  subject_type: string;
  subject_id: string;
  case_id: string | null;
  data: string | null;
  data_hash: string;
  prev_hash: string | null;
  hash: string | null;
}

/** An event with awkward text, with or without an actor, and about 10 kB of data. */
function awkwardEvent(n: number): SyntheticEvent {
  const text = AWKWARD[n % AWKWARD.length]!;
  return {
    at: new Date(Date.UTC(2026, 0, 1) + n * 1237).toISOString(),
    actorId: n % 2 ? randomUUID() : null,
    actorName: `${text} ${n}`,
    subjectId: `zaak "${n}"`,
    data: canonicalJson({ n, note: `${text} ${'x'.repeat(10_000)}` }),
  };
}

/**
 * Collects what an export writes: a copy of each chunk, since the export fills a chunk's buffer
 * again once the stream has called back, as a socket is done with it by then.
 */
function sink(): { out: Writable; text: () => string } {
  const pieces: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      pieces.push(Buffer.from(chunk));
      done();
    },
  });
  return { out, text: () => Buffer.concat(pieces).toString('utf8') };
}

/**
 * The export's lines (docs/audit.md): built by the API from PostgreSQL's binary COPY, written in
 * batches (issue 21, acceptance 4). Every event once, in leaf order, each line compact JSON with
 * the documented keys, whatever the text holds; a range of event numbers; a client that leaves.
 */
describe('audit export lines', () => {
  let t: TestApp;
  let db: DataSource;
  let checker: AuditChecker;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    checker = t.app.get(AuditChecker);
    await appendSyntheticEvents(db, EVENTS, awkwardEvent);
    await fileCase(t); // events as Brug writes them, with an actor and a case
    await waitUntilSequenced(db, 300_000);
  }, 600_000);
  afterAll(() => t.close());

  async function exportText(range: { fromSeq?: number; toSeq?: number }) {
    const { out, text } = sink();
    await checker.export(out, range);
    return text();
  }

  it('writes every event once, in leaf order, each line JSON in the documented form', async () => {
    const exported = await exportText({});
    const rows = await db.query<Row[]>(
      `SELECT seq, leaf_index, occurred_at, actor_id, actor_role, actor_name, action, subject_type,
              subject_id, case_id, data, data_hash, prev_hash, hash
         FROM audit_events WHERE leaf_index IS NOT NULL ORDER BY leaf_index`,
    );
    expect(rows.length).toBeGreaterThan(EVENTS);
    expect(rows.some((row) => row.case_id !== null && row.actor_id !== null)).toBe(true);
    const lines = exported.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(rows.length);
    lines.forEach((line, i) => {
      const row = rows[i]!;
      const event = JSON.parse(line) as Record<string, unknown>;
      // Compact JSON with the keys in the documented order: what JSON.stringify writes back.
      expect(JSON.stringify(event)).toBe(line);
      expect(Object.keys(event)).toEqual(KEYS);
      expect(event).toEqual({
        seq: Number(row.seq),
        leafIndex: i,
        occurredAt: row.occurred_at.toISOString(),
        actorId: row.actor_id,
        actorRole: row.actor_role,
        actorName: row.actor_name,
        action: row.action,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        caseId: row.case_id,
        data: row.data === null ? null : JSON.parse(row.data),
        dataHash: row.data_hash,
        prevHash: row.prev_hash,
        hash: row.hash,
      });
    });
    expect(lines.some((line) => line.includes('"actorName":"ctl\\u0001\\u001f 4"'))).toBe(true);
  });

  it('keeps to a range of event numbers, and writes nothing for an empty one', async () => {
    const all = (await exportText({})).split('\n').slice(0, -1);
    const seqs = all.map((line) => (JSON.parse(line) as { seq: number }).seq);
    const [from, to] = [seqs[150]!, seqs[1710]!];
    const inRange = all.filter((_, i) => seqs[i]! >= from && seqs[i]! <= to);
    expect(inRange).toHaveLength(1561);
    expect(await exportText({ fromSeq: from, toSeq: to })).toBe(`${inRange.join('\n')}\n`);
    expect(await exportText({ fromSeq: Math.max(...seqs) + 1 })).toBe('');
  });

  it('stops the COPY and frees its connection when the client leaves mid-export', async () => {
    const auditor = await bearer(t, 'auditor');
    const server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const controller = new AbortController();
    const response = await fetch(`${base}/api/v1/audit/export`, {
      headers: auditor,
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    await reader.read(); // the first batch, then away
    controller.abort();
    const copying = async () =>
      (
        await db.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND state = 'active'
              AND query LIKE 'COPY (SELECT concat(%'`,
        )
      )[0]!.n;
    await waitFor(async () => (await copying()) === 0);
    // The pool still answers, and the next export is whole.
    expect((await exportText({})).split('\n')).toHaveLength(
      Number((await db.query<{ n: string }[]>('SELECT count(*) AS n FROM audit_events'))[0]!.n) + 1,
    );
  });
});
