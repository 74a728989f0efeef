import { Button, Column, Paragraph, Row, StandaloneLink } from '@amsterdam/design-system-react';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { CaseStatus } from '../api/client';
import { useCurrentUser } from '../auth/use-auth';
import { mayOpen } from '../auth/roles';
import { AppLink } from '../common/app-link';
import { useDomainNames } from '../common/catalogue';
import { CursorPager } from '../common/cursor-pager';
import { SelectField, TextField } from '../common/form';
import { PageHeading } from '../common/page-title';
import { LoadError, Loading, Updating } from '../common/query-state';
import { useCaseList, type CaseListQuery } from './api';
import { CaseTable } from './case-table';
import { CASE_STATUSES, isCaseStatus, OPEN_STATUSES } from './case-vocabulary';
import type { ViewColumn, ViewFilters } from '../views/api';
import { ColumnPicker, FilterSummary } from '../views/filter-summary';
import { ViewBar } from '../views/view-bar';
import {
  cleanFilters,
  columnsFromParams,
  filtersFromParams,
  isSort,
  listQueryOf,
} from '../views/view-params';

type StatusChoice = 'open' | 'all' | 'view' | CaseStatus;

/** Statuses the choice stands for; `view`: those the address lists (a view's). */
function statusesOf(choice: StatusChoice, listed: CaseStatus[]): CaseStatus[] | undefined {
  if (choice === 'all') return undefined;
  if (choice === 'open') return [...OPEN_STATUSES];
  if (choice === 'view') return listed;
  return [choice];
}

const DEFAULT_COLUMNS: ViewColumn[] = ['status', 'sla', 'team', 'deadline', 'value'];
/** What the page's own form sets; everything else in the address is kept as it is. */
const FORM_KEYS = ['status', 'q', 'cursor'];

/**
 * The cases a role may see, as the API decides: a buyer's unit's cases, the cases touching a
 * budget holder's domains, all cases for MeentCoop staff, auditors and admins. The search finds
 * parts of words and the notes the person may read (ADR 8). A view (issue 19) adds its filters,
 * sort and columns through the address.
 */
export function CaseListPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const domainName = useDomainNames();
  const [params, setParams] = useSearchParams();
  // Buyers follow their open cases; budget holders and auditors also need the resolved ones
  // (money is committed and paid after the award; audits look back).
  const defaultStatus: StatusChoice = me.role === 'buyer' ? 'open' : 'all';
  const statusParams = params.getAll('status');
  const listed = statusParams.filter(isCaseStatus);
  const statusParam = statusParams.length > 1 ? 'view' : (statusParams[0] ?? defaultStatus);
  const status: StatusChoice =
    statusParam === 'all' || statusParam === 'open' || isCaseStatus(statusParam)
      ? statusParam
      : statusParam === 'view' && listed.length > 1
        ? 'view'
        : defaultStatus;
  const q = params.get('q') ?? '';
  const requestedSort = params.get('sort');
  const sort = isSort(requestedSort) ? requestedSort : '-filedAt';
  const columns = columnsFromParams(params) ?? DEFAULT_COLUMNS;
  // The filters beyond the form's (from a view, or a link): kept, and said in a sentence.
  const { status: _status, q: _q, ...others } = filtersFromParams(params);
  const filters: ViewFilters = cleanFilters({
    ...others,
    status: statusesOf(status, listed),
    ...(q ? { q } : {}),
  });
  const query: CaseListQuery = {
    ...listQueryOf(filters),
    ...(params.get('cursor') ? { cursor: params.get('cursor') ?? undefined } : {}),
    sort,
    pageSize: 25,
  };
  const list = useCaseList(query);
  const [draft, setDraft] = useState({ status, q });

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const next = new URLSearchParams(
      [...params.entries()].filter(([key]) => !FORM_KEYS.includes(key)),
    );
    if (draft.status === 'view') for (const s of listed) next.append('status', s);
    else if (draft.status !== defaultStatus) next.set('status', draft.status);
    if (draft.q.trim()) next.set('q', draft.q.trim());
    setParams(next);
  };

  const title =
    me.role === 'buyer'
      ? t('cases.titleBuyer')
      : me.role === 'budget_holder'
        ? t('cases.titleBudgetHolder')
        : t('cases.titleAll');
  const intro =
    me.role === 'buyer'
      ? t('cases.introBuyer', { unit: me.organisationUnit?.name ?? '' })
      : me.role === 'budget_holder'
        ? t('cases.introBudgetHolder', { domains: me.domains.map(domainName).join(', ') })
        : t('cases.introAll');

  return (
    <>
      <PageHeading title={title} />
      <Paragraph className="ams-mb-m">{intro}</Paragraph>
      {mayOpen(me.role, 'fileCase') && (
        <StandaloneLink href="/cases/new" linkComponent={AppLink} className="ams-mb-l">
          {t('nav.fileCase')}
        </StandaloneLink>
      )}
      <ViewBar applied={{ filters, sort, columns }} />
      <form onSubmit={onSubmit} aria-label={t('cases.filters')} className="ams-mb-l brug-filters">
        <Row wrap gap="large" alignVertical="end">
          <SelectField
            id="filter-status"
            label={t('case.status')}
            value={draft.status}
            onChange={(v) => setDraft((d) => ({ ...d, status: v || defaultStatus }))}
            options={[
              { value: 'open', label: t('cases.openStatuses') },
              { value: 'all', label: t('cases.allStatuses') },
              ...(status === 'view' ? [{ value: 'view' as const, label: t('views.asView') }] : []),
              ...CASE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
            ]}
          />
          <TextField
            id="filter-q"
            label={t('cases.search')}
            hint={t('cases.searchHint')}
            value={draft.q}
            onChange={(v) => setDraft((d) => ({ ...d, q: v }))}
          />
          <Column>
            <Button type="submit" variant="secondary">
              {t('cases.applyFilters')}
            </Button>
          </Column>
        </Row>
      </form>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} retry={() => void list.refetch()} />
      ) : (
        <Updating updating={list.isPlaceholderData}>
          <FilterSummary filters={others} />
          <ColumnPicker columns={columns} />
          <CaseTable items={list.data.items} caption={title} columns={columns} />
          <CursorPager nextCursor={list.data.nextCursor} />
        </Updating>
      )}
    </>
  );
}
