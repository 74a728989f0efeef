import type { Actor } from '../auth/roles';
import { InvalidCursor } from '../common/errors';
import { isCalendarDate } from '../common/validators';
import { Params } from './case-access';
import { caseFilterConditions } from './case-filters';
import { CASE_COLUMNS, DOMAIN_LIST } from './case-presenter';
import { overdueCondition, slaCondition } from './sla-clock';
import { searchCondition, searchCountParts } from './case-search';
import { LIST_TOTAL_LIMIT } from './dto/case.dto';
import type { CaseSort, ListCasesQuery } from './dto/list-cases.query';

/** How each sort orders rows and pages through them (keyset: sort key, then id). */
interface SortSpec {
  /** A join the order needs (the lead domain's row), after `FROM cases c`. */
  join?: string;
  orderBy: string;
  /** The same order in expressions no b-tree index serves (see buildListQuery). */
  searchOrderBy: string;
  /** Extra columns selected to build the next cursor from the last row. */
  keyColumns: string;
  key: (row: KeyRow) => unknown[];
  after: (position: unknown[], p: Params) => string;
}

export interface KeyRow {
  id: string;
  filed_at_key: string;
  deadline: string | null;
  /** The deadline as sorted: a date, or `infinity` for none. */
  deadline_key: string;
  priority_rank: number;
  /** bigint, as pg returns it: a string of digits. */
  estimated_value_cents: string;
  lead_domain_key: string;
  buyer_key: string;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isUuid = (v: unknown): v is string =>
  isString(v) && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
/** A real moment, as PostgreSQL prints it (`2026-11-28 10:00:00.123456+00`) or in ISO 8601. */
const TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2})[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?(Z|[+-]\d{2}(:\d{2})?)$/;
const isTimestamp = (v: unknown): v is string =>
  isString(v) && TIMESTAMP.test(v) && isCalendarDate(v.slice(0, 10));

/** A cursor position must have exactly the expected shape, or it is refused (400, not 500). */
function expect<T extends unknown[]>(
  position: unknown[],
  ...checks: ((v: unknown) => boolean)[]
): T {
  if (position.length !== checks.length || !checks.every((check, i) => check(position[i]))) {
    throw new InvalidCursor();
  }
  return position as T;
}

const DEADLINE_KEY = `coalesce(c.deadline, 'infinity'::date)`;

const isCents = (v: unknown): v is string => isString(v) && /^\d{1,14}$/.test(v);
const isCode = (v: unknown): v is string => isString(v) && /^[a-z0-9-]{1,64}$/.test(v);
const isName = (v: unknown): v is string => isString(v) && v.length <= 500;

/** The priority rank (urgent 4 … low 1) of a cursor. */
const isRank = (v: unknown) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 4;

/**
 * A sort by one column of `cases` (or of the join), then id, in either direction: one b-tree
 * index on (key, id) serves both (read backwards for descending).
 */
function keyed(options: {
  join?: string;
  key: string;
  /** The key's column name in the row, and the SQL type its cursor value is cast to. */
  as: keyof KeyRow;
  type: string;
  id?: string;
  descending: boolean;
  valid: (v: unknown) => boolean;
  /** The same order through an expression no index serves (see buildListQuery). */
  unindexed: string;
}): SortSpec {
  const id = options.id ?? 'c.id';
  const dir = options.descending ? 'DESC' : 'ASC';
  return {
    ...(options.join ? { join: options.join } : {}),
    orderBy: `${options.key} ${dir}, ${id} ${dir}`,
    searchOrderBy: `${options.unindexed} ${dir}, c.id ${dir}`,
    keyColumns: `${options.key} AS ${options.as}`,
    key: (r) => [r[options.as], r.id],
    after: (pos, p) => {
      const [value, at] = expect<[unknown, string]>(pos, options.valid, isUuid);
      return `(${options.key}, ${id}) ${options.descending ? '<' : '>'} (${p.add(value)}::${options.type}, ${p.add(at)}::uuid)`;
    },
  };
}

// The lead domain's row (exactly one per case), walked in (domain, case) order by its index.
const LEAD_JOIN = `JOIN case_domains ld ON ld.case_id = c.id AND ld.role = 'lead'`;
const byValue = (descending: boolean) =>
  keyed({
    key: 'c.estimated_value_cents',
    as: 'estimated_value_cents',
    type: 'bigint',
    descending,
    valid: isCents,
    unindexed: '(c.estimated_value_cents + 0)',
  });
const byLeadDomain = (descending: boolean) =>
  keyed({
    join: LEAD_JOIN,
    key: 'ld.domain_code',
    as: 'lead_domain_key',
    type: 'text',
    id: 'ld.case_id',
    descending,
    valid: isCode,
    unindexed: "(ld.domain_code || '')",
  });
const byBuyer = (descending: boolean) =>
  keyed({
    key: 'c.buyer_name',
    as: 'buyer_key',
    type: 'text',
    descending,
    valid: isName,
    unindexed: "(c.buyer_name || '')",
  });

/** The filing time in full precision and one fixed form, whatever the session's DateStyle. */
const FILED_AT_KEY = `to_char(c.filed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US"+00"') AS filed_at_key`;

const SORTS: Record<CaseSort, SortSpec> = {
  '-filedAt': {
    orderBy: 'c.filed_at DESC, c.id DESC',
    searchOrderBy: "(c.filed_at + interval '0 s') DESC, c.id DESC",
    keyColumns: FILED_AT_KEY,
    key: (r) => [r.filed_at_key, r.id],
    after: (pos, p) => {
      const [at, id] = expect<[string, string]>(pos, isTimestamp, isUuid);
      return `(c.filed_at, c.id) < (${p.add(at)}::timestamptz, ${p.add(id)}::uuid)`;
    },
  },
  filedAt: {
    orderBy: 'c.filed_at ASC, c.id ASC',
    searchOrderBy: "(c.filed_at + interval '0 s') ASC, c.id ASC",
    keyColumns: FILED_AT_KEY,
    key: (r) => [r.filed_at_key, r.id],
    after: (pos, p) => {
      const [at, id] = expect<[string, string]>(pos, isTimestamp, isUuid);
      return `(c.filed_at, c.id) > (${p.add(at)}::timestamptz, ${p.add(id)}::uuid)`;
    },
  },
  // Cases without a deadline come last: the sort key is the deadline or `infinity`, one indexed
  // expression, so a deep page is one index range like any other.
  deadline: {
    orderBy: `${DEADLINE_KEY} ASC, c.id ASC`,
    searchOrderBy: `(${DEADLINE_KEY} + 0) ASC, c.id ASC`,
    keyColumns: `${DEADLINE_KEY}::text AS deadline_key`,
    key: (r) => [r.deadline_key, r.id],
    after: (pos, p) => {
      const [deadline, id] = expect<[string, string]>(
        pos,
        (v) => v === 'infinity' || isCalendarDate(v),
        isUuid,
      );
      return `(${DEADLINE_KEY}, c.id) > (${p.add(deadline)}::date, ${p.add(id)}::uuid)`;
    },
  },
  '-priority': {
    orderBy: 'c.priority_rank DESC, c.filed_at DESC, c.id DESC',
    searchOrderBy: '(c.priority_rank + 0) DESC, c.filed_at DESC, c.id DESC',
    keyColumns: `c.priority_rank, ${FILED_AT_KEY}`,
    key: (r) => [r.priority_rank, r.filed_at_key, r.id],
    after: (pos, p) => {
      const [rank, at, id] = expect<[number, string, string]>(pos, isRank, isTimestamp, isUuid);
      return `(c.priority_rank, c.filed_at, c.id) < (${p.add(rank)}::smallint, ${p.add(at)}::timestamptz, ${p.add(id)}::uuid)`;
    },
  },
  priority: {
    orderBy: 'c.priority_rank ASC, c.filed_at ASC, c.id ASC',
    searchOrderBy: '(c.priority_rank + 0) ASC, c.filed_at ASC, c.id ASC',
    keyColumns: `c.priority_rank, ${FILED_AT_KEY}`,
    key: (r) => [r.priority_rank, r.filed_at_key, r.id],
    after: (pos, p) => {
      const [rank, at, id] = expect<[number, string, string]>(pos, isRank, isTimestamp, isUuid);
      return `(c.priority_rank, c.filed_at, c.id) > (${p.add(rank)}::smallint, ${p.add(at)}::timestamptz, ${p.add(id)}::uuid)`;
    },
  },
  estimatedValue: byValue(false),
  '-estimatedValue': byValue(true),
  leadDomain: byLeadDomain(false),
  '-leadDomain': byLeadDomain(true),
  buyer: byBuyer(false),
  '-buyer': byBuyer(true),
};

export { RARE_SEARCH_LIMIT, searchProbe } from './case-search';

/**
 * Run before a list's count, in its own transaction: counting up to the limit, PostgreSQL would
 * often read the table from its start until enough rows match (quick when most match, the whole
 * table when few do, and its estimate of "few" is rough); the indexes bound it either way.
 */
export const COUNT_SETTING = 'SET LOCAL enable_seqscan = off';

export interface BuiltListQuery {
  sql: string;
  params: unknown[];
  pageSize: number;
  key: (row: KeyRow) => unknown[];
  /**
   * Counts the matching cases (the same WHERE, without the page position) up to
   * LIST_TOTAL_LIMIT + 1: `n` beyond LIST_TOTAL_LIMIT means "more than that".
   */
  count: { sql: string; params: unknown[] };
}

/** Binds cursors to this caller and these filters: a cursor cannot be moved elsewhere. */
export function listScope(actor: Actor, query: ListCasesQuery): string {
  const { cursor: _cursor, pageSize: _size, ...filters } = query;
  return `cases:${actor.id}:${JSON.stringify(filters, Object.keys(filters).sort())}`;
}

/**
 * The WHERE conditions of a list (visibility, then each filter), without the page position: the
 * page and its total share them.
 */
function listConditions(
  actor: Actor,
  query: ListCasesQuery,
  p: Params,
  options: { teamId?: string; rareSearch: boolean; now: Date },
): string[] {
  // Visibility, status, domain and the filing period: the builder funding's lists share.
  const where = caseFilterConditions(actor, p, query);
  if (options.teamId) where.push(`c.team_id = ${p.add(options.teamId)}::uuid`);
  if (query.assignee === 'none') where.push('c.assignee_id IS NULL');
  else if (query.assignee) {
    where.push(
      `c.assignee_id = ${p.add(query.assignee === 'me' ? actor.id : query.assignee)}::uuid`,
    );
  }
  if (query.priority) where.push(`c.priority = ${p.add(query.priority)}`);
  const q = query.q?.trim();
  if (q) where.push(searchCondition(actor, q, p, options.rareSearch));
  // The SLA clock's one definition of overdue and of each state (sla-clock.ts).
  if (query.overdue === true) where.push(overdueCondition(options.now, p));
  else if (query.overdue === false) where.push(`NOT ${overdueCondition(options.now, p)}`);
  if (query.sla?.length) {
    const states = [...new Set(query.sla)].map((state) => slaCondition(state, options.now, p));
    where.push(states.length === 1 ? states[0]! : `(${states.join(' OR ')})`);
  }
  return where;
}

/**
 * The SQL of `GET /cases`: visibility first, then each filter (each served by an index that
 * ends in the sort key), then the keyset position, in the sort's order, one row beyond the page
 * to know whether there is a next one.
 */
export function buildListQuery(
  actor: Actor,
  query: ListCasesQuery,
  resolved: { teamId?: string; cursorPosition?: unknown[]; rareSearch?: boolean; now?: Date },
): BuiltListQuery {
  const p = new Params();
  const now = resolved.now ?? new Date();
  const where = listConditions(actor, query, p, {
    teamId: resolved.teamId,
    rareSearch: resolved.rareSearch ?? false,
    now,
  });
  // The total: the same conditions, a search in its matches-first form (bitmaps over the GIN
  // indexes: a count reads the matches, not a sort index in the hope of meeting them). The
  // cases matching in their own texts, then those matching only in a note (searchCountParts).
  const c = new Params();
  const countWhere = listConditions(actor, { ...query, q: undefined }, c, {
    teamId: resolved.teamId,
    rareSearch: true,
    now,
  });
  const q = query.q?.trim();
  const search = q ? searchCountParts(actor, q, c) : null;
  const matching = (conditions: string[]): string =>
    `SELECT 1 FROM cases c\n    WHERE ${conditions.join('\n      AND ')}`;
  const counted = !search
    ? matching(countWhere)
    : !search.notes
      ? matching([...countWhere, search.text])
      : `${matching([...countWhere, search.text])}\n    UNION ALL\n    ${matching([
          ...countWhere,
          search.notes,
          `${search.text} IS NOT TRUE`,
        ])}`;
  const count = {
    sql: `SELECT count(*)::int AS n FROM (
    ${counted}
    LIMIT ${LIST_TOTAL_LIMIT + 1}) m`,
    params: c.values,
  };
  const sort = SORTS[query.sort ?? '-filedAt'];
  if (resolved.cursorPosition) where.push(sort.after(resolved.cursorPosition, p));
  const pageSize = query.pageSize ?? 25;
  // For a search with few matches, order by expressions the b-tree indexes cannot serve: the
  // planner then takes the matches from the GIN index and sorts them, instead of walking the
  // whole sort index in the hope of meeting LIMIT matches early (slow when words are rare).
  // For common words walking the sort index is the fast plan, and it is left to the planner.
  const orderBy = resolved.rareSearch ? sort.searchOrderBy : sort.orderBy;
  const sql = `SELECT ${CASE_COLUMNS}, ${DOMAIN_LIST} AS domain_list, ${sort.keyColumns}
    FROM cases c${sort.join ? `\n    ${sort.join}` : ''}
    WHERE ${where.join('\n      AND ')}
    ORDER BY ${orderBy}
    LIMIT ${pageSize + 1}`;
  return { sql, params: p.values, pageSize, key: sort.key, count };
}
