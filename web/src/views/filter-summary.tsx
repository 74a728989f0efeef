import { Checkbox, FieldSet, Paragraph, Row } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDomainNames, useTeams } from '../common/catalogue';
import { formatDate } from '../common/format';
import type { ViewColumn, ViewFilters } from './api';
import { VIEW_COLUMNS } from './view-params';

/** The filters a view adds beyond the page's own form, said in one sentence. */
export function FilterSummary({ filters }: { filters: ViewFilters }) {
  const { t } = useTranslation();
  const domainName = useDomainNames();
  const teams = useTeams();
  const parts: string[] = [];
  if (filters.domain) parts.push(t('views.filter_domain', { value: domainName(filters.domain) }));
  if (filters.team && filters.team !== 'all') {
    const team = teams.data?.find((x) => x.code === filters.team);
    parts.push(t('views.filter_team', { value: team?.name ?? filters.team }));
  }
  if (filters.assignee === 'me') parts.push(t('views.filter_assignee_me'));
  else if (filters.assignee === 'none') parts.push(t('views.filter_assignee_none'));
  else if (filters.assignee) parts.push(t('views.filter_assignee_other'));
  if (filters.priority) {
    parts.push(t('views.filter_priority', { value: t(`priority.${filters.priority}`) }));
  }
  if (filters.overdue !== undefined) {
    parts.push(t(filters.overdue ? 'views.filter_overdue' : 'views.filter_not_overdue'));
  }
  if (filters.sla?.length) {
    const states = filters.sla.map((s) => t(`views.sla_${s}`)).join(', ');
    parts.push(t('views.filter_sla', { value: states }));
  }
  if (filters.filedFrom) {
    parts.push(t('views.filter_filedFrom', { value: formatDate(filters.filedFrom) }));
  }
  if (filters.filedTo)
    parts.push(t('views.filter_filedTo', { value: formatDate(filters.filedTo) }));
  if (parts.length === 0) return null;
  return (
    <Paragraph className="ams-mb-m" data-testid="view-filters">
      {t('views.activeFilters', { filters: parts.join('; ') })}
    </Paragraph>
  );
}

/** The columns of the list, chosen by the person (kept in the address, and so in a view). */
export function ColumnPicker({ columns }: { columns: ViewColumn[] }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const toggle = (column: ViewColumn, on: boolean) => {
    const next = new URLSearchParams(params);
    const chosen = VIEW_COLUMNS.filter((c) => (c === column ? on : columns.includes(c)));
    next.set('columns', chosen.join(','));
    next.delete('cursor');
    setParams(next);
  };
  return (
    <details className="ams-mb-m">
      <summary>{t('views.columns')}</summary>
      <FieldSet legend={t('views.columns')} className="ams-mt-s">
        <Row wrap gap="large">
          {VIEW_COLUMNS.map((column) => (
            <Checkbox
              key={column}
              id={`column-${column}`}
              checked={columns.includes(column)}
              onChange={(e) => toggle(column, e.target.checked)}
            >
              {t(`views.column_${column}`)}
            </Checkbox>
          ))}
        </Row>
      </FieldSet>
    </details>
  );
}
