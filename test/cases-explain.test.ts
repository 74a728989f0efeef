import { DataSource } from 'typeorm';
import type { Actor } from '../src/auth/roles';
import { UsersService } from '../src/auth/users.service';
import { LIST_TOTAL_LIMIT } from '../src/cases/dto/case.dto';
import {
  buildListQuery,
  COUNT_SETTING,
  RARE_SEARCH_LIMIT,
  searchProbe,
  type KeyRow,
} from '../src/cases/case-list-query';
import { SEARCH_PROBE_SETTING } from '../src/cases/case-search';
import {
  CaseReader,
  OPEN_DEADLINES_FIRST_PAGE,
  OPEN_DEADLINES_PAGE,
} from '../src/cases/case-reader';
import { CASE_SORTS, type CaseSort, type ListCasesQuery } from '../src/cases/dto/list-cases.query';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The SQL of GET /cases, exactly as the service builds it (`buildListQuery`), explained over
 * 100,000 generated cases and 30,000 notes: no filter, sort, page or visibility may make
 * PostgreSQL read the whole `cases` or `case_notes` table (a `Seq Scan` on it). The index design
 * is the subject under test: a failure names the query and shows the plan.
 */

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Alias?: string;
  'Parent Relationship'?: string;
  'Subplan Name'?: string;
  Plans?: PlanNode[];
}

/** A node of `EXPLAIN (ANALYZE)`: what it really read. */
interface AnalyzedNode extends PlanNode {
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
}

/** Every node of a plan tree (sub plans and init plans are children too). */
function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

const seqScansOnCases = (plan: PlanNode): PlanNode[] =>
  nodesOf(plan).filter(
    (n) =>
      n['Node Type'] === 'Seq Scan' &&
      (n['Relation Name'] === 'cases' || n['Relation Name'] === 'case_notes'),
  );

