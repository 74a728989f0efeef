import { Button, Column, Paragraph, Row } from '@amsterdam/design-system-react';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CursorPager } from '../common/cursor-pager';
import { errorTextAt, fieldErrorsOf, SelectField, TextField } from '../common/form';
import { PageHeading } from '../common/page-title';
import { LoadError, Loading, Updating } from '../common/query-state';
import { useAuditActions, useAuditEvents, type AuditAction, type AuditQuery } from './api';
import { AuditTable, useActionName } from './audit-table';

/** Every filter, as named in the address (deep links) and by the API. */
const FILTERS = [
  'caseReference',
  'action',
  'from',
  'to',
  'subjectType',
  'subjectId',
  'actorId',
] as const;
type FilterName = (typeof FILTERS)[number];
type Filters = Record<FilterName, string>;

/** The filters by id, for auditors who have one from an export: folded away until used. */
const BY_ID: readonly FilterName[] = ['subjectType', 'subjectId', 'actorId'];

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
  for (const f of FILTERS) {
    if (!filters[f]) continue;
    if (f === 'action') query.action = filters.action as AuditAction;
    else query[f] = filters[f];
  }
  const cursor = params.get('cursor');
  if (cursor) query.cursor = cursor;
  const events = useAuditEvents(query);
  const actions = useAuditActions();
  const actionName = useActionName();
  const actionOptions = (actions.data ?? [])
    .map((a) => ({ value: a.action, label: actionName(a.action) }))
    .sort((a, b) => a.label.localeCompare(b.label));

  // A filter the API cannot read (a malformed reference, date or id) is named by it, next to
  // the field.
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
            {field('caseReference', t('audit.caseReference'), t('audit.caseReferenceHint'))}
            <SelectField<AuditAction>
              id="audit-action"
              label={t('audit.action')}
              optional
              value={draft.action as AuditAction | ''}
              onChange={(value) => setDraft((d) => ({ ...d, action: value }))}
              options={actionOptions}
              placeholder={t('audit.allActions')}
              error={errorTextAt(fieldErrors, 'action', t)}
            />
          </Row>
          <Row wrap gap="large" alignVertical="end">
            {field('from', t('audit.from'), t('audit.dateHint'))}
            {field('to', t('audit.to'), t('audit.dateHint'))}
          </Row>
          <details open={BY_ID.some((f) => filters[f])} className="brug-audit-by-id">
            <summary>{t('audit.byId')}</summary>
            <Row wrap gap="large" alignVertical="end">
              {field('subjectType', t('audit.subjectType'), t('audit.subjectTypeHint'))}
              {field('subjectId', t('audit.subjectId'))}
              {field('actorId', t('audit.actorId'))}
            </Row>
          </details>
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
        <Updating updating={events.isPlaceholderData}>
          <AuditTable
            events={events.data.items}
            references={events.data.references}
            caption={t('audit.title')}
          />
          <CursorPager nextCursor={events.data.nextCursor} />
        </Updating>
      )}
    </>
  );
}
