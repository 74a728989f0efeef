import type { Actor } from '../auth/roles';
import { Params, visibleTo } from './case-access';
import type { CaseFilterQuery } from './dto/list-cases.query';

/**
 * The filters every list of cases shares — `GET /cases` and funding's matrix, reports and OCDS
 * export (ADR 27: read-only reporting joins on `cases c`): visibility always first, then status,
 * domain and the filing period (Dutch calendar days). One builder, owned by cases.
 */
export function caseFilterConditions(
  actor: Actor,
  p: Params,
  query: Pick<CaseFilterQuery, 'status' | 'domain' | 'filedFrom' | 'filedTo'>,
): string[] {
  const where = [visibleTo(actor, p)];
  if (query.status?.length) where.push(`c.status = ANY(${p.add(query.status)}::text[])`);
  if (query.domain) {
    where.push(
      `EXISTS (SELECT 1 FROM case_domains fd WHERE fd.case_id = c.id AND fd.domain_code = ${p.add(query.domain)})`,
    );
  }
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
  return where;
}

/** The shared filters as one condition over `cases c`. */
export function caseFilters(
  actor: Actor,
  p: Params,
  query: Pick<CaseFilterQuery, 'status' | 'domain' | 'filedFrom' | 'filedTo'>,
): string {
  return caseFilterConditions(actor, p, query).join(' AND ');
}

/**
 * Where an export continues: the filed time (exact, as PostgreSQL's text, so no microsecond is
 * lost to a JavaScript Date) and the id of the last case it wrote.
 */
export interface FiledPosition {
  filedAt: string;
  id: string;
}

/** The keyset condition for the cases after `position`, in filed order (`c.filed_at, c.id`). */
export function filedAfter(p: Params, position: FiledPosition): string {
  return `(c.filed_at, c.id) > (${p.add(position.filedAt)}::timestamptz, ${p.add(position.id)}::uuid)`;
}

/** Where a summary kept per group of cases holds the columns the filters need. */
export interface StratumColumns {
  /** The cases' organisation unit; in `rollup` summaries NULL on the rows over every unit. */
  unit: string;
  status: string;
  /** The domains the cases touch (`text[]`). */
  domains: string;
  /** Rows per unit and over every unit (NULL unit) side by side: pick the right ones. */
  rollup: boolean;
}

/**
 * The shared filters (visibility, status, domain) over a summary kept per group of cases of one
 * unit, status and set of touched domains, for funding's maintained totals (ADR 37): the same
 * rules as `caseFilterConditions`, said over the group's columns — a buyer sees their unit's, a
 * budget holder the cases touching a domain they hold, everyone else all. The filing period is
 * not a column of such a summary: a caller with `filedFrom` or `filedTo` uses `caseFilters`.
 */
export function caseStratumFilters(
  actor: Actor,
  p: Params,
  query: Pick<CaseFilterQuery, 'status' | 'domain'>,
  cols: StratumColumns,
): string {
  const where: string[] = [];
  const everyUnit = cols.rollup ? [`${cols.unit} IS NULL`] : [];
  switch (actor.role) {
    case 'buyer':
      where.push(
        actor.organisationUnitId ? `${cols.unit} = ${p.add(actor.organisationUnitId)}` : 'FALSE',
      );
      break;
    case 'budget_holder':
      where.push(...everyUnit, `${cols.domains} && ${p.add(actor.domains)}::text[]`);
      break;
    case 'staff':
    case 'auditor':
    case 'admin':
      where.push(...everyUnit);
      break;
  }
  if (query.status?.length) where.push(`${cols.status} = ANY(${p.add(query.status)}::text[])`);
  if (query.domain) where.push(`${p.add(query.domain)}::text = ANY(${cols.domains})`);
  return where.length ? where.join(' AND ') : 'TRUE';
}
