import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { expectProblem } from './support/problem';
import { startTestApp, type TestApp } from './support/test-app';

type Counts = {
  incoming: number;
  resolved: number;
  open: number;
  overdue: number;
  suspended: number;
};
type Group = Counts & { key: string | null; name: string | null };
type Report = {
  from: string;
  to: string;
  team: string | null;
  totals: Counts;
  teams: Group[];
  handlers: Group[];
  domains: Group[];
  weeks: (Counts & { week: string; weekStart: string })[];
  stages: { stage: string; cases: number; medianSeconds: number | null }[];
  openNow: ({ key: string | null; total: number } & Record<string, number>)[];
  sla: {
    key: string | null;
    name: string | null;
    met: number;
    breached: number;
    compliance: number | null;
  }[];
};

const CASES = 5000;
const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

/**
 * Issue 19, acceptance 5: the management report's numbers equal a direct count in SQL over
 * 5,000 seeded cases (with their status history, SLA stages and suspensions), written here
 * independently of the report's queries; who sees what; a bad period is a 400 problem.
 */
describe('the management report over 5,000 cases', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    // Cases filed over the past 400 days in every status, spread over the teams, the staff,
    // two buyers' units and the domains; routed ones with their SLA due times, some breached;
    // closed ones with their closing moment.
    await db.query(
      `WITH teams AS (SELECT array_agg(id ORDER BY code) AS ids FROM organisation_units
                       WHERE kind = 'meentcoop_team'),
            staff AS (SELECT array_agg(id ORDER BY email) AS ids FROM users WHERE role = 'staff'),
            buyers AS (SELECT array_agg(id ORDER BY email) AS ids,
                              array_agg(organisation_unit_id ORDER BY email) AS units
                         FROM users WHERE role = 'buyer' AND organisation_unit_id IS NOT NULL),
            statuses AS (SELECT ARRAY['filed', 'routed', 'accepted', 'in_progress', 'proposed',
                                      'resolved', 'declined', 'withdrawn'] AS s),
            g AS (
              SELECT g, statuses.s[1 + (g * 7) % 8] AS status,
                     now() - (g % 400) * interval '1 day' - (g % 24) * interval '1 hour' AS filed_at
                FROM generate_series(1, $1::int) g, statuses)
       INSERT INTO cases (reference, title, estimated_value_cents, organisation_unit_id,
                          filed_by_id, filed_at, updated_at, status, team_id, assignee_id,
                          routed_at, accept_by, propose_by, sla_breached, closed_at,
                          outcome_summary)
       SELECT 'BRUG-2019-' || lpad(g.g::text, 6, '0'), 'Rapportzaak ' || g.g, 100000,
              buyers.units[1 + g.g % cardinality(buyers.units)],
              buyers.ids[1 + g.g % cardinality(buyers.ids)],
              g.filed_at, g.filed_at, g.status,
              CASE WHEN g.status = 'filed' OR g.g % 13 = 0 THEN NULL
                   ELSE teams.ids[1 + g.g % cardinality(teams.ids)] END,
              CASE WHEN g.status IN ('filed', 'routed') OR g.g % 5 = 0 THEN NULL
                   ELSE staff.ids[1 + (g.g / 3) % cardinality(staff.ids)] END,
              CASE WHEN g.status = 'filed' THEN NULL ELSE g.filed_at + interval '1 hour' END,
              CASE WHEN g.status = 'filed' THEN NULL
                   ELSE g.filed_at + (1 + g.g % 10) * interval '1 day' END,
              CASE WHEN g.status = 'filed' THEN NULL
                   ELSE g.filed_at + (5 + g.g % 30) * interval '1 day' END,
              CASE WHEN g.status = 'filed' THEN '{}'::text[]
                   WHEN g.g % 6 = 0 THEN '{accept}'
                   WHEN g.g % 6 = 1 AND g.status <> 'routed' THEN '{propose}'
                   WHEN g.g % 6 = 2 AND g.status <> 'routed' THEN '{accept,propose}'
                   ELSE '{}' END,
              CASE WHEN g.status IN ('resolved', 'declined', 'withdrawn')
                   THEN least(now(), g.filed_at + (1 + g.g % 60) * interval '1 day') END,
              CASE WHEN g.status = 'resolved' THEN 'Opgelost' END
         FROM g, teams, staff, buyers`,
      [CASES],
    );
    // The lead domain of each case (and an affected one for some).
    await db.query(
      `WITH d AS (SELECT array_agg(code ORDER BY code) AS codes FROM domains)
       INSERT INTO case_domains (case_id, domain_code, role)
       SELECT c.id, d.codes[1 + (substr(c.reference, 11)::int) % cardinality(d.codes)], 'lead'
         FROM cases c, d WHERE c.reference LIKE 'BRUG-2019-%'
       UNION ALL
       SELECT c.id, d.codes[1 + (substr(c.reference, 11)::int + 3) % cardinality(d.codes)],
              'affected'
         FROM cases c, d WHERE c.reference LIKE 'BRUG-2019-%'
          AND substr(c.reference, 11)::int % 4 = 0`,
    );
    // The status history: filed, then accepted, proposed, resolved as far as each case got; a
    // few proposals were sent back and made again (the first one counts).
    await db.query(
      `WITH c AS (SELECT id, status, filed_at, closed_at, substr(reference, 11)::int AS n
                    FROM cases WHERE reference LIKE 'BRUG-2019-%'),
            t AS (
              SELECT c.*, c.filed_at + (1 + c.n % 7) * interval '1 day' + c.n * interval '1 minute'
                            AS accepted_at
                FROM c)
       INSERT INTO case_status_changes (case_id, from_status, to_status, actor_role, actor_name, at)
       SELECT id, NULL, 'filed', 'buyer', 'Bo Inkoper', filed_at FROM t
       UNION ALL
       SELECT id, 'routed', 'accepted', 'staff', 'Sanne Meent', accepted_at FROM t
        WHERE status IN ('accepted', 'in_progress', 'proposed', 'resolved')
       UNION ALL
       SELECT id, 'in_progress', 'proposed', 'staff', 'Sanne Meent',
              accepted_at + (1 + n % 13) * interval '1 day' FROM t
        WHERE status IN ('proposed', 'resolved')
       UNION ALL
       SELECT id, 'in_progress', 'proposed', 'staff', 'Sanne Meent',
              accepted_at + (20 + n % 13) * interval '1 day' FROM t
        WHERE status IN ('proposed', 'resolved') AND n % 9 = 0
       UNION ALL
       SELECT id, 'proposed', 'resolved', 'buyer', 'Bo Inkoper', closed_at FROM t
        WHERE status = 'resolved'`,
    );
    // Suspensions: some over, some still lasting.
    await db.query(
      `INSERT INTO case_suspensions (case_id, kind, reason, started_at, started_by_role,
                                     started_by_name, ended_at, ended_because, ended_by_role,
                                     ended_by_name)
       SELECT id, 'waiting_for_buyer', 'Wacht op de koper', filed_at + interval '2 days',
              'staff', 'Sanne Meent',
              CASE WHEN n % 22 = 0 THEN NULL ELSE filed_at + interval '5 days' END,
              CASE WHEN n % 22 = 0 THEN NULL ELSE 'staff' END,
              CASE WHEN n % 22 = 0 THEN NULL ELSE 'staff' END,
              CASE WHEN n % 22 = 0 THEN NULL ELSE 'Sanne Meent' END
         FROM (SELECT id, filed_at, status, substr(reference, 11)::int AS n FROM cases
                WHERE reference LIKE 'BRUG-2019-%') c
        WHERE n % 11 = 0 AND status IN ('routed', 'accepted', 'in_progress')`,
    );
    await db.query('ANALYZE');
  }, 120_000);
  afterAll(() => t.close());

  const get = async (who: string, query: string, accept = 'application/json') =>
    t
      .http()
      .get(`/api/v1/reports/management${query}`)
      .set('authorization', `Bearer ${await t.token(who)}`)
      .set('accept', accept);

  /** The period's bounds as PostgreSQL computes Amsterdam midnights. */
  const bounds = `(SELECT ($1::date)::timestamp AT TIME ZONE 'Europe/Amsterdam' AS s,
                          ($2::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam' AS e) b`;

  /** Per case, the flags of the report's definitions, counted one case at a time. */
  async function expected(from: string, to: string, where = 'TRUE', params: unknown[] = []) {
    return db.query<
      (Counts & { team_id: string | null; assignee_id: string | null; lead: string | null })[]
    >(
      `SELECT c.team_id, c.assignee_id,
              (SELECT domain_code FROM case_domains d WHERE d.case_id = c.id AND d.role = 'lead')
                AS lead,
              (c.filed_at >= b.s AND c.filed_at < b.e)::int AS incoming,
              (c.status = 'resolved' AND c.closed_at >= b.s AND c.closed_at < b.e)::int
                AS resolved,
              (c.filed_at < b.e AND (c.closed_at IS NULL OR c.closed_at >= b.e))::int AS open,
              (('accept' = ANY(c.sla_breached) AND c.accept_by >= b.s AND c.accept_by < b.e)
               OR ('propose' = ANY(c.sla_breached) AND c.propose_by >= b.s
                   AND c.propose_by < b.e))::int AS overdue,
              EXISTS (SELECT 1 FROM case_suspensions s WHERE s.case_id = c.id
                         AND s.started_at < b.e
                         AND (s.ended_at IS NULL OR s.ended_at > b.s))::int AS suspended
         FROM cases c, ${bounds}
        WHERE ${where}`,
      [from, to, ...params],
    );
  }

  function sum(rows: Counts[]): Counts {
    const total = { incoming: 0, resolved: 0, open: 0, overdue: 0, suspended: 0 };
    for (const r of rows) {
      for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += r[k];
    }
    return total;
  }

  function grouped<R extends Counts>(rows: R[], key: (r: R) => string | null) {
    const groups = new Map<string | null, R[]>();
    for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
    const result = new Map<string | null, Counts>();
    for (const [k, v] of groups) {
      const s = sum(v);
      if (Object.values(s).some((n) => n > 0)) result.set(k, s);
    }
    return result;
  }

  const asMap = (rows: Group[]) => new Map(rows.map(({ key, name: _name, ...c }) => [key, c]));

  it.each([
    { label: 'the last 120 days', from: day(-120), to: day(0) },
    { label: 'a period in the past', from: day(-250), to: day(-140) },
  ])('counts per team, handler, domain and in total as SQL does ($label)', async ({ from, to }) => {
    const response = await get('staff', `?from=${from}&to=${to}`);
    expect(response.status).toBe(200);
    const report = response.body as Report;
    expect(report).toMatchObject({ from, to, team: null });
    const rows = await expected(from, to);
    expect(report.totals).toEqual(sum(rows));
    expect(report.totals.incoming).toBeGreaterThan(100);
    expect(report.totals.open).toBeGreaterThan(100);
    expect(report.totals.overdue).toBeGreaterThan(10);
    expect(report.totals.suspended).toBeGreaterThan(10);
    expect(asMap(report.teams)).toEqual(grouped(rows, (r) => r.team_id));
    expect(asMap(report.handlers)).toEqual(grouped(rows, (r) => r.assignee_id));
    expect(asMap(report.domains)).toEqual(grouped(rows, (r) => r.lead));
    expect(report.teams.length).toBeGreaterThan(3);
    expect(report.handlers.length).toBeGreaterThan(3);
    // Names come with the keys.
    const team = report.teams.find((r) => r.key !== null)!;
    const [unit] = await db.query<{ name: string }[]>(
      'SELECT name FROM organisation_units WHERE id = $1',
      [team.key],
    );
    expect(team.name).toBe(unit!.name);

    // The cases open now per team and status, whatever the period.
    const open = await db.query<{ key: string | null; status: string; n: number }[]>(
      `SELECT team_id::text AS key, status, count(*)::int AS n FROM cases
        WHERE status NOT IN ('resolved', 'declined', 'withdrawn') GROUP BY 1, 2`,
    );
    for (const r of open) {
      const row = report.openNow.find((x) => x.key === r.key)!;
      expect(row[r.status as 'routed']).toBe(r.n);
    }
    expect(report.openNow.reduce((n, r) => n + r.total, 0)).toBe(open.reduce((n, r) => n + r.n, 0));
  });

  it('gives the trend per ISO week as SQL counts it week by week', async () => {
    const from = day(-60);
    const to = day(-3);
    const report = (await get('staff', `?from=${from}&to=${to}`)).body as Report;
    // Each week counted on its own: the part of the week inside the period.
    const weeks = await db.query<(Counts & { week: string; week_start: string })[]>(
      `WITH w AS (
         SELECT ws::date AS ws, to_char(ws, 'IYYY-"W"IW') AS week,
                greatest(ws::date, $1::date)::timestamp AT TIME ZONE 'Europe/Amsterdam' AS s,
                least(ws::date + 7, $2::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam' AS e
           FROM generate_series(date_trunc('week', $1::date::timestamp), $2::date::timestamp,
                                interval '1 week') ws)
       SELECT w.week, w.ws::text AS week_start,
              (SELECT count(*) FROM cases c WHERE c.filed_at >= w.s AND c.filed_at < w.e)::int
                AS incoming,
              (SELECT count(*) FROM cases c WHERE c.status = 'resolved'
                  AND c.closed_at >= w.s AND c.closed_at < w.e)::int AS resolved,
              (SELECT count(*) FROM cases c WHERE c.filed_at < w.e
                  AND (c.closed_at IS NULL OR c.closed_at >= w.e))::int AS open,
              (SELECT count(*) FROM cases c
                WHERE ('accept' = ANY(c.sla_breached) AND c.accept_by >= w.s AND c.accept_by < w.e)
                   OR ('propose' = ANY(c.sla_breached) AND c.propose_by >= w.s
                       AND c.propose_by < w.e))::int AS overdue,
              (SELECT count(DISTINCT s.case_id) FROM case_suspensions s
                WHERE s.started_at < w.e AND (s.ended_at IS NULL OR s.ended_at > w.s))::int
                AS suspended
         FROM w ORDER BY w.ws`,
      [from, to],
    );
    expect(report.weeks).toEqual(
      weeks.map(({ week_start, ...r }) => ({ ...r, weekStart: week_start })),
    );
    expect(report.weeks.length).toBeGreaterThanOrEqual(8);
    // The last week's open cases are the period's.
    expect(report.weeks[report.weeks.length - 1]!.open).toBe(report.totals.open);
  });

  it('gives the median time per stage and SLA compliance per team as counted case by case', async () => {
    const from = day(-200);
    const to = day(0);
    const report = (await get('admin', `?from=${from}&to=${to}`)).body as Report;

    // Stage times, per case in JavaScript from each case's first time in each status.
    const cases = await db.query<
      { filed: Date; accepted: Date | null; proposed: Date | null; resolved: Date | null }[]
    >(
      `SELECT c.filed_at AS filed,
              (SELECT min(at) FROM case_status_changes x WHERE x.case_id = c.id
                  AND x.to_status = 'accepted') AS accepted,
              (SELECT min(at) FROM case_status_changes x WHERE x.case_id = c.id
                  AND x.to_status = 'proposed') AS proposed,
              (SELECT min(at) FROM case_status_changes x WHERE x.case_id = c.id
                  AND x.to_status = 'resolved') AS resolved
         FROM cases c`,
    );
    const [{ s: start, e: end }] = (await db.query<{ s: Date; e: Date }[]>(
      `SELECT b.s, b.e FROM ${bounds}`,
      [from, to],
    )) as [{ s: Date; e: Date }];
    const within = (d: Date | null) => d !== null && d >= start && d < end;
    const median = (xs: number[]) => {
      const v = [...xs].sort((a, b) => a - b);
      if (!v.length) return null;
      const m = (v.length - 1) / 2;
      return Math.round((v[Math.floor(m)]! + v[Math.ceil(m)]!) / 2);
    };
    const spans = {
      filed_accepted: cases
        .filter((c) => within(c.accepted))
        .map((c) => (c.accepted!.getTime() - c.filed.getTime()) / 1000),
      accepted_proposed: cases
        .filter((c) => within(c.proposed) && c.accepted)
        .map((c) => (c.proposed!.getTime() - c.accepted!.getTime()) / 1000),
      proposed_resolved: cases
        .filter((c) => within(c.resolved) && c.proposed)
        .map((c) => (c.resolved!.getTime() - c.proposed!.getTime()) / 1000),
    };
    expect(report.stages).toEqual(
      (['filed_accepted', 'accepted_proposed', 'proposed_resolved'] as const).map((stage) => ({
        stage,
        cases: spans[stage].length,
        medianSeconds: median(spans[stage]),
      })),
    );
    expect(report.stages.every((r) => r.cases > 50)).toBe(true);

    // SLA: every stage due in the period, met (closed, not breached) or breached, per team.
    const stages = await db.query<
      {
        team_id: string | null;
        status: string;
        breached: string[];
        accept_by: Date;
        propose_by: Date;
      }[]
    >(
      `SELECT team_id, status, sla_breached AS breached, accept_by, propose_by FROM cases
        WHERE accept_by IS NOT NULL`,
    );
    const perTeam = new Map<string | null, { met: number; breached: number }>();
    for (const c of stages) {
      for (const [stage, due, openIn] of [
        ['accept', c.accept_by, ['routed']],
        ['propose', c.propose_by, ['routed', 'accepted', 'in_progress']],
      ] as const) {
        if (!within(due)) continue;
        const row = perTeam.get(c.team_id) ?? { met: 0, breached: 0 };
        if (c.breached.includes(stage)) row.breached += 1;
        else if (!(openIn as readonly string[]).includes(c.status)) row.met += 1;
        else continue;
        perTeam.set(c.team_id, row);
      }
    }
    expect(new Map(report.sla.map((r) => [r.key, { met: r.met, breached: r.breached }]))).toEqual(
      perTeam,
    );
    for (const r of report.sla) {
      expect(r.compliance).toBeCloseTo(r.met / (r.met + r.breached), 10);
    }
    expect(report.sla.length).toBeGreaterThan(3);
  });

  it('narrows to one team', async () => {
    const [{ id: team }] = (await db.query<{ id: string }[]>(
      `SELECT team_id AS id FROM cases WHERE team_id IS NOT NULL LIMIT 1`,
    )) as [{ id: string }];
    const from = day(-120);
    const to = day(0);
    const report = (await get('staff', `?from=${from}&to=${to}&team=${team}`)).body as Report;
    expect(report.team).toBe(team);
    expect(report.totals).toEqual(sum(await expected(from, to, 'c.team_id = $3', [team])));
    expect(report.teams.map((r) => r.key)).toEqual([team]);
  });

  it('shows a buyer (the contract manager) their unit’s cases only, and every table as CSV', async () => {
    const from = day(-120);
    const to = day(0);
    const [{ unit }] = (await db.query<{ unit: string }[]>(
      `SELECT organisation_unit_id AS unit FROM users WHERE email = 'buyer@brug.example'`,
    )) as [{ unit: string }];
    const report = (await get('buyer', `?from=${from}&to=${to}`)).body as Report;
    const mine = sum(await expected(from, to, 'c.organisation_unit_id = $3', [unit]));
    expect(report.totals).toEqual(mine);
    const all = sum(await expected(from, to));
    expect(report.totals.incoming).toBeLessThan(all.incoming);

    // The CSV of a table: by Accept, and by format=csv (a link).
    const byAccept = await get('staff', `?from=${from}&to=${to}&table=handlers`, 'text/csv');
    expect(byAccept.status).toBe(200);
    expect(byAccept.headers['content-type']).toMatch(/^text\/csv/);
    const json = (await get('staff', `?from=${from}&to=${to}`)).body as Report;
    const records: string[][] = parse(byAccept.text);
    expect(records[0]).toEqual([
      'key',
      'name',
      'incoming',
      'resolved',
      'open',
      'overdue',
      'suspended',
    ]);
    expect(records.slice(1)).toEqual(
      json.handlers.map((r) => [
        r.key ?? '',
        r.name ?? '',
        ...[r.incoming, r.resolved, r.open, r.overdue, r.suspended].map(String),
      ]),
    );
    for (const table of ['teams', 'domains', 'weeks', 'stages', 'sla']) {
      const link = await t
        .http()
        .get(`/api/v1/reports/management?from=${from}&to=${to}&format=csv&table=${table}`)
        .set('authorization', `Bearer ${await t.token('auditor')}`);
      expect(link.status).toBe(200);
      expect(link.headers['content-disposition']).toContain(`brug-management-${table}-`);
      const rows: string[][] = parse(link.text);
      const expectedRows = {
        teams: json.teams,
        domains: json.domains,
        weeks: json.weeks,
        stages: json.stages,
        sla: json.sla,
      }[table]!;
      expect(rows.length).toBe(expectedRows.length + 1);
    }
  });

  it('shows a budget holder the cases touching a domain they hold', async () => {
    const from = day(-120);
    const to = day(0);
    const [{ domains }] = (await db.query<{ domains: string[] }[]>(
      `SELECT array_agg(d.domain_code) AS domains FROM user_domains d
         JOIN users u ON u.id = d.user_id WHERE u.email = 'budget.housing@brug.example'`,
    )) as [{ domains: string[] }];
    expect(domains.length).toBeGreaterThan(0);
    const report = (await get('budget.housing@brug.example', `?from=${from}&to=${to}`))
      .body as Report;
    const rows = await expected(
      from,
      to,
      `EXISTS (SELECT 1 FROM case_domains v WHERE v.case_id = c.id
                  AND v.domain_code = ANY($3::text[]))`,
      [domains],
    );
    expect(report.totals).toEqual(sum(rows));
    expect(asMap(report.domains)).toEqual(grouped(rows, (r) => r.lead));
    expect(report.totals.incoming).toBeLessThan(sum(await expected(from, to)).incoming);
  });

  it('keeps its counters right through concurrent changes of team, handler, lead domain, status, SLA and history', async () => {
    // ADR 45: the counters are kept by PostgreSQL in the transaction of each change. Change a
    // few hundred cases in 20 transactions at once, every column the report reads, then compare
    // the report with the direct count and the kept counters with a recount from the tables.
    const teams = (
      await db.query<{ id: string }[]>(
        `SELECT id FROM organisation_units WHERE kind = 'meentcoop_team'`,
      )
    ).map((r) => r.id);
    const staff = (
      await db.query<{ id: string }[]>(`SELECT id FROM users WHERE role = 'staff'`)
    ).map((r) => r.id);
    const domains = (await db.query<{ code: string }[]>('SELECT code FROM domains')).map(
      (r) => r.code,
    );
    const ids = (
      await db.query<{ id: string }[]>(
        `SELECT id FROM cases WHERE reference LIKE 'BRUG-2019-%' ORDER BY md5(id::text) LIMIT 400`,
      )
    ).map((r) => r.id);
    let seed = 7;
    const pick = <T>(xs: T[]): T => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return xs[seed % xs.length]!;
    };
    const batches = Array.from({ length: 20 }, (_, i) => ids.slice(i * 20, i * 20 + 20));
    await Promise.all(
      batches.map((batch) =>
        db.transaction(async (tx) => {
          for (const [i, id] of batch.entries()) {
            switch (i % 5) {
              case 0:
                await tx.query('UPDATE cases SET team_id = $2, assignee_id = $3 WHERE id = $1', [
                  id,
                  pick(teams),
                  pick(staff),
                ]);
                break;
              case 1:
                await tx.query(
                  `UPDATE case_domains SET domain_code = $2
                    WHERE case_id = $1 AND role = 'lead'
                      AND NOT EXISTS (SELECT 1 FROM case_domains o WHERE o.case_id = $1
                                         AND o.domain_code = $2)`,
                  [id, pick(domains)],
                );
                break;
              case 2:
                await tx.query(
                  `UPDATE cases SET status = 'resolved', outcome_summary = 'Opgelost',
                          closed_at = greatest(filed_at, now() - interval '3 days')
                    WHERE id = $1 AND closed_at IS NULL`,
                  [id],
                );
                break;
              case 3:
                await tx.query(
                  `UPDATE cases SET sla_breached = '{accept,propose}',
                          accept_by = coalesce(accept_by, filed_at + interval '1 day'),
                          propose_by = coalesce(propose_by, filed_at + interval '2 days')
                    WHERE id = $1`,
                  [id],
                );
                break;
              case 4:
                await tx.query(
                  `UPDATE cases SET assignee_id = NULL, filed_at = filed_at - interval '9 days'
                    WHERE id = $1`,
                  [id],
                );
                // An earlier acceptance than the one on record: the stage's first changes.
                await tx.query(
                  `INSERT INTO case_status_changes (case_id, from_status, to_status, actor_role,
                                                    actor_name, at)
                   SELECT id, 'routed', 'accepted', 'staff', 'Sanne Meent',
                          filed_at + interval '2 hours'
                     FROM cases WHERE id = $1`,
                  [id],
                );
                break;
            }
          }
        }),
      ),
    );
    for (const [from, to] of [
      [day(-120), day(0)],
      [day(-400), day(-30)],
    ] as const) {
      const report = (await get('staff', `?from=${from}&to=${to}`)).body as Report;
      const rows = await expected(from, to);
      expect(report.totals).toEqual(sum(rows));
      expect(asMap(report.teams)).toEqual(grouped(rows, (r) => r.team_id));
      expect(asMap(report.handlers)).toEqual(grouped(rows, (r) => r.assignee_id));
      expect(asMap(report.domains)).toEqual(grouped(rows, (r) => r.lead));
    }
    const snapshot = () =>
      db.query<{ row: string }[]>(
        `SELECT row FROM (
           SELECT 'f' || to_jsonb(f)::text AS row FROM report_case_facts f
           UNION ALL
           SELECT 'd' || to_jsonb(d)::text FROM report_day_counts d
            WHERE filed <> 0 OR closed <> 0 OR resolved <> 0 OR accept_breached <> 0
               OR propose_breached <> 0 OR accept_met <> 0 OR propose_met <> 0) x
         ORDER BY row`,
      );
    const kept = await snapshot();
    expect(kept.length).toBeGreaterThan(5000);
    await db.query('SELECT report_counts_rebuild()');
    expect(await snapshot()).toEqual(kept);
  });

  it('refuses a bad period with a 400 problem, and strangers with 401', async () => {
    for (const query of [
      `?from=${day(0)}&to=${day(-1)}`,
      `?from=${day(-800)}&to=${day(0)}`,
      '?from=2026-02-30',
      '?team=not-a-uuid',
      '?table=cases&format=csv',
    ]) {
      const body = expectProblem(await get('staff', query), 400);
      expect(body.code).toBe('validation_failed');
    }
    // Two years and a leap day is the most.
    expect((await get('staff', `?from=2024-01-01&to=2025-12-31`)).status).toBe(200);
    expectProblem(await t.http().get('/api/v1/reports/management'), 401);
  });
});
