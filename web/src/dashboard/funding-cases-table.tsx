import { Link, Paragraph, Row, StandaloneLink, Table } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { AppLink } from '../common/app-link';
import { useDomainNames } from '../common/catalogue';
import { formatEuroWhole, formatNumber } from '../common/format';
import { LoadError, Loading, Updating } from '../common/query-state';
import { TableRegion } from '../common/table-region';
import { useFundingMatrix } from '../funding/api';

/** Cases per page of the per-case view. */
export const CASES_PAGE_SIZE = 20;
/** The address parameter holding the page, so every page has a URL and survives a reload. */
const PAGE_PARAM = 'fundingPage';

/**
 * The funding matrix per case, a page at a time, newest filed first: which domain pays what
 * for each case. The line above the table says which cases of how many the page shows.
 */
export function FundingCasesTable() {
  const { t } = useTranslation();
  const domainName = useDomainNames();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const asked = Number(params.get(PAGE_PARAM) ?? '1');
  const page = Number.isInteger(asked) && asked >= 1 ? asked : 1;
  const matrix = useFundingMatrix(page, CASES_PAGE_SIZE);

  if (matrix.isPending) return <Loading />;
  if (matrix.isError) {
    return <LoadError error={matrix.error} retry={() => void matrix.refetch()} headingLevel={4} />;
  }
  // While the next page loads the previous one stays on screen: every number below follows the
  // page the rows are of, not the page asked for, so they never disagree.
  const { rows, domains, caseCount, page: shown } = matrix.data;
  const pages = Math.max(1, Math.ceil(caseCount / CASES_PAGE_SIZE));
  const from = (shown - 1) * CASES_PAGE_SIZE + 1;
  const to = from + rows.length - 1;
  const pageHref = (n: number) => {
    const next = new URLSearchParams(params);
    if (n > 1) next.set(PAGE_PARAM, String(n));
    else next.delete(PAGE_PARAM);
    const search = next.toString();
    return `${location.pathname}${search ? `?${search}` : ''}`;
  };

  return (
    <Updating updating={matrix.isPlaceholderData}>
      <Paragraph className="ams-mb-s" data-testid="funding-cases-summary">
        {rows.length === 0
          ? t('dashboard.cases.emptyPage', { total: formatNumber(caseCount), count: caseCount })
          : t('dashboard.cases.summary', {
              from: formatNumber(from),
              to: formatNumber(to),
              total: formatNumber(caseCount),
              count: caseCount,
            })}
      </Paragraph>
      {rows.length > 0 && (
        <TableRegion label={t('dashboard.cases.title')}>
          <Table className="ams-mb-m" data-testid="funding-cases-table">
            <Table.Caption className="ams-visually-hidden">
              {t('dashboard.cases.title')}
            </Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('case.reference')}</Table.HeaderCell>
                {domains.map((d) => (
                  <Table.HeaderCell key={d} scope="col" align="end">
                    {domainName(d)}
                  </Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {/* The API lists a page oldest first; newest first reads as the pages run. */}
              {[...rows].reverse().map((r) => (
                <Table.Row key={r.caseId}>
                  <Table.HeaderCell scope="row">
                    <Link href={`/cases/${r.reference}`} linkComponent={AppLink}>
                      {r.reference}
                    </Link>
                    <span className="ams-visually-hidden"> {r.title}</span>
                  </Table.HeaderCell>
                  {domains.map((d) => {
                    const cell = r.cells[d];
                    const amount = cell ? cell.committedCents + cell.pledgedCents : 0;
                    return (
                      <Table.Cell key={d} align="end">
                        {!cell
                          ? '–'
                          : amount === 0
                            ? t('dashboard.heatmap.paysNothing')
                            : formatEuroWhole(amount)}
                      </Table.Cell>
                    );
                  })}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableRegion>
      )}
      {pages > 1 && (
        <nav aria-label={t('dashboard.cases.pager')} className="ams-mb-l">
          <Row gap="large" wrap alignVertical="center">
            {shown > 1 && (
              <StandaloneLink href={pageHref(shown - 1)} linkComponent={AppLink} rel="prev">
                {t('dashboard.cases.previous')}
              </StandaloneLink>
            )}
            <span aria-current="page" data-testid="funding-cases-page">
              {t('dashboard.cases.page', { page: formatNumber(shown), pages: formatNumber(pages) })}
            </span>
            {shown < pages && (
              <StandaloneLink href={pageHref(shown + 1)} linkComponent={AppLink} rel="next">
                {t('dashboard.cases.next')}
              </StandaloneLink>
            )}
          </Row>
        </nav>
      )}
    </Updating>
  );
}
