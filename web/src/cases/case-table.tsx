import { Link, Paragraph, Table } from '@amsterdam/design-system-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../api/client';
import { AppLink } from '../common/app-link';
import { formatDate, formatEuroWhole } from '../common/format';
import { TableRegion } from '../common/table-region';
import { SlaBadge } from '../queue/sla-badge';
import { StatusBadge } from './status-badge';

export type CaseColumn = 'status' | 'team' | 'assignee' | 'sla' | 'deadline' | 'value' | 'unit';

/** A list of cases as a table; the reference links to the case. */
export function CaseTable({
  items,
  caption,
  columns,
  actions,
}: {
  items: CaseDto[];
  caption: string;
  columns: CaseColumn[];
  /** An extra last column (e.g. "take on" in the work queue). */
  actions?: { header: string; cell: (item: CaseDto) => ReactNode };
}) {
  const { t } = useTranslation();
  if (items.length === 0) return <Paragraph className="ams-mb-l">{t('cases.none')}</Paragraph>;
  const has = (column: CaseColumn) => columns.includes(column);
  return (
    <TableRegion label={caption}>
      <Table className="ams-mb-l">
        <Table.Caption className="ams-visually-hidden">{caption}</Table.Caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('case.reference')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('case.title')}</Table.HeaderCell>
            {has('status') && <Table.HeaderCell scope="col">{t('case.status')}</Table.HeaderCell>}
            {has('sla') && <Table.HeaderCell scope="col">{t('case.sla')}</Table.HeaderCell>}
            {has('team') && <Table.HeaderCell scope="col">{t('case.team')}</Table.HeaderCell>}
            {has('assignee') && (
              <Table.HeaderCell scope="col">{t('case.assignee')}</Table.HeaderCell>
            )}
            {has('unit') && <Table.HeaderCell scope="col">{t('case.unit')}</Table.HeaderCell>}
            {has('deadline') && (
              <Table.HeaderCell scope="col">{t('case.deadline')}</Table.HeaderCell>
            )}
            {has('value') && (
              <Table.HeaderCell scope="col" align="end">
                {t('case.estimatedValue')}
              </Table.HeaderCell>
            )}
            {actions && <Table.HeaderCell scope="col">{actions.header}</Table.HeaderCell>}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {items.map((item) => (
            <Table.Row key={item.id}>
              <Table.Cell>
                <Link href={`/cases/${item.reference}`} linkComponent={AppLink}>
                  {item.reference}
                </Link>
              </Table.Cell>
              <Table.Cell>{item.title}</Table.Cell>
              {has('status') && (
                <Table.Cell>
                  <StatusBadge status={item.status} />
                </Table.Cell>
              )}
              {has('sla') && (
                <Table.Cell>
                  <SlaBadge item={item} showOnTrack />
                </Table.Cell>
              )}
              {has('team') && <Table.Cell>{item.team?.name ?? t('case.notRouted')}</Table.Cell>}
              {has('assignee') && (
                <Table.Cell>{item.assignee?.name ?? t('case.unassigned')}</Table.Cell>
              )}
              {has('unit') && <Table.Cell>{item.organisationUnit.name}</Table.Cell>}
              {has('deadline') && (
                <Table.Cell>{item.deadline ? formatDate(item.deadline) : '–'}</Table.Cell>
              )}
              {has('value') && (
                <Table.Cell align="end">{formatEuroWhole(item.estimatedValueCents)}</Table.Cell>
              )}
              {actions && <Table.Cell>{actions.cell(item)}</Table.Cell>}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableRegion>
  );
}
