import { Link, Paragraph, Table } from '@amsterdam/design-system-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { StatusBadge } from '../cases/status-badge';
import { AppLink } from '../common/app-link';
import { useDomainNames } from '../common/catalogue';
import { formatEuroWhole } from '../common/format';
import { LoadError, Loading } from '../common/query-state';
import { TableRegion } from '../common/table-region';

const SHOWN = 10;

/** The open cases with the largest funding gap (`GET /funding/gaps`), and who does not pay. */
export function FundingGapsTable() {
  const { t } = useTranslation();
  const domainName = useDomainNames();
  const gaps = useQuery({
    queryKey: ['funding', 'gaps', SHOWN],
    queryFn: () => call(api.GET('/funding/gaps', { params: { query: { pageSize: SHOWN } } })),
  });
  if (gaps.isPending) return <Loading />;
  if (gaps.isError)
    return <LoadError error={gaps.error} retry={() => void gaps.refetch()} headingLevel={3} />;
  if (gaps.data.items.length === 0) {
    return <Paragraph className="ams-mb-l">{t('dashboard.gaps.none')}</Paragraph>;
  }
  return (
    <TableRegion label={t('dashboard.gaps.title')}>
      <Table className="ams-mb-l">
        <Table.Caption>{t('dashboard.gaps.title')}</Table.Caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('case.reference')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('case.status')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" align="end">
              {t('case.estimatedValue')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" align="end">
              {t('funding.committed')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" align="end">
              {t('funding.gap')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('dashboard.gaps.nonPaying')}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {gaps.data.items.map((gap) => (
            <Table.Row key={gap.caseId}>
              <Table.Cell>
                <Link href={`/cases/${gap.reference}`} linkComponent={AppLink}>
                  {gap.reference}
                </Link>
                <span className="ams-visually-hidden"> {gap.title}</span>
              </Table.Cell>
              <Table.Cell>
                <StatusBadge status={gap.status} />
              </Table.Cell>
              <Table.Cell align="end">{formatEuroWhole(gap.estimatedValueCents)}</Table.Cell>
              <Table.Cell align="end">{formatEuroWhole(gap.committedCents)}</Table.Cell>
              <Table.Cell align="end">{formatEuroWhole(gap.gapCents)}</Table.Cell>
              <Table.Cell>
                {gap.nonPayingDomains.map(domainName).join(', ') || t('common.none')}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableRegion>
  );
}