/** A compact rendering of a plan, one node a line, for failure messages and the report. */
function render(node: PlanNode, depth = 0): string {
  const on = [
    node['Relation Name'] ? `on ${node['Relation Name']}` : '',
    node['Index Name'] ? `using ${node['Index Name']}` : '',
    node['Subplan Name'] ? `(${node['Subplan Name']})` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return [
    `${'  '.repeat(depth)}${node['Node Type']}${on ? ` ${on}` : ''}`,
    ...(node.Plans ?? []).map((child) => render(child, depth + 1)),
  ].join('\n');
}

const SORTS: CaseSort[] = [...CASE_SORTS];
const N = 100_000;

const DOMAINS = [
  'energy',
  'energy-poverty',
  'housing',
  'food',
  'circular',
  'care',
  'education',
  'mobility',
  'solidarity-finance',
  'community',
];
const WORDS = [
  'zonnepanelen',
  'warmtepompen',
  'schoolmaaltijden',
  'fietsenstallingen',
  'kledinginzameling',
  'isolatie',
  'groendaken',
  'voedselbanken',
  'buurtzorg',
  'deelautos',
  'laadpalen',
  'wooncooperaties',
];

describe('GET /cases: query plans over 100,000 cases', () => {
  let t: TestApp;
  let db: DataSource;
  const actors: Record<'staff' | 'staff2' | 'buyer' | 'budgetHousing' | 'budgetEnergy', Actor> =
    {} as never;
  let teamId = '';
  let reference = '';

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    const users = t.app.get(UsersService);
    const ids = new Map(
      (await db.query<{ id: string; email: string }[]>('SELECT id, email FROM users')).map((u) => [
        u.email,
        u.id,
      ]),
    );
    const actor = async (email: string): Promise<Actor> => {
      const found = await users.findActor(ids.get(email)!);
      if (!found) throw new Error(`no user ${email}`);
      return found;
    };
    actors.staff = await actor('staff@brug.example');
    actors.staff2 = await actor('staff2@brug.example');
    actors.buyer = await actor('buyer@brug.example');
    actors.budgetHousing = await actor('budget.housing@brug.example');
    actors.budgetEnergy = await actor('budget.energy@brug.example');
    expect(actors.budgetHousing.domains.length).toBeGreaterThan(0);

    // Ten municipal units: the three of the seed and seven more.
    await db.query(
      `INSERT INTO organisation_units (code, name, kind)
       SELECT 'stadsdeel-' || g, 'Stadsdeel ' || g, 'municipal' FROM generate_series(1, 7) g`,
    );
    const [{ units }] = await db.query<[{ units: string[] }]>(
      `SELECT array_agg(id ORDER BY code) AS units FROM organisation_units WHERE kind = 'municipal'`,
    );
    const [{ teams }] = await db.query<[{ teams: string[] }]>(
      `SELECT array_agg(id ORDER BY code) AS teams FROM organisation_units WHERE kind = 'meentcoop_team'`,
    );
    expect(units).toHaveLength(10);
    const [team] = await db.query<{ id: string }[]>(
      `SELECT id FROM organisation_units WHERE code = 'meentcoop-energy'`,
    );
    teamId = team!.id;

    // One statement for the cases, one for their domains; random() but a fixed seed.
    const runner = db.createQueryRunner();
    await runner.connect();
    try {
      // A bulk load, not a request: no statement limit, and the funding totals (kept per row
      // and transaction by triggers, ADR 37) are rebuilt once at the end, as an operator
      // loading data would.
      await runner.query('SET statement_timeout = 0');
      await runner.query('ALTER TABLE cases DISABLE TRIGGER cases_funding_totals');
      await runner.query('ALTER TABLE case_domains DISABLE TRIGGER case_domains_funding_totals');
      await runner.query('ALTER TABLE cases DISABLE TRIGGER cases_report_counts');
      await runner.query('ALTER TABLE case_domains DISABLE TRIGGER case_domains_report_counts');
      await runner.query('SELECT setseed(0.2026)');
      await runner.query(
        `INSERT INTO cases (reference, title, description, tender_reference, estimated_value_cents,
                priority, deadline, status, organisation_unit_id, filed_by_id, team_id, assignee_id,
                koppel_meentcoop_id, routed_at, accept_by, propose_by, proposal, outcome_summary,
                outcome_supplier_name, outcome_supplier_type, outcome_awarded_value_cents,
                closed_at, filed_at, updated_at)
         SELECT next_case_reference(filed_at),
                'Inkoop ' || w1 || ' ' || w2,
                'Vraag over ' || w3 || ' voor de buurt.',
                CASE WHEN r_tender < 0.4 THEN 'TN-' || extract(year FROM filed_at) || '-' || g END,
                (r_value * 1e9)::bigint,
                CASE WHEN r_priority < 0.1 THEN 'low' WHEN r_priority < 0.7 THEN 'normal'
                     WHEN r_priority < 0.93 THEN 'high' ELSE 'urgent' END,
                CASE WHEN r_deadline < 0.7
                     THEN (filed_at + (r_deadline * 700)::int * interval '1 day')::date END,
                status,
                units[1 + floor(r_unit * 10)::int],
                $1::uuid,
                CASE WHEN worked THEN teams[1 + floor(r_unit * 50)::int % 5] END,
                CASE WHEN worked AND r_value < 0.7
                     THEN (ARRAY[$2::uuid, $3::uuid])[1 + floor(r_value * 100)::int % 2] END,
                CASE WHEN worked THEN $2::uuid END,
                CASE WHEN worked THEN filed_at + interval '1 day' END,
                CASE WHEN worked THEN filed_at + interval '3 days' END,
                CASE WHEN worked THEN filed_at + interval '15 days' END,
                CASE WHEN status IN ('proposed', 'resolved')
                     THEN 'Voorstel: ' || w1 || ' via een coöperatie' END,
                CASE WHEN status = 'resolved' THEN 'Gegund aan een ' || w1 || 'collectief' END,
                CASE WHEN status = 'resolved' THEN 'Coöperatie' END,
                CASE WHEN status = 'resolved' THEN 'cooperative' END,
                CASE WHEN status = 'resolved' THEN 100000 END,
                CASE WHEN status IN ('resolved', 'declined', 'withdrawn')
                     THEN filed_at + interval '60 days' END,
                filed_at, filed_at
           FROM (
             SELECT g, filed_at, units, teams, r_tender, r_value, r_priority, r_deadline, r_unit,
                    w1, w2, w3, status, r_worked < 0.065 AND status <> 'filed' AS worked
               FROM (
                 SELECT g,
                        now() - random() * interval '1095 days' AS filed_at,
                        $4::uuid[] AS units, $5::uuid[] AS teams,
                        random() AS r_tender, random() AS r_value, random() AS r_priority,
                        random() AS r_deadline, random() AS r_unit, random() AS r_worked,
                        w[1 + floor(random() * 12)::int] AS w1,
                        w[1 + floor(random() * 12)::int] AS w2,
                        w[1 + floor(random() * 12)::int] AS w3,
                        (ARRAY['filed', 'filed', 'filed', 'routed', 'accepted', 'in_progress',
                               'in_progress', 'proposed', 'resolved', 'resolved', 'resolved',
                               'declined', 'withdrawn'])[1 + floor(random() * 13)::int] AS status
                   FROM generate_series(1, ${N}) g, (SELECT $6::text[] AS w) words
               ) r
           ) s`,
        [ids.get('admin@brug.example'), actors.staff.id, actors.staff2.id, units, teams, WORDS],
      );
      await runner.query(
        `INSERT INTO case_domains (case_id, domain_code, role)
         SELECT c.id, d.code, CASE WHEN d.i = l.lead THEN 'lead' ELSE 'affected' END
           FROM cases c
           CROSS JOIN LATERAL (SELECT 1 + abs(hashtext(c.id::text)) % 10 AS lead) l
           CROSS JOIN unnest($1::text[]) WITH ORDINALITY AS d(code, i)
          WHERE d.i = l.lead OR random() < 0.1`,
        [DOMAINS],
      );
      // Notes on about 30 % of the cases (half of them shared).
      await runner.query(
        `INSERT INTO case_notes (case_id, author_id, body, visibility, created_at)
         SELECT id, $1::uuid,
                (ARRAY['Overleg over de offerte', 'Planning besproken met de wijk',
                       'Budget nagevraagd', 'Leverancier gebeld'])[1 + floor(random() * 4)::int],
                CASE WHEN random() < 0.5 THEN 'shared' ELSE 'internal' END, filed_at
           FROM cases WHERE random() < 0.3`,
        [actors.staff.id],
      );
      // A few rare texts: a compound in titles, a word only in notes.
      await runner.query(
        `UPDATE cases SET title = 'Energiebespaarservice voor huurders'
          WHERE id IN (SELECT id FROM cases ORDER BY filed_at OFFSET 7000 LIMIT 3)`,
      );
      await runner.query(
        `INSERT INTO case_notes (case_id, author_id, body, visibility)
         SELECT id, $1::uuid, 'Spreek met de klimaatstraat', 'shared'
           FROM cases ORDER BY filed_at OFFSET 9000 LIMIT 3`,
        [actors.staff.id],
      );
      await runner.query('ALTER TABLE cases ENABLE TRIGGER cases_funding_totals');
      await runner.query('ALTER TABLE case_domains ENABLE TRIGGER case_domains_funding_totals');
      await runner.query('ALTER TABLE cases ENABLE TRIGGER cases_report_counts');
      await runner.query('ALTER TABLE case_domains ENABLE TRIGGER case_domains_report_counts');
      await runner.query('SELECT funding_totals_rebuild()');
      await runner.query('SELECT report_counts_rebuild()');
      await runner.query('ANALYZE cases');
      await runner.query('ANALYZE case_domains');
      await runner.query('ANALYZE case_notes');
    } finally {
      await runner.release();
    }
    const [{ ref }] = await db.query<[{ ref: string }]>(
      'SELECT reference AS ref FROM cases ORDER BY filed_at LIMIT 1 OFFSET 5000',
    );
    reference = ref;
  }, 600_000); // a bulk load of 100,000 cases and their GIN indexes: minutes on a busy machine
  afterAll(() => t.close());

  it('generates 100,000 cases with a realistic spread', async () => {
    const [stats] = await db.query<
      [
        {
          cases: number;
          units: number;
          statuses: number;
          with_team: number;
          overdue: number;
          domains: number;
          leads: number;
          years: number;
        },
      ]
    >(
      `SELECT count(*)::int AS cases,
              count(DISTINCT organisation_unit_id)::int AS units,
              count(DISTINCT status)::int AS statuses,
              count(team_id)::int AS with_team,
              count(*) FILTER (WHERE (status = 'routed' AND accept_by < now())
                 OR (status IN ('accepted', 'in_progress') AND propose_by < now()))::int AS overdue,
              (SELECT count(DISTINCT domain_code)::int FROM case_domains) AS domains,
              (SELECT count(*)::int FROM case_domains WHERE role = 'lead') AS leads,
              count(DISTINCT extract(year FROM filed_at))::int AS years
         FROM cases`,
    );
    expect(stats.cases).toBe(N);
    expect(stats.units).toBe(10);
    expect(stats.statuses).toBe(8);
    expect(stats.with_team).toBeGreaterThan(N * 0.03);
    expect(stats.with_team).toBeLessThan(N * 0.06);
    expect(stats.overdue).toBeGreaterThan(0);
    expect(stats.domains).toBe(10);
    expect(stats.leads).toBe(N);
    expect(stats.years).toBeGreaterThanOrEqual(3);
  });

  /** The plan of the statement the service would run, with its parameters. */
  async function explain(sql: string, params: unknown[]): Promise<PlanNode> {
    const [row] = await db.query<[{ 'QUERY PLAN': [{ Plan: PlanNode }] }]>(
      `EXPLAIN (FORMAT JSON) ${sql}`,
      params,
    );
    return row['QUERY PLAN'][0].Plan;
  }

  it('recognises a sequential scan on cases when there is one', async () => {
    const plan = await explain('SELECT count(*) FROM cases c WHERE c.title <> $1', ['x']);
    expect(seqScansOnCases(plan)).not.toHaveLength(0);
  });

  interface Filter {
    name: string;
    /** Built when the test runs: some values are known only after the data is generated. */
    query: () => ListCasesQuery;
    /** A `team` filter: the service resolves the team's code to its id before building. */
    team?: boolean;
  }
  const day = (offsetDays: number) =>
    new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const FILTERS: Filter[] = [
    { name: 'no filter', query: () => ({}) },
    { name: 'status=filed', query: () => ({ status: ['filed'] }) },
    { name: 'status=routed', query: () => ({ status: ['routed'] }) },
    { name: 'status=routed&status=accepted', query: () => ({ status: ['routed', 'accepted'] }) },
    { name: 'domain=care', query: () => ({ domain: 'care' }) },
    { name: 'team=meentcoop-energy', query: () => ({ team: 'meentcoop-energy' }), team: true },
    { name: 'assignee=<staff2 id>', query: () => ({ assignee: actors.staff2.id }) },
    { name: 'assignee=me', query: () => ({ assignee: 'me' }) },
    { name: 'priority=urgent', query: () => ({ priority: 'urgent' }) },
    { name: 'q=warmtepomp (a common word)', query: () => ({ q: 'warmtepomp' }) },
    { name: 'q=<a reference> (one case)', query: () => ({ q: reference }) },
    { name: 'q=nonsense (no case)', query: () => ({ q: 'xyzzyplugh' }) },
    { name: 'q=panelen (part of a common word)', query: () => ({ q: 'panelen' }) },
    { name: 'q=bespaar (part of a rare word)', query: () => ({ q: 'bespaar' }) },
    { name: 'q=energie bespaar (two parts)', query: () => ({ q: 'energie bespaar' }) },
    { name: 'q=offerte (a common note word)', query: () => ({ q: 'offerte' }) },
    { name: 'q=klimaatstraat (in a few notes)', query: () => ({ q: 'klimaatstraat' }) },
    { name: 'q=cooperatie (a proposal word, unaccented)', query: () => ({ q: 'cooperatie' }) },
    { name: 'filedFrom (the last 30 days)', query: () => ({ filedFrom: day(-30) }) },
    { name: 'filedTo (the first 30 days)', query: () => ({ filedTo: day(-1095 + 30) }) },
    {
      name: 'filedFrom and filedTo (one month)',
      query: () => ({ filedFrom: day(-365), filedTo: day(-335) }),
    },
    { name: 'overdue=true', query: () => ({ overdue: true }) },
    { name: 'sla=suspended', query: () => ({ sla: ['suspended'] }) },
    { name: 'sla=breached', query: () => ({ sla: ['breached'] }) },
  ];

  interface Offender {
    actor: string;
    filter: string;
    sort: CaseSort;
    page: 1 | 2;
    plan: string;
  }

  /**
   * The list's total (counted up to LIST_TOTAL_LIMIT + 1 with the same WHERE), run: a sequential
   * scan on cases may only be the cheap start of the table that the limit stops, never a read of
   * all of it (with the generated spread, every filter matches less than half of the cases or
   * reaches the limit first).
   */
  async function countReadsOfCases(actor: Actor, filter: Filter): Promise<string[]> {
    const query: ListCasesQuery = filter.query();
    const q = query.q?.trim();
    const probe = q ? searchProbe(q) : null;
    const rareSearch = probe
      ? (await db.query<{ n: number }[]>(probe.sql, probe.params))[0]!.n < RARE_SEARCH_LIMIT
      : false;
    const { count } = buildListQuery(actor, query, {
      ...(filter.team ? { teamId } : {}),
      rareSearch,
    });
    // As the service runs it: in a transaction of its own, after COUNT_SETTING.
    const plan = await db.transaction(async (m) => {
      await m.query(COUNT_SETTING);
      const [row] = await m.query<[{ 'QUERY PLAN': [{ Plan: AnalyzedNode }] }]>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${count.sql}`,
        count.params,
      );
      return row['QUERY PLAN'][0].Plan;
    });
    return nodesOf(plan)
      .filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'cases')
      .map((n) => n as AnalyzedNode)
      .filter(
        (n) => (n['Actual Rows'] + (n['Rows Removed by Filter'] ?? 0)) * n['Actual Loops'] > N / 2,
      )
      .map(() => render(plan));
  }

  /** Explains the first page, runs it to get a real cursor position, explains the second page. */
  async function check(actorKey: keyof typeof actors, filter: Filter): Promise<Offender[]> {
    const actor = actors[actorKey];
    const found: Offender[] = [];
    for (const plan of await countReadsOfCases(actor, filter)) {
      found.push({
        actor: actorKey,
        filter: filter.name,
        sort: '-filedAt',
        page: 1,
        plan: `count:\n${plan}`,
      });
    }
    for (const sort of SORTS) {
      const query: ListCasesQuery = { ...filter.query(), sort, pageSize: 25 };
      // The plan choice the service makes for a search: probe how many cases match.
      const q = query.q?.trim();
      const probe = q ? searchProbe(q) : null;
      const rareSearch = probe
        ? (await db.query<{ n: number }[]>(probe.sql, probe.params))[0]!.n < RARE_SEARCH_LIMIT
        : false;
      const resolved = { ...(filter.team ? { teamId } : {}), rareSearch };
      const first = buildListQuery(actor, query, resolved);
      const firstPlan = await explain(first.sql, first.params);
      if (seqScansOnCases(firstPlan).length) {
        found.push({
          actor: actorKey,
          filter: filter.name,
          sort,
          page: 1,
          plan: render(firstPlan),
        });
      }
      const rows = await db.query<KeyRow[]>(first.sql, first.params);
      // A position to page from: the last row of a real first page, or a made-up one.
      const last = rows[Math.min(rows.length, first.pageSize) - 1];
      const cursorPosition = last
        ? first.key(last)
        : first.key({
            id: '00000000-0000-4000-8000-000000000000',
            filed_at_key: new Date().toISOString(),
            deadline: day(100),
            deadline_key: day(100),
            priority_rank: 3,
            estimated_value_cents: '500000000',
            lead_domain_key: 'housing',
            buyer_key: 'M',
          });
      const second = buildListQuery(actor, query, { ...resolved, cursorPosition });
      const secondPlan = await explain(second.sql, second.params);
      if (seqScansOnCases(secondPlan).length) {
        found.push({
          actor: actorKey,
          filter: filter.name,
          sort,
          page: 2,
          plan: render(secondPlan),
        });
      }
    }
    return found;
  }

  describe.each(['staff', 'buyer', 'budgetHousing'] as const)('as %s', (actorKey) => {
    it.each(FILTERS.map((f) => [f.name, f] as const))(
      '%s: no sequential scan on cases, for any sort, first or second page',
      async (_name, filter) => {
        expect(await check(actorKey, filter)).toEqual([]);
      },
    );
  });

  it.each(FILTERS.filter((f) => f.name.startsWith('q=')).map((f) => [f.name, f] as const))(
    'the probe for %s reads the indexes only',
    async (_name, filter) => {
      const probe = searchProbe(filter.query().q!);
      // As the service runs it: in a transaction of its own, after SEARCH_PROBE_SETTING.
      const plan = await db.transaction(async (m) => {
        await m.query(SEARCH_PROBE_SETTING);
        const [row] = await m.query<[{ 'QUERY PLAN': [{ Plan: PlanNode }] }]>(
          `EXPLAIN (FORMAT JSON) ${probe.sql}`,
          probe.params,
        );
        return row['QUERY PLAN'][0].Plan;
      });
      expect(seqScansOnCases(plan).map(() => render(plan))).toEqual([]);
    },
  );

  it('counts a total up to the limit only: 100,000 cases are "more than 10,000"', async () => {
    const { count } = buildListQuery(actors.staff, {}, {});
    const n = await db.transaction(async (m) => {
      await m.query(COUNT_SETTING);
      return (await m.query<{ n: number }[]>(count.sql, count.params))[0]!.n;
    });
    expect(n).toBe(LIST_TOTAL_LIMIT + 1);
  });

  it('budget holder of one domain (energy), no filter: no sequential scan on cases', async () => {
    expect(await check('budgetEnergy', FILTERS[0]!)).toEqual([]);
  });
  /**
   * The workers' safety net (`SlaJobs.reconcile`) pages through every case with open deadlines
   * once a minute. It must read the open cases, not the closed ones between them: walking the
   * primary key, a page of 500 read many times that many rows, and at 1,000,000 cases a pass
   * outlasted the minute between passes (docs/benchmarks.md, issue 21). Each page reads from
   * `cases_open_deadlines_idx` only (in order, or, near the end, the few left and sorted), and a
   * whole pass reads each open case about once.
   */
  it('pages through the open deadlines reading only them (cases_open_deadlines_idx)', async () => {
    const reader = t.app.get(CaseReader);
    const pageSize = 500;
    const [{ open }] = await db.query<[{ open: number }]>(
      `SELECT count(*)::int AS open FROM cases
        WHERE status IN ('routed', 'accepted', 'in_progress') AND propose_by IS NOT NULL
          AND suspended_since IS NULL`,
    );
    // Enough open deadlines for several pages, a small part of all cases.
    expect(open).toBeGreaterThan(2 * pageSize);
    expect(open).toBeLessThan(N / 10);

    const seen: string[] = [];
    let read = 0;
    let after: string | null = null;
    for (;;) {
      const page = await reader.openSlaCases(after, pageSize);
      if (page.length === 0) break;
      const [row] = await db.query<[{ 'QUERY PLAN': [{ Plan: AnalyzedNode }] }]>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${after === null ? OPEN_DEADLINES_FIRST_PAGE : OPEN_DEADLINES_PAGE}`,
        after === null ? [pageSize] : [pageSize, after],
      );
      const plan = row['QUERY PLAN'][0].Plan;
      const nodes = nodesOf(plan).map((n) => n as AnalyzedNode);
      const indexes = [...new Set(nodes.flatMap((n) => n['Index Name'] ?? []))];
      expect({ indexes, plan: render(plan) }).toEqual({
        indexes: ['cases_open_deadlines_idx'],
        plan: render(plan),
      });
      expect(seqScansOnCases(plan)).toEqual([]);
      for (const n of nodes.filter((n) => n['Relation Name'] === 'cases')) {
        read += (n['Actual Rows'] + (n['Rows Removed by Filter'] ?? 0)) * n['Actual Loops'];
      }
      seen.push(...page.map((c) => c.id));
      after = page[page.length - 1]!.id;
    }
    // Every open deadline once, in id order, and about once read.
    expect(seen).toHaveLength(open);
    expect(new Set(seen).size).toBe(open);
    expect([...seen].sort()).toEqual(seen);
    expect(read).toBeLessThanOrEqual(2 * open);
  });
});
