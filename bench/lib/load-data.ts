import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { BALANCE_SUMS } from '../../src/funding/ledger-sql';
import {
  AUDIT_COPY_COLUMNS,
  AuditFactory,
  CASE_COPY_COLUMNS,
  CaseFactory,
  FUNDING_COPY_COLUMNS,
  fundingLines,
} from './generate';
import type { World } from './world';

/** How the bench fills its database: COPY in text format, never the API. */

export async function connect(url: string, name = 'brug-bench'): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: name });
  await client.connect();
  return client;
}

/** A loading session: foreign-key and other triggers off (the data is consistent by construction). */
async function loader(url: string): Promise<Client> {
  const client = await connect(url, 'brug-bench-loader');
  await client.query(`SET session_replication_role = replica`);
  await client.query(`SET maintenance_work_mem = '512MB'`);
  await client.query(`SET synchronous_commit = off`);
  return client;
}

async function copy(client: Client, sql: string, chunks: Iterable<string>): Promise<void> {
  await pipeline(Readable.from(chunks, { objectMode: false }), client.query(copyFrom(sql)));
}

function* batched(
  from: number,
  to: number,
  line: (i: number) => string,
  size = 500,
): Iterable<string> {
  let chunk = '';
  let n = 0;
  for (let i = from; i < to; i++) {
    chunk += line(i);
    if (++n === size) {
      yield chunk;
      chunk = '';
      n = 0;
    }
  }
  if (chunk) yield chunk;
}

/** Splits [from, to) into `parts` ranges. */
function split(from: number, to: number, parts: number): [number, number][] {
  const size = Math.ceil((to - from) / parts);
  const out: [number, number][] = [];
  for (let a = from; a < to; a += size) out.push([a, Math.min(to, a + size)]);
  return out;
}

/**
 * Cases [from, to) with their domains (and, for the funded ones, their ledger), in `parallel`
 * COPY streams.
 */
export async function loadCases(
  url: string,
  factory: CaseFactory,
  range: [number, number],
  options: { parallel: number; funding?: { world: World; perCase: number } },
): Promise<void> {
  await Promise.all(
    split(range[0], range[1], options.parallel).map(async ([a, b]) => {
      const client = await loader(url);
      try {
        // One pass makes each case once: its domains wait in memory (about 60 bytes a row).
        const domains: string[] = [];
        const notes: string[] = [];
        const statuses: string[] = [];
        await copy(
          client,
          `COPY cases (${CASE_COPY_COLUMNS}) FROM STDIN`,
          batched(a, b, (i) => {
            const c = factory.make(i);
            domains.push(CaseFactory.domainLines(c));
            notes.push(CaseFactory.noteLines(c, factory.nowMs));
            statuses.push(CaseFactory.statusLines(c, factory.nowMs));
            return CaseFactory.caseLine(c);
          }),
        );
        await copy(
          client,
          'COPY case_domains (case_id, domain_code, role) FROM STDIN',
          batched(0, domains.length, (k) => domains[k]!, 2000),
        );
        await copy(
          client,
          'COPY case_notes (id, case_id, author_id, body, visibility, created_at) FROM STDIN',
          batched(0, notes.length, (k) => notes[k]!, 2000),
        );
        await copy(
          client,
          `COPY case_status_changes (case_id, from_status, to_status, actor_role, actor_name, at)
           FROM STDIN`,
          batched(0, statuses.length, (k) => statuses[k]!, 2000),
        );
      } finally {
        await client.end();
      }
    }),
  );
  if (options.funding) {
    const { world, perCase } = options.funding;
    const client = await loader(url);
    try {
      await copy(
        client,
        `COPY funding_entries (${FUNDING_COPY_COLUMNS}) FROM STDIN`,
        batched(
          range[0],
          range[1],
          (i) => fundingLines(world, factory.make(i), perCase, factory.nowMs),
          100,
        ),
      );
    } finally {
      await client.end();
    }
  }
}

/** The reference sequences continue after the generated references (filing must not collide). */
export async function setReferenceSequences(db: Client, factory: CaseFactory): Promise<void> {
  for (const [year, last] of factory.lastNumbers()) {
    if (last <= 0) continue;
    await db.query(`CREATE SEQUENCE IF NOT EXISTS case_reference_${year}`);
    await db.query(`SELECT setval('case_reference_${year}', $1)`, [last]);
  }
}

/**
 * Appends `count` events as Brug's writer stores them (no leaf yet), streamed in with COPY; the
 * running sequencer makes them leaves of the audit tree (the bench waits for it).
 */
export async function loadAudit(url: string, factory: AuditFactory, count: number): Promise<void> {
  const client = await loader(url);
  try {
    await copy(
      client,
      `COPY audit_events (${AUDIT_COPY_COLUMNS}) FROM STDIN`,
      batched(0, count, (j) => factory.line(j)),
    );
  } finally {
    await client.end();
  }
}

export interface DroppedIndex {
  name: string;
  definition: string;
}

/** Drops the secondary indexes of some tables (not those behind constraints) before a bulk load. */
export async function dropIndexes(db: Client, tables: string[]): Promise<DroppedIndex[]> {
  const { rows } = await db.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
      ORDER BY i.tablename, i.indexname`,
    [tables],
  );
  for (const r of rows) await db.query(`DROP INDEX "${r.indexname}"`);
  return rows.map((r) => ({ name: r.indexname, definition: r.indexdef }));
}

/** Re-creates dropped indexes from their definitions, on two connections (GIN first: longest). */
export async function recreateIndexes(url: string, indexes: DroppedIndex[]): Promise<void> {
  const queue = [...indexes].sort(
    (a, b) =>
      Number(b.definition.includes('USING gin')) - Number(a.definition.includes('USING gin')),
  );
  await Promise.all(
    [0, 1].map(async () => {
      const client = await loader(url);
      try {
        for (let next = queue.shift(); next; next = queue.shift())
          await client.query(next.definition);
      } finally {
        await client.end();
      }
    }),
  );
}

/** The ledger invariants hold for every (case, domain): nothing below zero, disbursed ≤ committed. */
export async function checkLedger(db: Client): Promise<{ entries: number; cases: number }> {
  const [bad] = (
    await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT f.case_id, f.domain_code, ${BALANCE_SUMS}
           FROM funding_entries f GROUP BY f.case_id, f.domain_code) b
        WHERE b.pledged_cents < 0 OR b.committed_cents < b.disbursed_cents OR b.disbursed_cents < 0`,
    )
  ).rows;
  if (bad!.n > 0) throw new Error(`${bad!.n} (case, domain) balances break the ledger invariants`);
  const [sizes] = (
    await db.query<{ entries: number; cases: number }>(
      'SELECT count(*)::int AS entries, count(DISTINCT case_id)::int AS cases FROM funding_entries',
    )
  ).rows;
  return sizes!;
}
