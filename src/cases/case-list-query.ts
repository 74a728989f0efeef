import type { Actor } from '../auth/roles';
import { InvalidCursor } from '../common/errors';
import { Params, visibleTo } from './case-access';
import { CASE_COLUMNS } from './case-presenter';
import type { CaseSort, ListCasesQuery } from './dto/list-cases.query';

/** How each sort orders rows and pages through them (keyset: sort key, then id). */
interface SortSpec {
  orderBy: string;
  /** Extra columns selected to build the next cursor from the last row. */
  keyColumns: string;
  key: (row: KeyRow) => unknown[];
  after: (position: unknown[], p: Params) => string;
}

export interface KeyRow {
  id: string;
  filed_at_key: string;
  deadline: string | null;
  priority_rank: number;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isUuid = (v: unknown): v is string =>
  isString(v) && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
const isTimestamp = (v: unknown): v is string => isString(v) && !Number.isNaN(Date.parse(v));

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

const SORTS: Record<CaseSort, SortSpec> = {
  '-filedAt': {
    orderBy: 'c.filed_at DESC, c.id DESC',
    keyColumns: 'c.filed_at::text AS filed_at_key',
    key: (r) => [r.filed_at_key, r.id],
    after: (pos, p) => {
      const [at, id] = expect<[string, string]>(pos, isTimestamp, isUuid);
      return `(c.filed_at, c.id) < (${p.add(at)}::timestamptz, ${p.add(id)}::uuid)`;
    },
  },
  filedAt: {
    orderBy: 'c.filed_at ASC, c.id ASC',
    keyColumns: 'c.filed_at::text AS filed_at_key',
    key: (r) => [r.filed_at_key, r.id],
    after: (pos, p) => {
      const [at, id] = expect<[string, string]>(pos, isTimestamp, isUuid);
      return `(c.filed_at, c.id) > (${p.add(at)}::timestamptz, ${p.add(id)}::uuid)`;
    },
  },
  // Cases without a deadline come last.
  deadline: {
    orderBy: 'c.deadline ASC NULLS LAST, c.id ASC',
    keyColumns: 'c.deadline',
    key: (r) => [r.deadline, r.id],
    after: (pos, p) => {
      const [deadline, id] = expect<[string | null, string]>(
        pos,
        (v) => v === null || (isString(v) && /^\d{4}-\d{2}-\d{2}$/.test(v)),
        isUuid,
      );
      const idParam = p.add(id);
      if (deadline === null) return `(c.deadline IS NULL AND c.id > ${idParam}::uuid)`;
      const d = p.add(deadline);
      return `(c.deadline > ${d}::date OR (c.deadline = ${d}::date AND c.id > ${idParam}::uuid) OR c.deadline IS NULL)`;
    },
  },
  '-priority': {
    orderBy: 'c.priority_rank DESC, c.filed_at DESC, c.id DESC',
    keyColumns: 'c.priority_rank, c.filed_at::text AS filed_at_key',
    key: (r) => [r.priority_rank, r.filed_at_key, r.id],
    after: (pos, p) => {
      const [rank, at, id] = expect<[number, string, string]>(
        pos,
        (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 4,
        isTimestamp,
        isUuid,
      );
      return `(c.priority_rank, c.filed_at, c.id) < (${p.add(rank)}::smallint, ${p.add(at)}::timestamptz, ${p.add(id)}::uuid)`;
    },
  },
};

export interface BuiltListQuery {
  sql: string;
  params: unknown[];
  pageSize: number;
  key: (row: KeyRow) => unknown[];
}

/** Binds cursors to this caller and these filters: a cursor cannot be moved elsewhere. */
export function listScope(actor: Actor, query: ListCasesQuery): string {
  const { cursor: _cursor, pageSize: _size, ...filters } = query;
  return `cases:${actor.id}:${JSON.stringify(filters, Object.keys(filters).sort())}`;
}

/**
 * The SQL of `GET /cases`: visibility first, then each filter (each served by an index that
 * ends in the sort key), then the keyset position, in the sort's order, one row beyond the page
 * to know whether there is a next one.
 */
export function buildListQuery(
  actor: Actor,
  query: ListCasesQuery,
  resolved: { teamId?: string; cursorPosition?: unknown[] },
): BuiltListQuery {
  const p = new Params();
  const where = [visibleTo(actor, p)];
  if (query.status?.length) where.push(`c.status = ANY(${p.add(query.status)}::text[])`);
  if (query.domain) {
    where.push(
      `EXISTS (SELECT 1 FROM case_domains fd WHERE fd.case_id = c.id AND fd.domain_code = ${p.add(query.domain)})`,
    );
  }
  if (resolved.teamId) where.push(`c.team_id = ${p.add(resolved.teamId)}::uuid`);
  if (query.assignee) {
    where.push(
      `c.assignee_id = ${p.add(query.assignee === 'me' ? actor.id : query.assignee)}::uuid`,
    );
  }
  if (query.priority) where.push(`c.priority = ${p.add(query.priority)}`);
  const q = query.q?.trim();
  if (q) where.push(`c.search @@ websearch_to_tsquery('dutch', ${p.add(q)})`);
  if (query.filedFrom) {
    where.push(
      `c.filed_at >= (${p.add(query.filedFrom)}::date::timestamp AT TIME ZONE 'Europe/Amsterdam')`,
    );
  }
  if (query.filedTo) {
    where.push(
      `c.filed_at < ((${p.add(query.filedTo)}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')`,
    );
  }
  if (query.overdue === true) {
    where.push(
      `((c.status = 'routed' AND c.accept_by < now()) OR (c.status IN ('accepted', 'in_progress') AND c.propose_by < now()))`,
    );
  } else if (query.overdue === false) {
    where.push(
      `NOT ((c.status = 'routed' AND c.accept_by < now()) OR (c.status IN ('accepted', 'in_progress') AND c.propose_by < now()))`,
    );
  }
  const sort = SORTS[query.sort ?? '-filedAt'];
  if (resolved.cursorPosition) where.push(sort.after(resolved.cursorPosition, p));
  const pageSize = query.pageSize ?? 25;
  const sql = `SELECT ${CASE_COLUMNS}, ${sort.keyColumns}
    FROM cases c
    WHERE ${where.join('\n      AND ')}
    ORDER BY ${sort.orderBy}
    LIMIT ${pageSize + 1}`;
  return { sql, params: p.values, pageSize, key: sort.key };
}
