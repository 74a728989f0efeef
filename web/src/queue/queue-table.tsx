import { Checkbox, Link, Paragraph, Table } from '@amsterdam/design-system-react';
import { ChevronDownIcon, ChevronUpIcon } from '@amsterdam/design-system-react-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../api/client';
import type { CaseListQuery } from '../cases/api';
import { StatusBadge } from '../cases/status-badge';
import { AppLink } from '../common/app-link';
import { useDomainNames } from '../common/catalogue';
import { formatDate, formatEuroWhole } from '../common/format';
import { TableRegion } from '../common/table-region';
import { SlaBadge } from './sla-badge';

export type QueueSort = NonNullable<CaseListQuery['sort']>;

/** The queue's sortable columns: the API's sort for each direction, and the first click's. */
export const SORTABLE = {
  priority: { descending: '-priority', ascending: 'priority', first: 'descending' },
  leadDomain: { descending: '-leadDomain', ascending: 'leadDomain', first: 'ascending' },
  value: { descending: '-estimatedValue', ascending: 'estimatedValue', first: 'descending' },
  buyer: { descending: '-buyer', ascending: 'buyer', first: 'ascending' },
  deadline: { descending: null, ascending: 'deadline', first: 'ascending' },
} as const satisfies Record<
  string,
  {
    descending: QueueSort | null;
    ascending: QueueSort;
    first: 'ascending' | 'descending';
  }
>;
export type SortableColumn = keyof typeof SORTABLE;

/** Every sort the queue offers (the select on narrow screens lists them all). */
export const QUEUE_SORTS = [
  '-priority',
  'priority',
  '-estimatedValue',
  'estimatedValue',
  'leadDomain',
  '-leadDomain',
  'buyer',
  '-buyer',
  'deadline',
  '-filedAt',
] as const satisfies readonly QueueSort[];

export function isQueueSort(value: string | null): value is (typeof QUEUE_SORTS)[number] {
  return (QUEUE_SORTS as readonly (string | null)[]).includes(value);
}

function directionOf(column: SortableColumn, sort: QueueSort): 'ascending' | 'descending' | null {
  const s = SORTABLE[column];
  if (s.ascending === sort) return 'ascending';
  if (s.descending === sort) return 'descending';
  return null;
}

/** Clicking a column header: its first direction, or the other one when it is already sorted. */
function nextSort(column: SortableColumn, sort: QueueSort): QueueSort {
  const s = SORTABLE[column];
  const now = directionOf(column, sort);
  const to = now === null ? s.first : now === 'ascending' ? 'descending' : 'ascending';
  return (to === 'descending' ? s.descending : s.ascending) ?? s.ascending;
}

/** Which cases of the page are picked for a bulk action, and how to change that. */
export interface QueueSelection {
  isSelected: (id: string) => boolean;
  set: (item: CaseDto, selected: boolean) => void;
  setPage: (selected: boolean) => void;
}

/**
 * The work queue as a table: the facts staff choose by (priority, SLA, lead domain, value,
 * buyer), sortable by their headers. Below 48rem each row becomes a card (see app.css) with
 * its action inside, so "take on" is never beyond a sideways scroll.
 */
