import { DataSource } from 'typeorm';
import { buildAuditListQuery } from '../src/audit/audit-reader';
import { canonicalJson } from '../src/audit/canonical-json';
import type { ListAuditEventsQuery } from '../src/audit/dto/audit.dto';
import { GENESIS_HASH, hashEvent, type AuditEventContent } from '../src/audit/hash-chain';
import { fileCase } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

const render = (node: PlanNode, depth = 0): string =>
  [
    `${'  '.repeat(depth)}${node['Node Type']} ${node['Relation Name'] ?? ''} ${node['Index Name'] ?? ''}`,
    ...(node.Plans ?? []).map((child) => render(child, depth + 1)),
  ].join('\n');

const ACTIONS = ['case.updated', 'case.assigned', 'note.added', 'funding.entry_recorded'];

/**
 * Appends `count` chained events spread over `caseIds` (as the writer hashes them), so that the
 * trail looks like years of work on many cases.
 */
async function appendCaseEvents(db: DataSource, count: number, caseIds: string[]): Promise<void> {
  const [head] = await db.query<{ seq: string; hash: string }[]>(
    'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
  );
  let seq = head ? Number(head.seq) : 0;
  let prev = head?.hash ?? GENESIS_HASH;
  const cols: unknown[][] = Array.from({ length: 12 }, () => []);
  for (let i = 0; i < count; i++) {
    seq += 1;
    const caseId = caseIds[i % caseIds.length]!;
    const content: AuditEventContent = {
      seq,
      occurredAt: new Date(Date.UTC(2026, 0, 1) + seq * 1000).toISOString(),
      actorId: null,
      actorRole: 'system',
      actorName: 'Volume test',
      action: ACTIONS[i % ACTIONS.length]!,
      subjectType: 'case',
      subjectId: caseId,
      caseId,
      data: { n: seq },
    };
    const hash = hashEvent(prev, content);
    [
      seq,
      content.occurredAt,
      null,
      content.actorRole,
      content.actorName,
      content.action,
      content.subjectType,
      content.subjectId,
      caseId,
      canonicalJson(content.data),
      prev,
      hash,
    ].forEach((v, k) => cols[k]!.push(v));
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

/**
 * The audit log's filters by case reference and by action, explained over 60,000 events of
 * 2,000 cases: each page reads through an index of `audit_events` (never a `Seq Scan` on it),
 * the reference is looked up by its unique index.
 */
describe('audit log filters are index-backed (EXPLAIN)', () => {
  let t: TestApp;
  let db: DataSource;
  let reference: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    const c = await fileCase(t);
    reference = c.reference;
    const more = await db.query<{ id: string }[]>(
      `INSERT INTO cases (reference, title, description, estimated_value_cents, priority, status,
                          organisation_unit_id, filed_by_id)
       SELECT next_case_reference(now()), 'Zaak ' || g, 'Een vraag voor de buurt.', 100000,
              'normal', 'filed', c.organisation_unit_id, c.filed_by_id
         FROM cases c, generate_series(1, 1999) g
        WHERE c.id = $1
       RETURNING id`,
      [c.id],
    );
    const caseIds = [c.id, ...more.map((m) => m.id)];
    await appendCaseEvents(db, 60_000, caseIds);
    await db.query('ANALYZE audit_events');
    await db.query('ANALYZE cases');
  });
  afterAll(() => t.close());

  async function plan(query: ListAuditEventsQuery, after?: number): Promise<PlanNode> {
    const { sql, params } = buildAuditListQuery(query, after, query.pageSize ?? 100);
    const [row] = await db.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(
      `EXPLAIN (FORMAT JSON) ${sql}`,
      params,
    );
    return row!['QUERY PLAN'][0].Plan;
  }

  const cases: [string, ListAuditEventsQuery, string, number | null][] = [
    ['case reference', { caseReference: 'REF' }, 'audit_events_case_idx', null],
    [
      'case reference, newest first',
      { caseReference: 'REF', order: 'desc' },
      'audit_events_case_idx',
      null,
    ],
    [
      'case reference and action',
      { caseReference: 'REF', action: 'case.assigned', order: 'desc' },
      'audit_events_case_idx',
      null,
    ],
    [
      'case reference, a later page',
      { caseReference: 'REF', order: 'desc' },
      'audit_events_case_idx',
      40_000,
    ],
    ['action', { action: 'case.transitioned', order: 'desc' }, 'audit_events_action_idx', null],
  ];

  it.each(cases)('%s', async (_name, query, index, after) => {
    const node = await plan(
      { ...query, ...(query.caseReference ? { caseReference: reference } : {}) },
      after ?? undefined,
    );
    const nodes = nodesOf(node);
    const text = render(node);
    expect(
      nodes.filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'audit_events'),
    ).toEqual([]);
    expect(text).toContain(index);
    if (query.caseReference) {
      expect(text).toContain('cases_reference_key');
    }
  });
});
