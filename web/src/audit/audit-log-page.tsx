import { Button, Column, Paragraph, Row } from '@amsterdam/design-system-react';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CursorPager } from '../common/cursor-pager';
import { errorTextAt, fieldErrorsOf, TextField } from '../common/form';
import { PageHeading } from '../common/page-title';
import { LoadError, Loading } from '../common/query-state';
import { useAuditEvents, type AuditQuery } from './api';
import { AuditTable } from './audit-table';

const FILTERS = ['action', 'subjectType', 'subjectId', 'actorId', 'from', 'to'] as const;
type FilterName = (typeof FILTERS)[number];
type Filters = Record<FilterName, string>;

function filtersFrom(params: URLSearchParams): Filters {
  return Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Filters;
}

/** The global audit trail with its filters; every filter and page is in the address. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const [draft, setDraft] = useState<Filters>(filters);
  const query: AuditQuery = { order: 'desc', pageSize: 50 };
  for (const f of FILTERS) if (filters[f]) query[f] = filters[f];
  const cursor = params.get('cursor');
  if (cursor) query.cursor = cursor;
  const events = useAuditEvents(query);

  // A filter the API cannot read (a malformed date or id) is named by it, next to the field.
  const fieldErrors = fieldErrorsOf(events.error);

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const f of FILTERS) if (draft[f].trim()) next.set(f, draft[f].trim());
    setParams(next);
  };
  const field = (name: FilterName, label: string, hint?: string) => (
    <TextField
      id={`audit-${name}`}
      label={label}
      hint={hint}
      optional
      value={draft[name]}
      onChange={(value) => setDraft((d) => ({ ...d, [name]: value }))}
      error={errorTextAt(fieldErrors, name, t)}
    />
  );

  return (
    <>
      <PageHeading title={t('audit.title')} />
      <Paragraph className="ams-mb-l">{t('audit.intro')}</Paragraph>
      <form onSubmit={onSubmit} aria-label={t('audit.filters')} className="ams-mb-l brug-filters">
        <Column>
          <Row wrap gap="large" alignVertical="end">
            {field('action', t('audit.action'), t('audit.actionHint'))}
            {field('subjectType', t('audit.subjectType'), t('audit.subjectTypeHint'))}
            {field('subjectId', t('audit.subjectId'))}
          </Row>
          <Row wrap gap="large" alignVertical="end">
            {field('actorId', t('audit.actorId'))}
            {field('from', t('audit.from'), t('audit.dateHint'))}
            {field('to', t('audit.to'), t('audit.dateHint'))}
          </Row>
          <Row>
            <Button type="submit" variant="secondary">
              {t('cases.applyFilters')}
            </Button>
          </Row>
        </Column>
      </form>
      {events.isPending ? (
        <Loading />
      ) : events.isError && fieldErrors.length === 0 ? (
        <LoadError error={events.error} retry={() => void events.refetch()} />
      ) : events.isError ? null : (
        <>
          <AuditTable events={events.data.items} caption={t('audit.title')} />
          <CursorPager nextCursor={events.data.nextCursor} />
        </>
      )}
    </>
  );
}
