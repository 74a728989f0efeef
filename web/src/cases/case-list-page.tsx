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
import { LoadError, Loading } from '../common/query-state';
import { useCaseList, type CaseListQuery } from './api';
import { CaseTable } from './case-table';
import { CASE_STATUSES, isCaseStatus, OPEN_STATUSES } from './case-vocabulary';

type StatusChoice = 'open' | 'all' | CaseStatus;

function statusesOf(choice: StatusChoice): CaseStatus[] | undefined {
  if (choice === 'all') return undefined;
  if (choice === 'open') return [...OPEN_STATUSES];
  return [choice];
}

/**
 * The cases a role may see, as the API decides: a buyer's unit's cases, the cases touching a
 * budget holder's domains, all cases for MeentCoop staff, auditors and admins. The search finds
 * parts of words and the notes the person may read (ADR 8).
 */
export function CaseListPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const domainName = useDomainNames();
  const [params, setParams] = useSearchParams();
  // Buyers follow their open cases; budget holders and auditors also need the resolved ones
  // (money is committed and paid after the award; audits look back).
  const defaultStatus: StatusChoice = me.role === 'buyer' ? 'open' : 'all';
  const statusParam = params.get('status') ?? defaultStatus;
  const status: StatusChoice =
    statusParam === 'all' || statusParam === 'open' || isCaseStatus(statusParam)
      ? statusParam
      : defaultStatus;
  const q = params.get('q') ?? '';
  const query: CaseListQuery = {
    status: statusesOf(status),
    ...(q ? { q } : {}),
    ...(params.get('cursor') ? { cursor: params.get('cursor') ?? undefined } : {}),
    sort: '-filedAt',
    pageSize: 25,
  };
  const list = useCaseList(query);
  const [draft, setDraft] = useState({ status, q });

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.status !== defaultStatus) next.set('status', draft.status);
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
        <>
          <CaseTable
            items={list.data.items}
            caption={title}
            columns={['status', 'sla', 'team', 'deadline', 'value']}
          />
          <CursorPager nextCursor={list.data.nextCursor} />
        </>
      )}
    </>
  );
}
