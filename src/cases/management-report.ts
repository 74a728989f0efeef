import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/roles';
import { Clock } from '../common/clock';
import { csvLine, type CsvCell } from '../common/csv';
import { ValidationFailed } from '../common/errors';
import { poolOf, readWithSetting } from '../database/prepared';
import { Params, visibleTo } from './case-access';
import {
  REPORT_DEFAULT_DAYS,
  REPORT_MAX_DAYS,
  REPORT_STAGES,
  type ManagementReportDto,
  type ManagementReportQuery,
  type ReportCountsDto,
  type ReportGroupRowDto,
  type ReportStage,
  type ReportTable,
} from './dto/management-report.dto';
import { STAGE_OPEN_IN } from './sla-clock';

const OPEN_STATUSES = ['filed', 'routed', 'accepted', 'in_progress', 'proposed'] as const;
type OpenStatus = (typeof OPEN_STATUSES)[number];

const DAY_MS = 86_400_000;

/** The day `date` (YYYY-MM-DD) plus `days`. */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The first day of the month after the day `date` (YYYY-MM-DD). */
function monthAfter(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Today in Amsterdam, as YYYY-MM-DD. */
function amsterdamToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
}

interface Period {
  from: string;
  to: string;
}

type CountsRow = {
  incoming: number;
  resolved: number;
  open: number;
  overdue: number;
  suspended: number;
};

const counts = (r: CountsRow): ReportCountsDto => ({
  incoming: r.incoming,
  resolved: r.resolved,
  open: r.open,
  overdue: r.overdue,
  suspended: r.suspended,
});

/** SQL: the count columns of a group of `rows` (see `ROWS_CTE`). */
const COUNT_COLUMNS = `
  (count(*) FILTER (WHERE r.incoming))::int AS incoming,
  (count(*) FILTER (WHERE r.resolved))::int AS resolved,
  (count(*) FILTER (WHERE r.open))::int AS open,
  (count(*) FILTER (WHERE r.overdue))::int AS overdue,
  (count(*) FILTER (WHERE r.suspended))::int AS suspended`;

const ZERO_COUNTS: CountsRow = { incoming: 0, resolved: 0, open: 0, overdue: 0, suspended: 0 };

/** A group's counts as the counters give them, with its SLA stages met and breached. */
type GroupSums = CountsRow & { met: number; breached: number };

/** Groups by name (the Dutch collation), the group without a key last. */
const byName = (a: ReportGroupRowDto, b: ReportGroupRowDto) =>
  a.key === null ? 1 : b.key === null ? -1 : (a.name ?? '').localeCompare(b.name ?? '', 'nl');

/** Every stage in order, with its number of cases and median (none: 0 and null). */
function stageRows(
  rows: { stage: ReportStage; cases: number; median_seconds: number | null }[],
): ManagementReportDto['stages'] {
  return REPORT_STAGES.map((stage) => {
    const r = rows.find((x) => x.stage === stage);
    return {
      stage,
      cases: r?.cases ?? 0,
      medianSeconds: r?.median_seconds == null ? null : Math.round(r.median_seconds),
    };
  });
}

/**
 * Which of the kept counters a report reads (ADR 45): those over every unit for MeentCoop's
 * side, auditors and admins (who see every case), a buyer's unit's for a buyer (the contract
 * manager); null for a budget holder, whose cases are those touching a domain they hold, which
 * the counters do not key: their report is counted from the cases.
 */
interface CounterScope {
  condition(alias: string, p: Params): string;
}

function counterScope(actor: Actor): CounterScope | null {
  switch (actor.role) {
    case 'staff':
    case 'auditor':
    case 'admin':
      return { condition: (alias) => (alias === 'k' ? 'k.unit_id IS NULL' : 'TRUE') };
    case 'buyer': {
      const unit = actor.organisationUnitId;
      return {
        condition: (alias, p) => (unit ? `${alias}.unit_id = ${p.add(unit)}::uuid` : 'FALSE'),
      };
    }
    case 'budget_holder':
      return null;
  }
}

/**
 * The management report (issue 19, item 5; docs/reports.md): per team, handler, lead domain and
 * ISO week the cases incoming, resolved, open, overdue and suspended over a period, the median
 * time per stage and SLA compliance per team. Counted by PostgreSQL over the cases the caller
 * may see (the case list's visibility); nothing is fetched to be counted here. Reads only.
 */