export function QueueTable({
  items,
  sort,
  onSort,
  action,
  selection,
}: {
  items: CaseDto[];
  sort: QueueSort;
  onSort: (sort: QueueSort) => void;
  action: (item: CaseDto) => ReactNode;
  /** Checkboxes per row and for the page, for bulk actions (issue 19); none without. */
  selection?: QueueSelection;
}) {
  const { t } = useTranslation();
  const domainName = useDomainNames();
  if (items.length === 0) return <Paragraph className="ams-mb-l">{t('cases.none')}</Paragraph>;

  const header = (label: string, column?: SortableColumn, align?: 'end') => {
    const direction = column ? directionOf(column, sort) : null;
    return (
      <Table.HeaderCell
        scope="col"
        align={align}
        aria-sort={column ? (direction ?? 'none') : undefined}
      >
        {column ? (
          <button
            type="button"
            className="brug-sort-button"
            onClick={() => onSort(nextSort(column, sort))}
          >
            {label}
            {direction === 'ascending' ? (
              <ChevronUpIcon aria-hidden className="brug-sort-icon" />
            ) : direction === 'descending' ? (
              <ChevronDownIcon aria-hidden className="brug-sort-icon" />
            ) : null}
          </button>
        ) : (
          label
        )}
      </Table.HeaderCell>
    );
  };

  return (
    <TableRegion label={t('queue.title')}>
      <Table className="ams-mb-l brug-queue-table">
        <Table.Caption className="ams-visually-hidden">{t('queue.title')}</Table.Caption>
        <Table.Header>
          <Table.Row>
            {selection && (
              <Table.HeaderCell scope="col" className="brug-queue-select">
                <Checkbox
                  id="queue-select-page"
                  checked={items.every((item) => selection.isSelected(item.id))}
                  indeterminate={
                    items.some((item) => selection.isSelected(item.id)) &&
                    !items.every((item) => selection.isSelected(item.id))
                  }
                  onChange={(e) => selection.setPage(e.target.checked)}
                >
                  <span className="ams-visually-hidden">{t('bulk.selectPage')}</span>
                </Checkbox>
              </Table.HeaderCell>
            )}
            {header(t('case.reference'))}
            {header(t('case.title'))}
            {header(t('case.status'))}
            {header(t('case.priority'), 'priority')}
            {header(t('case.sla'))}
            {header(t('case.leadDomain'), 'leadDomain')}
            {header(t('case.estimatedValue'), 'value', 'end')}
            {header(t('queue.buyer'), 'buyer')}
            {header(t('case.team'))}
            {header(t('case.assignee'))}
            {header(t('case.deadline'), 'deadline')}
            {header(t('queue.action'))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {items.map((item) => {
            const lead = item.domains.find((d) => d.role === 'lead');
            const raised = item.priorityRaisedBy.length > 0;
            return (
              <Table.Row key={item.id} data-testid="queue-row">
                {selection && (
                  <Table.Cell className="brug-queue-select">
                    <Checkbox
                      id={`queue-select-${item.id}`}
                      checked={selection.isSelected(item.id)}
                      onChange={(e) => selection.set(item, e.target.checked)}
                    >
                      <span className="ams-visually-hidden">
                        {t('bulk.select', { reference: item.reference })}
                      </span>
                    </Checkbox>
                  </Table.Cell>
                )}
                <Table.Cell data-label={t('case.reference')} className="brug-queue-reference">
                  <Link href={`/cases/${item.reference}`} linkComponent={AppLink}>
                    {item.reference}
                  </Link>
                </Table.Cell>
                <Table.Cell data-label={t('case.title')} className="brug-queue-title">
                  {item.title}
                </Table.Cell>
                <Table.Cell data-label={t('case.status')}>
                  <StatusBadge status={item.status} />
                </Table.Cell>
                <Table.Cell data-label={t('case.priority')}>
                  {t(`priority.${item.priority}`)}
                  {raised && (
                    <span className="ams-visually-hidden">, {t('queue.raisedByBreach')}</span>
                  )}
                  {raised && <span aria-hidden> ↑</span>}
                </Table.Cell>
                <Table.Cell data-label={t('case.sla')}>
                  <SlaBadge item={item} showOnTrack />
                </Table.Cell>
                <Table.Cell data-label={t('case.leadDomain')}>
                  {lead ? domainName(lead.code) : '–'}
                </Table.Cell>
                <Table.Cell
                  data-label={t('case.estimatedValue')}
                  align="end"
                  className="brug-queue-value"
                >
                  {formatEuroWhole(item.estimatedValueCents)}
                </Table.Cell>
                <Table.Cell data-label={t('queue.buyer')}>
                  {item.filedBy.name}
                  <br />
                  <span className="brug-muted">{item.organisationUnit.name}</span>
                </Table.Cell>
                <Table.Cell data-label={t('case.team')}>
                  {item.team?.name ?? t('case.notRouted')}
                </Table.Cell>
                <Table.Cell data-label={t('case.assignee')}>
                  {item.assignee?.name ?? t('case.unassigned')}
                </Table.Cell>
                <Table.Cell data-label={t('case.deadline')}>
                  {item.deadline ? formatDate(item.deadline) : '–'}
                </Table.Cell>
                <Table.Cell data-label={t('queue.action')} className="brug-queue-action">
                  {action(item)}
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </TableRegion>
  );
}
