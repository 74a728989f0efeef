import {
  Alert,
  Button,
  Checkbox,
  Column,
  FieldSet,
  Paragraph,
  Row,
  StandaloneLink,
} from '@amsterdam/design-system-react';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { CaseDto, CaseStatus } from '../api/client';
import { useCurrentUser } from '../auth/use-auth';
import { useCaseList, useTakeOn, type CaseListQuery } from '../cases/api';
import { CASE_STATUSES, isCaseStatus, QUEUE_STATUSES } from '../cases/case-vocabulary';
import { AppLink } from '../common/app-link';
import { useDomainNames, useDomains, useTeams } from '../common/catalogue';
import { CursorPager } from '../common/cursor-pager';
import { SelectField } from '../common/form';
import { formatNumber } from '../common/format';
import { PageHeading } from '../common/page-title';
import { describeError, LoadError, Loading, Updating } from '../common/query-state';
import { ViewBar } from '../views/view-bar';
import type { ViewColumn, ViewFilters } from '../views/api';
import {
  cleanFilters,
  columnsFromParams,
  filtersFromParams,
  listQueryOf,
} from '../views/view-params';
import { BulkBar, type BulkSelection } from './bulk-bar';
import { isQueueSort, QUEUE_SORTS, QueueTable, type QueueSort } from './queue-table';

const DEFAULT_SORT: QueueSort = '-priority';
/** The columns a view saved from the queue shows when opened in the case list. */
const QUEUE_COLUMNS: ViewColumn[] = ['status', 'sla', 'assignee', 'deadline'];

interface Filters {
  status: CaseStatus[];
  team: string;
  domain: string;
  overdue: boolean;
  suspended: boolean;
  mine: boolean;
}

/** In the address, "all teams" when the queue would otherwise open on one's own team. */
const ALL_TEAMS = 'all';

/**
 * The queue opens on one's own team (staff belong to one); `team=all` shows every team. A view
 * in the address (`view=<id>`) says its own team, or none: then every team.
 */
function filtersFrom(params: URLSearchParams, ownTeam: string): Filters {
  const status = params.getAll('status').filter(isCaseStatus);
  const team = params.get('team');
  const defaultTeam = params.has('view') ? '' : ownTeam;
  return {
    status: status.length ? status : [...QUEUE_STATUSES],
    team: team === ALL_TEAMS ? '' : (team ?? defaultTeam),
    domain: params.get('domain') ?? '',
    overdue: params.get('overdue') === 'true',
    suspended: params.getAll('sla').includes('suspended'),
    mine: params.get('assignee') === 'me',
  };
}

/**
 * The address of the queue's form, keeping what a view filters on beyond the form (another
 * handler, other SLA states, priority, search, filing period) and the view itself.
 */
function paramsFrom(
  filters: Filters,
  ownTeam: string,
  sort: QueueSort,
  current: URLSearchParams,
): URLSearchParams {
  const params = new URLSearchParams();
  const isDefault =
    filters.status.length === QUEUE_STATUSES.length &&
    QUEUE_STATUSES.every((s) => filters.status.includes(s));
  if (!isDefault) for (const s of filters.status) params.append('status', s);
  const defaultTeam = current.has('view') ? '' : ownTeam;
  if (filters.team !== defaultTeam) params.set('team', filters.team || ALL_TEAMS);
  if (sort !== DEFAULT_SORT) params.set('sort', sort);
  if (filters.domain) params.set('domain', filters.domain);
  if (filters.overdue) params.set('overdue', 'true');
  for (const state of current.getAll('sla')) if (state !== 'suspended') params.append('sla', state);
  if (filters.suspended) params.append('sla', 'suspended');
  const assignee = current.get('assignee');
  if (filters.mine) params.set('assignee', 'me');
  else if (assignee && assignee !== 'me') params.set('assignee', assignee);
  for (const key of ['priority', 'q', 'filedFrom', 'filedTo', 'columns', 'view']) {
    const value = current.get(key);
    if (value) params.set(key, value);
  }
  return params;
}