@Injectable()
export class ManagementReport {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The period asked for, checked: from ≤ to, at most REPORT_MAX_DAYS days. */
  period(query: Pick<ManagementReportQuery, 'from' | 'to'>): Period {
    const to = query.to ?? amsterdamToday(this.clock.now());
    const from = query.from ?? addDays(to, -(REPORT_DEFAULT_DAYS - 1));
    if (from > to) {
      throw new ValidationFailed([
        {
          field: 'from',
          code: 'out_of_range',
          message: 'must be on or before `to`',
          params: { from, to },
        },
      ]);
    }
    const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
    if (days > REPORT_MAX_DAYS) {
      throw new ValidationFailed([
        {
          field: 'to',
          code: 'out_of_range',
          message: `the period is at most ${REPORT_MAX_DAYS} days`,
          params: { from, to, maxDays: REPORT_MAX_DAYS },
        },
      ]);
    }
    return { from, to };
  }

  async report(actor: Actor, query: ManagementReportQuery): Promise<ManagementReportDto> {
    const period = this.period(query);
    const team = query.team ?? null;
    const scope = counterScope(actor);
    const [counted, stages, openNow] = await Promise.all([
      scope
        ? this.counted(scope, period, team)
        : Promise.all([
            this.groups(actor, period, team),
            this.weeks(actor, period, team),
            this.sla(actor, period, team),
          ]).then(([groups, weeks, sla]) => ({ ...groups, weeks, sla })),
      scope ? this.stageTimes(scope, period, team) : this.stages(actor, period, team),
      this.openNow(actor, team),
    ]);
    return { ...period, team, ...counted, stages, openNow };
  }

  /** One table of the report as RFC 4180 CSV (lines end in CRLF). */
  async csv(actor: Actor, query: ManagementReportQuery, table: ReportTable): Promise<string> {
    const report = await this.report(actor, query);
    const lines: CsvCell[][] = [];
    const countCells = (r: ReportCountsDto) => [
      r.incoming,
      r.resolved,
      r.open,
      r.overdue,
      r.suspended,
    ];
    const countHeader = ['incoming', 'resolved', 'open', 'overdue', 'suspended'];
    switch (table) {
      case 'teams':
      case 'handlers':
      case 'domains':
        lines.push(['key', 'name', ...countHeader]);
        for (const r of report[table]) lines.push([r.key, r.name, ...countCells(r)]);
        break;
      case 'weeks':
        lines.push(['week', 'weekStart', ...countHeader]);
        for (const r of report.weeks) lines.push([r.week, r.weekStart, ...countCells(r)]);
        break;
      case 'stages':
        lines.push(['stage', 'cases', 'medianSeconds']);
        for (const r of report.stages) lines.push([r.stage, r.cases, r.medianSeconds]);
        break;
      case 'sla':
        lines.push(['key', 'name', 'met', 'breached', 'compliance']);
        for (const r of report.sla) lines.push([r.key, r.name, r.met, r.breached, r.compliance]);
        break;
    }
    return lines.map(csvLine).join('');
  }

