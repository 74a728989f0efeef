import { DataSource } from 'typeorm';
import { buildAuditListQuery } from '../src/audit/audit-reader';
import { canonicalJson } from '../src/audit/canonical-json';
import type { ListAuditEventsQuery } from '../src/audit/dto/audit.dto';
import { dataHashOf } from '../src/audit/leaf';
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
 * Appends `count` events spread over `caseIds` (as the writer writes them), so that the trail
 * looks like years of work on many cases.
 */
async function appendCaseEvents(db: DataSource, count: number, caseIds: string[]): Promise<void> {
  const cols: unknown[][] = Array.from({ length: 5 }, () => []);
  for (let i = 0; i < count; i++) {
    const caseId = caseIds[i % caseIds.length]!;
    const data = canonicalJson({ n: i });
    [
      new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
      ACTIONS[i % ACTIONS.length]!,
      caseId,
      data,
      dataHashOf(data),
    ].forEach((v, k) => cols[k]!.push(v));
  }
  await db.query(
    `INSERT INTO audit_events (occurred_at, actor_id, actor_role, actor_name, action,
       subject_type, subject_id, case_id, data, data_hash)
     SELECT at, NULL, 'system', 'Volume test', action, 'case', case_id::text, case_id, data, data_hash
       FROM unnest($1::timestamptz[], $2::text[], $3::uuid[], $4::text[], $5::text[])
         AS t(at, action, case_id, data, data_hash)`,
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