/** MeentCoop's werkvoorraad: routed and open cases, with their SLA clocks, to take on. */
export function WorkQueuePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const me = useCurrentUser();
  const ownTeam = me.organisationUnit?.kind === 'meentcoop_team' ? me.organisationUnit.code : '';
  const filters = filtersFrom(params, ownTeam);
  const requestedSort = params.get('sort');
  const sort: QueueSort = isQueueSort(requestedSort) ? requestedSort : DEFAULT_SORT;
  const [draft, setDraft] = useState<Filters>(filters);
  const teams = useTeams();
  const domains = useDomains();
  const domainName = useDomainNames();
  // The form's filters over what the address says beyond them (a view's other filters).
  const applied: ViewFilters = {
    ...filtersFromParams(params),
    status: filters.status,
    ...(filters.team ? { team: filters.team } : { team: undefined }),
    ...(filters.domain ? { domain: filters.domain } : {}),
  };
  const query: CaseListQuery = {
    ...listQueryOf(applied),
    ...(params.get('cursor') ? { cursor: params.get('cursor') ?? undefined } : {}),
    sort,
    pageSize: 25,
  };
  const list = useCaseList(query);

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setParams(paramsFrom(draft, ownTeam, sort, params));
  };
  // A new order starts at the first page, with the filters as applied (not as being edited).
  const onSort = (next: QueueSort) => setParams(paramsFrom(filters, ownTeam, next, params));

  return (
    <>
      <PageHeading title={t('queue.title')} />
      <Paragraph className="ams-mb-m">{t('queue.intro')}</Paragraph>
      <StandaloneLink href="/cases" linkComponent={AppLink} className="ams-mb-l">
        {t('queue.searchAll')}
      </StandaloneLink>
      <ViewBar
        applied={{
          filters: cleanFilters(applied),
          sort,
          columns: columnsFromParams(params) ?? QUEUE_COLUMNS,
        }}
      />
      <form onSubmit={onSubmit} aria-label={t('queue.filters')} className="ams-mb-l brug-filters">
        <Column gap="large">
          <FieldSet legend={t('case.status')}>
            <Row wrap gap="large">
              {CASE_STATUSES.filter((s) => s !== 'filed').map((s) => (
                <Checkbox
                  key={s}
                  id={`queue-status-${s}`}
                  name="status"
                  value={s}
                  checked={draft.status.includes(s)}
                  onChange={(e) =>
                    setDraft((d) => ({
                      ...d,
                      status: e.target.checked ? [...d.status, s] : d.status.filter((x) => x !== s),
                    }))
                  }
                >
                  {t(`status.${s}`)}
                </Checkbox>
              ))}
            </Row>
          </FieldSet>
          <Row wrap gap="large" alignVertical="end">
            <SelectField
              id="queue-team"
              label={t('case.team')}
              value={draft.team}
              onChange={(team) => setDraft((d) => ({ ...d, team }))}
              options={(teams.data ?? []).map((team) => ({ value: team.code, label: team.name }))}
              placeholder={t('queue.allTeams')}
            />
            <SelectField
              id="queue-domain"
              label={t('queue.domain')}
              value={draft.domain}
              onChange={(domain) => setDraft((d) => ({ ...d, domain }))}
              options={(domains.data ?? []).map((d) => ({
                value: d.code,
                label: domainName(d.code),
              }))}
              placeholder={t('queue.allDomains')}
            />
          </Row>
          <Row wrap gap="large">
            <Checkbox
              id="queue-overdue"
              checked={draft.overdue}
              onChange={(e) => setDraft((d) => ({ ...d, overdue: e.target.checked }))}
            >
              {t('queue.overdue')}
            </Checkbox>
            <Checkbox
              id="queue-suspended"
              checked={draft.suspended}
              onChange={(e) => setDraft((d) => ({ ...d, suspended: e.target.checked }))}
            >
              {t('queue.suspended')}
            </Checkbox>
            <Checkbox
              id="queue-mine"
              checked={draft.mine}
              onChange={(e) => setDraft((d) => ({ ...d, mine: e.target.checked }))}
            >
              {t('queue.mine')}
            </Checkbox>
          </Row>
          <Row>
            <Button type="submit" variant="secondary">
              {t('cases.applyFilters')}
            </Button>
          </Row>
        </Column>
      </form>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} retry={() => void list.refetch()} />
      ) : (
        <Updating updating={list.isPlaceholderData}>
          <QueueResults
            // A new page or new filters start with nothing selected.
            key={params.toString()}
            filters={cleanFilters(applied)}
            items={list.data.items}
            nextCursor={list.data.nextCursor}
            total={list.data.total}
            totalCapped={list.data.totalCapped}
            sort={sort}
            onSort={onSort}
          />
        </Updating>
      )}
    </>
  );
}