  /**
   * Counted from the kept counters (ADR 45; migration `ManagementReportCounters`): the day counts
   * per team and lead domain or handler (`report_day_counts`), read over the period for what
   * happened in it and up to its end for what was open then; the cases both of whose stages were
   * breached in the period, so each counts once as overdue; suspensions from their own table.
   * What is read grows with the days and the teams, handlers and domains, not with the cases.
   */
  private async counted(
    scope: CounterScope,
    period: Period,
    team: string | null,
  ): Promise<
    Pick<ManagementReportDto, 'totals' | 'teams' | 'handlers' | 'domains' | 'weeks' | 'sla'>
  > {
    const [days, both, suspended, weeks] = await Promise.all([
      this.dayCounts(scope, period, team),
      this.bothBreached(scope, period, team),
      this.suspensions(scope, period, team),
      this.weekCounts(scope, period, team),
    ]);
    const zero = (): GroupSums => ({ ...ZERO_COUNTS, met: 0, breached: 0 });
    const add = (into: GroupSums, r: GroupSums, sign = 1) => {
      for (const k of Object.keys(into) as (keyof GroupSums)[]) into[k] += sign * r[k];
    };
    const at = <K>(map: Map<K, GroupSums>, key: K) => {
      let row = map.get(key);
      if (!row) map.set(key, (row = zero()));
      return row;
    };
    // What the day counts give: every case once by lead domain, once more by handler if it has one.
    const totals = zero();
    const teams = new Map<string | null, GroupSums>();
    const domains = new Map<string | null, GroupSums>();
    const handlers = new Map<string | null, GroupSums>();
    const handled = zero();
    for (const r of days) {
      if (r.dim === 'd') {
        add(totals, r);
        add(at(teams, r.team), r);
        add(at(domains, r.key), r);
      } else {
        add(at(handlers, r.key), r);
        add(handled, r);
      }
    }
    // The cases without a handler: the rest.
    const unhandled = at(handlers, null);
    add(unhandled, totals);
    add(unhandled, handled, -1);
    // A case both of whose stages fell due and were breached in the period counted twice as overdue.
    for (const r of both) {
      const once = { ...zero(), overdue: r.n };
      for (const row of [totals, at(teams, r.team), at(domains, r.lead), at(handlers, r.handler)]) {
        add(row, once, -1);
      }
    }
    for (const r of suspended) {
      if (r.week !== null) continue;
      const row = { ...zero(), suspended: r.n };
      for (const into of [
        totals,
        at(teams, r.team),
        at(domains, r.lead),
        at(handlers, r.handler),
      ]) {
        add(into, row);
      }
    }
    const rows = (kind: string, map: Map<string | null, GroupSums>) =>
      [...map].map(([key, sums]) => ({ kind, key, sums }));
    const all = [...rows('team', teams), ...rows('handler', handlers), ...rows('domain', domains)];
    const names = await this.names(all);
    const named = (list: typeof all) =>
      list
        .filter(({ sums: r }) => r.incoming || r.resolved || r.open || r.overdue || r.suspended)
        .map(({ key, sums }) => ({
          key,
          name: key === null ? null : (names.get(key) ?? key),
          ...counts(sums),
        }))
        .sort(byName);

    // The trend: open at the end of each week is open at the period's end less what the later
    // weeks of the period added.
    const bothByWeek = new Map<string, number>();
    for (const r of both) {
      if (r.sameWeek) bothByWeek.set(r.week, (bothByWeek.get(r.week) ?? 0) + r.n);
    }
    const suspendedByWeek = new Map(
      suspended.filter((r) => r.week !== null).map((r) => [r.week!, r.n]),
    );
    let open = totals.open;
    const trend: ManagementReportDto['weeks'] = [];
    for (let i = weeks.length - 1; i >= 0; i--) {
      const w = weeks[i]!;
      trend.unshift({
        week: w.week,
        weekStart: w.week_start,
        incoming: w.filed,
        resolved: w.resolved,
        open,
        overdue: w.breached - (bothByWeek.get(w.week_start) ?? 0),
        suspended: suspendedByWeek.get(w.week_start) ?? 0,
      });
      open -= w.filed - w.closed;
    }

    const sla = rows('team', teams)
      .filter(({ sums }) => sums.met + sums.breached > 0)
      .map(({ key, sums }) => ({
        key,
        name: key === null ? null : (names.get(key) ?? key),
        met: sums.met,
        breached: sums.breached,
        compliance: sums.met / (sums.met + sums.breached),
      }))
      .sort((a, b) =>
        a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name, 'nl'),
      );
    return {
      totals: counts(totals),
      teams: named(rows('team', teams)),
      handlers: named(rows('handler', handlers)),
      domains: named(rows('domain', domains)),
      weeks: trend,
      sla,
    };
  }

  /**
   * The day counts summed per team and lead domain (`d`) and per team and handler (`h`): what
   * happened in the period (filed, resolved, stages breached and met on a day in it) and, over
   * every day up to its end, the cases open then (filed less closed).
   */
  private async dayCounts(scope: CounterScope, period: Period, team: string | null) {
    // The period's whole months [a, b) are read from the month rows, its other days from the
    // day rows; the cases open at its end are every month before b and the days from b to its
    // end. Each part is its own index range of `report_day_counts_key`.
    const { from: f, to: t } = period;
    const a = f.endsWith('-01') ? f : monthAfter(f);
    const next = addDays(t, 1);
    const b = next.endsWith('-01') ? next : `${t.slice(0, 8)}01`;
    const dayRanges: [string, string][] =
      a < b
        ? [
            [f, addDays(a, -1)],
            [b, t],
          ]
        : [[b < f ? b : f, t]];
    const p = new Params();
    const day = (d: string) => `${p.add(d)}::date`;
    const scoped = [scope.condition('k', p)];
    if (team) scoped.push(`k.team_id = ${p.add(team)}::uuid`);
    const parts = [
      `SELECT k.*, k.day >= ${day(a)} AS in_period, TRUE AS in_open FROM report_day_counts k
        WHERE ${scoped.join(' AND ')} AND k.grain = 'month' AND k.day < ${day(b)}`,
      ...dayRanges
        .filter(([start, end]) => start <= end)
        .map(
          ([start, end]) =>
            `SELECT k.*,
                    k.day >= ${day(f)} AND (${day(a)} >= ${day(b)} OR k.day < ${day(a)} OR k.day >= ${day(b)}),
                    k.day >= ${day(b)}
               FROM report_day_counts k
              WHERE ${scoped.join(' AND ')} AND k.grain = 'day'
                AND k.day BETWEEN ${day(start)} AND ${day(end)}`,
        ),
    ];
    const rows = await this.read<
      GroupSums & { dim: 'd' | 'h'; team: string | null; key: string | null }
    >(
      `SELECT k.dim, k.team_id::text AS team, k.key,
              (coalesce(sum(k.filed) FILTER (WHERE k.in_period), 0))::int AS incoming,
              (coalesce(sum(k.resolved) FILTER (WHERE k.in_period), 0))::int AS resolved,
              (coalesce(sum(k.filed - k.closed) FILTER (WHERE k.in_open), 0))::int AS open,
              (coalesce(sum(k.accept_breached + k.propose_breached)
                          FILTER (WHERE k.in_period), 0))::int AS overdue,
              0 AS suspended,
              (coalesce(sum(k.accept_met + k.propose_met) FILTER (WHERE k.in_period), 0))::int
                AS met,
              (coalesce(sum(k.accept_breached + k.propose_breached)
                          FILTER (WHERE k.in_period), 0))::int AS breached
         FROM (${parts.join(' UNION ALL ')}) k
        GROUP BY k.dim, k.team_id, k.key`,
      p.values,
    );
    return rows;
  }

  /**
   * The cases both of whose SLA stages fell due in the period and were breached (the day counts
   * count each stage), per team, handler and lead domain, and whether both fell in one ISO week.
   */
  private async bothBreached(scope: CounterScope, period: Period, team: string | null) {
    const p = new Params();
    const from = `${p.add(period.from)}::date`;
    const to = `${p.add(period.to)}::date`;
    const where = [
      scope.condition('f', p),
      'f.accept_state = 2',
      'f.propose_state = 2',
      `f.accept_day BETWEEN ${from} AND ${to}`,
      `f.propose_day BETWEEN ${from} AND ${to}`,
    ];
    if (team) where.push(`f.team_id = ${p.add(team)}::uuid`);
    const rows = await this.read<{
      team: string | null;
      handler: string | null;
      lead: string | null;
      same_week: boolean;
      week: string;
      n: number;
    }>(
      `SELECT f.team_id::text AS team, f.handler_id::text AS handler, f.lead_domain AS lead,
              date_trunc('week', f.accept_day) = date_trunc('week', f.propose_day) AS same_week,
              date_trunc('week', f.accept_day)::date::text AS week, count(*)::int AS n
         FROM report_case_facts f
        WHERE ${where.join(' AND ')}
        GROUP BY 1, 2, 3, 4, 5`,
      p.values,
    );
    return rows.map((r) => ({ ...r, sameWeek: r.same_week }));
  }

  /**
   * The cases open at some moment of the period whose clock stood still in it, per team, handler
   * and lead domain (`week` null), and per ISO week of the period (`week` its Monday).
   */
  private async suspensions(scope: CounterScope, period: Period, team: string | null) {
    const p = new Params();
    const from = p.add(period.from);
    const to = p.add(period.to);
    const where = [
      scope.condition('f', p),
      `f.filed_day <= ${to}::date`,
      `(f.closed_day IS NULL OR f.closed_day >= ${from}::date)`,
    ];
    if (team) where.push(`f.team_id = ${p.add(team)}::uuid`);
    return this.read<{
      week: string | null;
      team: string | null;
      handler: string | null;
      lead: string | null;
      n: number;
    }>(
      `WITH b AS (SELECT (${from}::date)::timestamp AT TIME ZONE 'Europe/Amsterdam' AS s,
                         (${to}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam' AS e),
       sus AS (
         SELECT s.case_id, s.started_at, s.ended_at FROM case_suspensions s, b
          WHERE s.started_at < b.e AND (s.ended_at IS NULL OR s.ended_at > b.s)
       ),
       f AS (
         SELECT f.case_id, f.team_id, f.handler_id, f.lead_domain FROM report_case_facts f
          WHERE f.case_id IN (SELECT case_id FROM sus) AND ${where.join(' AND ')}
       )
       SELECT NULL::text AS week, f.team_id::text AS team, f.handler_id::text AS handler,
              f.lead_domain AS lead, count(*)::int AS n
         FROM f GROUP BY f.team_id, f.handler_id, f.lead_domain
       UNION ALL
       SELECT wk::date::text, NULL, NULL, NULL, count(DISTINCT sus.case_id)::int
         FROM sus JOIN f ON f.case_id = sus.case_id CROSS JOIN b,
              LATERAL generate_series(
                date_trunc('week', greatest(sus.started_at, b.s) AT TIME ZONE 'Europe/Amsterdam'),
                date_trunc('week', (least(coalesce(sus.ended_at, b.e), b.e) - interval '1 microsecond')
                                   AT TIME ZONE 'Europe/Amsterdam'),
                interval '1 week') wk
        GROUP BY wk`,
      p.values,
    );
  }

  /**
   * The median time per stage from the cases' facts (when each was filed and first accepted,
   * proposed and resolved), over the cases that ended the stage in the period: each stage read
   * from its own index in the order of its end.
   */
  private async stageTimes(
    scope: CounterScope,
    period: Period,
    team: string | null,
  ): Promise<ManagementReportDto['stages']> {
    // One statement per stage, side by side, each over its own index (read from the index
    // alone); the times as float8 (`date_part`), which sort several times faster than numeric.
    const stage = async (name: ReportStage, start: string, end: string) => {
      const p = new Params();
      const where = [scope.condition('f', p)];
      if (team) where.push(`f.team_id = ${p.add(team)}::uuid`);
      return this.read<{ stage: ReportStage; cases: number; median_seconds: number | null }>(
        `SELECT '${name}' AS stage, count(*)::int AS cases,
                percentile_cont(0.5) WITHIN GROUP (
                  ORDER BY date_part('epoch', f.${end} - f.${start})) AS median_seconds
           FROM report_case_facts f
          WHERE f.${end} >= (${p.add(period.from)}::date)::timestamp AT TIME ZONE 'Europe/Amsterdam'
            AND f.${end} < (${p.add(period.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam'
            AND f.${start} IS NOT NULL AND ${where.join(' AND ')}`,
        p.values,
      );
    };
    const rows = (
      await Promise.all([
        stage('filed_accepted', 'filed_at', 'accepted_at'),
        stage('accepted_proposed', 'accepted_at', 'proposed_at'),
        stage('proposed_resolved', 'proposed_at', 'resolved_at'),
      ])
    ).flat();
    return stageRows(rows);
  }

  /** Per ISO week of the period (the part inside it), the day counts by lead domain summed. */
  private async weekCounts(scope: CounterScope, period: Period, team: string | null) {
    const p = new Params();
    const from = `${p.add(period.from)}::date`;
    const to = `${p.add(period.to)}::date`;
    const where = [
      scope.condition('k', p),
      `k.grain = 'day'`,
      `k.dim = 'd'`,
      `k.day BETWEEN ${from} AND ${to}`,
    ];
    if (team) where.push(`k.team_id = ${p.add(team)}::uuid`);
    return this.read<{
      week: string;
      week_start: string;
      filed: number;
      closed: number;
      resolved: number;
      breached: number;
    }>(
      `WITH w AS (
         SELECT ws::date AS ws
           FROM generate_series(date_trunc('week', ${from}::timestamp), ${to}::timestamp,
                                interval '1 week') ws
       ),
       d AS (
         SELECT date_trunc('week', k.day)::date AS ws, sum(k.filed) AS filed,
                sum(k.closed) AS closed, sum(k.resolved) AS resolved,
                sum(k.accept_breached + k.propose_breached) AS breached
           FROM report_day_counts k
          WHERE ${where.join(' AND ')}
          GROUP BY 1
       )
       SELECT to_char(w.ws, 'IYYY-"W"IW') AS week, w.ws::text AS week_start,
              coalesce(d.filed, 0)::int AS filed, coalesce(d.closed, 0)::int AS closed,
              coalesce(d.resolved, 0)::int AS resolved, coalesce(d.breached, 0)::int AS breached
         FROM w LEFT JOIN d ON d.ws = w.ws
        ORDER BY w.ws`,
      p.values,
    );
  }

  /**
   * Counted from the cases: a budget holder's report (the counters are not kept per domain a
   * case touches). The period's bounds (`b.s`, `b.e`: Amsterdam midnights), the selection of cases and the
   * flags of each. The cases that were open at some moment of the period are those still open
   * and filed before its end, and those closed after its start: two index ranges
   * (`cases_open_filed_idx`, `cases_closed_idx`). Every count below is over them: a case filed
   * in the period, resolved in it, open at its end, breached in it or suspended in it was open
   * in it.
   */
  private selection(actor: Actor, p: Params, period: Period, team: string | null): string {
    const where = [visibleTo(actor, p)];
    if (team) where.push(`c.team_id = ${p.add(team)}::uuid`);
    const filters = where.join(' AND ');
    const cols = `c.id, c.team_id, c.assignee_id, c.filed_at, c.closed_at, c.status,
                  c.accept_by, c.propose_by, c.sla_breached`;
    return `
      b AS (SELECT (${p.add(period.from)}::date)::timestamp AT TIME ZONE 'Europe/Amsterdam' AS s,
                   (${p.add(period.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam' AS e),
      sel AS MATERIALIZED (
        SELECT ${cols} FROM cases c, b
         WHERE c.closed_at IS NULL AND c.filed_at < b.e AND ${filters}
        UNION ALL
        SELECT ${cols} FROM cases c, b
         WHERE c.closed_at >= b.s AND c.closed_at IS NOT NULL AND c.filed_at < b.e AND ${filters}
      ),
      sus AS (
        SELECT s.case_id, s.started_at, s.ended_at FROM case_suspensions s, b
         WHERE s.started_at < b.e AND (s.ended_at IS NULL OR s.ended_at > b.s)
      ),
      rows AS (
        SELECT sel.*,
               sel.filed_at >= b.s AS incoming,
               (sel.status = 'resolved' AND sel.closed_at >= b.s AND sel.closed_at < b.e) AS resolved,
               (sel.closed_at IS NULL OR sel.closed_at >= b.e) AS open,
               (('accept' = ANY(sel.sla_breached) AND sel.accept_by >= b.s AND sel.accept_by < b.e)
                 OR ('propose' = ANY(sel.sla_breached) AND sel.propose_by >= b.s
                     AND sel.propose_by < b.e)) AS overdue,
               EXISTS (SELECT 1 FROM sus WHERE sus.case_id = sel.id) AS suspended
          FROM sel, b
      )`;
  }

  /** Per team, handler and lead domain, and over all. */
  private async groups(
    actor: Actor,
    period: Period,
    team: string | null,
  ): Promise<Pick<ManagementReportDto, 'totals' | 'teams' | 'handlers' | 'domains'>> {
    const p = new Params();
    const rows = await this.db.query<
      (CountsRow & { kind: 'team' | 'handler' | 'domain' | 'total'; key: string | null })[]
    >(
      `WITH ${this.selection(actor, p, period, team)}
       SELECT 'total' AS kind, NULL AS key, ${COUNT_COLUMNS} FROM rows r
       UNION ALL
       SELECT 'team', r.team_id::text, ${COUNT_COLUMNS} FROM rows r GROUP BY r.team_id
       UNION ALL
       SELECT 'handler', r.assignee_id::text, ${COUNT_COLUMNS} FROM rows r GROUP BY r.assignee_id
       UNION ALL
       SELECT 'domain', lead.domain_code, ${COUNT_COLUMNS}
         FROM rows r LEFT JOIN case_domains lead ON lead.case_id = r.id AND lead.role = 'lead'
        GROUP BY lead.domain_code`,
      p.values,
    );
    const names = await this.names(rows);
    const result = {
      totals: { incoming: 0, resolved: 0, open: 0, overdue: 0, suspended: 0 },
      teams: [] as ReportGroupRowDto[],
      handlers: [] as ReportGroupRowDto[],
      domains: [] as ReportGroupRowDto[],
    };
    for (const r of rows) {
      if (r.kind === 'total') {
        result.totals = counts(r);
        continue;
      }
      if (!r.incoming && !r.resolved && !r.open && !r.overdue && !r.suspended) continue;
      const list =
        r.kind === 'team' ? result.teams : r.kind === 'handler' ? result.handlers : result.domains;
      list.push({
        key: r.key,
        name: r.key === null ? null : (names.get(r.key) ?? r.key),
        ...counts(r),
      });
    }
    result.teams.sort(byName);
    result.handlers.sort(byName);
    result.domains.sort(byName);
    return result;
  }

  /** The names of the teams, handlers and domains the rows name (domains by their Dutch name). */
  private async names(rows: { kind: string; key: string | null }[]): Promise<Map<string, string>> {
    const ids = (kind: string) => rows.filter((r) => r.kind === kind && r.key).map((r) => r.key);
    const found = await this.db.query<{ key: string; name: string }[]>(
      `SELECT id::text AS key, name FROM organisation_units WHERE id = ANY($1::uuid[])
       UNION ALL SELECT id::text, name FROM users WHERE id = ANY($2::uuid[])
       UNION ALL SELECT code, name_nl FROM domains WHERE code = ANY($3::text[])`,
      [ids('team'), ids('handler'), ids('domain')],
    );
    return new Map(found.map((r) => [r.key, r.name]));
  }

  /**
   * The trend: per ISO week (Monday to Sunday, Amsterdam) that overlaps the period, the cases
   * filed, resolved, breached and suspended in the part of the week inside the period, and open
   * at its end: those filed before it less those closed before it (every case of the selection
   * closed before a week's end was closed in the period).
   */
  private async weeks(
    actor: Actor,
    period: Period,
    team: string | null,
  ): Promise<ManagementReportDto['weeks']> {
    const p = new Params();
    const week = (column: string) =>
      `date_trunc('week', ${column} AT TIME ZONE 'Europe/Amsterdam')::date`;
    const rows = await this.db.query<(CountsRow & { week: string; week_start: string })[]>(
      `WITH ${this.selection(actor, p, period, team)},
       w AS (
         SELECT ws::date AS ws,
                (greatest(ws::date, ${p.add(period.from)}::date))::timestamp
                  AT TIME ZONE 'Europe/Amsterdam' AS s,
                (least(ws::date + 7, ${p.add(period.to)}::date + 1))::timestamp
                  AT TIME ZONE 'Europe/Amsterdam' AS e
           FROM generate_series(date_trunc('week', ${p.add(period.from)}::date::timestamp),
                                ${p.add(period.to)}::date::timestamp, interval '1 week') ws
       ),
       filed AS (SELECT ${week('r.filed_at')} AS ws, count(*)::int AS n FROM rows r
                  WHERE r.incoming GROUP BY 1),
       closed AS (SELECT ${week('r.closed_at')} AS ws, count(*)::int AS n,
                         (count(*) FILTER (WHERE r.resolved))::int AS resolved
                    FROM rows r, b WHERE r.closed_at >= b.s AND r.closed_at < b.e GROUP BY 1),
       breaches AS (
         SELECT ${week('d.due')} AS ws, count(DISTINCT r.id)::int AS n
           FROM rows r, b,
                LATERAL (VALUES ('accept', r.accept_by), ('propose', r.propose_by)) d(stage, due)
          WHERE d.stage = ANY(r.sla_breached) AND d.due >= b.s AND d.due < b.e
          GROUP BY 1),
       stops AS (
         SELECT w.ws, count(DISTINCT sus.case_id)::int AS n
           FROM w JOIN sus ON sus.started_at < w.e AND (sus.ended_at IS NULL OR sus.ended_at > w.s)
          WHERE sus.case_id IN (SELECT id FROM sel)
          GROUP BY w.ws),
       before AS (SELECT count(*)::int AS n FROM rows r WHERE NOT r.incoming)
       SELECT to_char(w.ws, 'IYYY-"W"IW') AS week, w.ws::text AS week_start,
              coalesce(filed.n, 0) AS incoming,
              coalesce(closed.resolved, 0) AS resolved,
              ((SELECT n FROM before)
                + sum(coalesce(filed.n, 0)) OVER (ORDER BY w.ws)
                - sum(coalesce(closed.n, 0)) OVER (ORDER BY w.ws))::int AS open,
              coalesce(breaches.n, 0) AS overdue,
              coalesce(stops.n, 0) AS suspended
         FROM w
         LEFT JOIN filed ON filed.ws = w.ws
         LEFT JOIN closed ON closed.ws = w.ws
         LEFT JOIN breaches ON breaches.ws = w.ws
         LEFT JOIN stops ON stops.ws = w.ws
        ORDER BY w.ws`,
      p.values,
    );
    return rows.map((r) => ({ week: r.week, weekStart: r.week_start, ...counts(r) }));
  }

  /**
   * The median time per stage, in calendar seconds: from the filing to the first acceptance,
   * from the first acceptance to the first proposal, from the first proposal to the first
   * resolution, over the cases that ended the stage in the period (`percentile_cont(0.5)`).
   */
  private async stages(
    actor: Actor,
    period: Period,
    team: string | null,
  ): Promise<ManagementReportDto['stages']> {
    const p = new Params();
    const b = `SELECT (${p.add(period.from)}::date)::timestamp AT TIME ZONE 'Europe/Amsterdam' AS s,
                      (${p.add(period.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam' AS e`;
    const where = [visibleTo(actor, p)];
    if (team) where.push(`c.team_id = ${p.add(team)}::uuid`);
    const rows = await this.db.query<
      { stage: ReportStage; cases: number; median_seconds: number | null }[]
    >(
      `WITH b AS (${b}),
       ended AS (
         SELECT DISTINCT y.case_id FROM case_status_changes y, b
          WHERE y.to_status IN ('accepted', 'proposed', 'resolved') AND y.at >= b.s AND y.at < b.e
       ),
       firsts AS (
         SELECT x.case_id,
                min(x.at) FILTER (WHERE x.to_status = 'accepted') AS accepted_at,
                min(x.at) FILTER (WHERE x.to_status = 'proposed') AS proposed_at,
                min(x.at) FILTER (WHERE x.to_status = 'resolved') AS resolved_at
           FROM case_status_changes x
          WHERE x.case_id IN (SELECT case_id FROM ended)
            AND x.to_status IN ('accepted', 'proposed', 'resolved')
          GROUP BY x.case_id
       )
       SELECT v.stage, count(*)::int AS cases,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY v.secs)::float8 AS median_seconds
         FROM firsts f
         JOIN cases c ON c.id = f.case_id
         CROSS JOIN b
         CROSS JOIN LATERAL (VALUES
           ('filed_accepted', f.accepted_at, extract(epoch FROM f.accepted_at - c.filed_at)),
           ('accepted_proposed', f.proposed_at, extract(epoch FROM f.proposed_at - f.accepted_at)),
           ('proposed_resolved', f.resolved_at, extract(epoch FROM f.resolved_at - f.proposed_at))
         ) v(stage, ended_at, secs)
        WHERE ${where.join(' AND ')}
          AND v.ended_at >= b.s AND v.ended_at < b.e AND v.secs IS NOT NULL
        GROUP BY v.stage`,
      p.values,
    );
    return stageRows(rows);
  }

  /**
   * A read of the report's: one statement without JIT compilation, which PostgreSQL would
   * otherwise spend hundreds of milliseconds on for these aggregates over many rows (measured at
   * 1,000,000 cases: about 280 ms of compiling for a query that runs in less).
   */
  private read<T extends Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]> {
    return readWithSetting<T>(poolOf(this.db), 'SET LOCAL jit = off', sql, params);
  }

  /**
   * The cases open now per team and status: from the cases' facts for the counters' readers
   * (`report_case_facts_open_idx`, read from the index alone), from the cases for a budget holder
   * (`cases_open_filed_idx`: open cases only).
   */
  private async openNow(
    actor: Actor,
    team: string | null,
  ): Promise<ManagementReportDto['openNow']> {
    const p = new Params();
    const scope = counterScope(actor);
    const where = [scope ? scope.condition('c', p) : visibleTo(actor, p)];
    if (team) where.push(`c.team_id = ${p.add(team)}::uuid`);
    const rows = await this.read<{
      key: string | null;
      name: string | null;
      status: string;
      n: number;
    }>(
      `SELECT o.team_id::text AS key, u.name, o.status, o.n
         FROM (SELECT c.team_id, c.status, count(*)::int AS n
                 FROM ${scope ? 'report_case_facts c WHERE c.closed_day IS NULL' : 'cases c WHERE c.closed_at IS NULL'}
                  AND ${where.join(' AND ')}
                GROUP BY c.team_id, c.status) o
         LEFT JOIN organisation_units u ON u.id = o.team_id`,
      p.values,
    );
    const byTeam = new Map<string | null, ManagementReportDto['openNow'][number]>();
    for (const r of rows) {
      const row = byTeam.get(r.key) ?? {
        key: r.key,
        name: r.name,
        filed: 0,
        routed: 0,
        accepted: 0,
        in_progress: 0,
        proposed: 0,
        total: 0,
      };
      if ((OPEN_STATUSES as readonly string[]).includes(r.status)) {
        row[r.status as OpenStatus] += r.n;
      }
      row.total += r.n;
      byTeam.set(r.key, row);
    }
    return [...byTeam.values()].sort((a, b) => b.total - a.total);
  }

  /**
   * SLA compliance per team: of the stages due in the period, those met (closed, never
   * breached) against those breached; stages still open and not breached are not decided yet.
   * The same rule as the case page's SLA state (`stageState`).
   */
  private async sla(
    actor: Actor,
    period: Period,
    team: string | null,
  ): Promise<ManagementReportDto['sla']> {
    const p = new Params();
    const where = [visibleTo(actor, p)];
    if (team) where.push(`c.team_id = ${p.add(team)}::uuid`);
    const s = p.add(period.from);
    const e = p.add(period.to);
    const openIn = (stage: 'accept' | 'propose') => p.add([...STAGE_OPEN_IN[stage]]);
    const rows = await this.db.query<
      { key: string | null; name: string | null; met: number; breached: number }[]
    >(
      `WITH b AS (SELECT (${s}::date)::timestamp AT TIME ZONE 'Europe/Amsterdam' AS s,
                         (${e}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam' AS e),
       due AS (
         SELECT c.team_id, d.stage,
                d.stage = ANY(c.sla_breached) AS breached,
                NOT (c.status = ANY(d.open_in)) AS closed
           FROM cases c, b,
                LATERAL (VALUES ('accept', c.accept_by, ${openIn('accept')}::text[]),
                                ('propose', c.propose_by, ${openIn('propose')}::text[])
                        ) d(stage, due, open_in)
          WHERE ((c.accept_by >= b.s AND c.accept_by < b.e)
                  OR (c.propose_by >= b.s AND c.propose_by < b.e))
            AND d.due >= b.s AND d.due < b.e AND ${where.join(' AND ')}
       )
       SELECT due.team_id::text AS key, u.name,
              (count(*) FILTER (WHERE due.closed AND NOT due.breached))::int AS met,
              (count(*) FILTER (WHERE due.breached))::int AS breached
         FROM due LEFT JOIN organisation_units u ON u.id = due.team_id
        GROUP BY due.team_id, u.name
       HAVING count(*) FILTER (WHERE due.breached OR due.closed) > 0
        ORDER BY u.name NULLS LAST`,
      p.values,
    );
    return rows.map((r) => ({
      key: r.key,
      name: r.name,
      met: r.met,
      breached: r.breached,
      compliance: r.met + r.breached ? r.met / (r.met + r.breached) : null,
    }));
  }
}
