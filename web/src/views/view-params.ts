import type { CaseStatus } from '../api/client';
import type { CaseListQuery } from '../cases/api';
import { CASE_STATUSES, PRIORITIES } from '../cases/case-vocabulary';
import type { View, ViewColumn, ViewFilters } from './api';

/**
 * A view in the address: the list filters under the names of `GET /cases` (repeated `status` and
 * `sla`), the sort, the columns, and `view=<id>`, so that a link opens the same list.
 */
export const SLA_STATES = ['on_time', 'due_soon', 'breached', 'suspended', 'met'] as const;
type SlaState = (typeof SLA_STATES)[number];
export const VIEW_COLUMNS: readonly ViewColumn[] = [
  'status',
  'team',
  'assignee',
  'sla',
  'deadline',
  'value',
  'unit',
];
const SORTS: readonly NonNullable<CaseListQuery['sort']>[] = [
  '-filedAt',
  'filedAt',
  'deadline',
  '-priority',
  'priority',
  '-estimatedValue',
  'estimatedValue',
  'leadDomain',
  '-leadDomain',
  'buyer',
  '-buyer',
];

const isIn =
  <T extends string>(list: readonly T[]) =>
  (v: string | null): v is T =>
    v !== null && (list as readonly string[]).includes(v);
const isStatus = isIn<CaseStatus>(CASE_STATUSES);
const isSla = isIn<SlaState>(SLA_STATES);
const isPriority = isIn(PRIORITIES);
const isColumn = isIn(VIEW_COLUMNS);
export const isSort = isIn(SORTS);

/** The filters the address names (only values the API accepts; the rest is left out). */
export function filtersFromParams(params: URLSearchParams): ViewFilters {
  const filters: ViewFilters = {};
  const status = params.getAll('status').filter(isStatus);
  if (status.length) filters.status = status;
  const sla = params.getAll('sla').filter(isSla);
  if (sla.length) filters.sla = sla;
  for (const key of ['domain', 'team', 'assignee', 'q', 'filedFrom', 'filedTo'] as const) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const priority = params.get('priority');
  if (isPriority(priority)) filters.priority = priority;
  const overdue = params.get('overdue');
  if (overdue === 'true' || overdue === 'false') filters.overdue = overdue === 'true';
  return filters;
}

export function columnsFromParams(params: URLSearchParams): ViewColumn[] | null {
  const raw = params.get('columns');
  if (raw === null) return null;
  return raw.split(',').filter(isColumn);
}

/** The address of a view: its filters, sort and columns, and its id. */
export function paramsOfView(view: Pick<View, 'id' | 'filters' | 'sort' | 'columns'>) {
  const params = paramsOfFilters(view.filters);
  params.set('sort', view.sort);
  params.set('columns', view.columns.join(','));
  params.set('view', view.id);
  return params;
}

export function paramsOfFilters(filters: ViewFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const s of filters.status ?? []) params.append('status', s);
  for (const s of filters.sla ?? []) params.append('sla', s);
  for (const key of [
    'domain',
    'team',
    'assignee',
    'priority',
    'q',
    'filedFrom',
    'filedTo',
  ] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.overdue !== undefined) params.set('overdue', String(filters.overdue));
  return params;
}

/** The list query of the filters (the API's own names; `team=all` is the queue's "every team"). */
export function listQueryOf(filters: ViewFilters): CaseListQuery {
  const { team, ...rest } = filters;
  return { ...rest, ...(team && team !== 'all' ? { team } : {}) };
}

/** Only the filters that say something (what a view saves). */
export function cleanFilters(filters: ViewFilters): ViewFilters {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters) as [string, unknown][]) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    kept[key] = value;
  }
  return kept;
}