function QueueResults({
  filters,
  items,
  nextCursor,
  total,
  totalCapped,
  sort,
  onSort,
}: {
  filters: ViewFilters;
  items: CaseDto[];
  nextCursor: string | null;
  total: number;
  totalCapped: boolean;
  sort: QueueSort;
  onSort: (sort: QueueSort) => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [done, setDone] = useState<string | null>(null);
  const takeOn = useTakeOn();
  const [selection, setSelection] = useState<BulkSelection>({ kind: 'picked', cases: new Map() });
  // Bulk actions are MeentCoop's (and administrators'): the API says the same (ADR 39).
  const mayBulk = me.role === 'staff' || me.role === 'admin';
  const picked = selection.kind === 'picked' ? selection.cases : new Map<string, number>();
  const pick = (changes: CaseDto[], selected: boolean) => {
    const next = new Map(picked);
    for (const item of changes) {
      if (selected) next.set(item.id, item.version);
      else next.delete(item.id);
    }
    setSelection({ kind: 'picked', cases: next });
  };
  return (
    <>
      <div role="status" className="ams-mb-m">
        {done && (
          <Alert
            heading={t('queue.takenOn', { reference: done })}
            headingLevel={2}
            severity="success"
          />
        )}
      </div>
      {takeOn.isError && (
        <Alert
          heading={t('queue.takeOnFailed')}
          headingLevel={2}
          severity="error"
          className="ams-mb-m"
        >
          <Paragraph>{describeError(takeOn.error, t('common.tryAgainLater'))}</Paragraph>
        </Alert>
      )}
      <Row wrap gap="large" alignVertical="end" align="between" className="ams-mb-m">
        <Paragraph data-testid="queue-total">
          {totalCapped
            ? t('queue.totalCapped', { count: total, number: formatNumber(total) })
            : t('queue.total', { count: total, number: formatNumber(total) })}
        </Paragraph>
        <SelectField
          id="queue-sort"
          label={t('queue.sortBy')}
          value={sort}
          onChange={(next) => next && onSort(next)}
          options={QUEUE_SORTS.map((s) => ({ value: s, label: t(`queue.sort.${s}`) }))}
        />
      </Row>
      {mayBulk && items.length > 0 && (
        <BulkBar
          items={items}
          selection={selection}
          onSelect={setSelection}
          filters={filters}
          sort={sort}
        />
      )}
      <QueueTable
        items={items}
        sort={sort}
        onSort={onSort}
        selection={
          mayBulk
            ? {
                isSelected: (id) => selection.kind === 'view' || picked.has(id),
                set: (item, selected) => pick([item], selected),
                setPage: (selected) => pick(items, selected),
              }
            : undefined
        }
        action={(item) =>
          item.allowedTransitions.includes('accepted') ? (
            <Button
              variant="secondary"
              disabled={takeOn.isPending}
              onClick={() =>
                takeOn.mutate(
                  { current: item, meId: me.id },
                  { onSuccess: (updated) => setDone(updated.reference) },
                )
              }
            >
              {t('queue.takeOn')}
              <span className="ams-visually-hidden"> {item.reference}</span>
            </Button>
          ) : null
        }
      />
      <CursorPager nextCursor={nextCursor} />
    </>
  );
}
