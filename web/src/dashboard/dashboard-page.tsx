import { Heading, Paragraph } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../common/page-title';
import { LoadError, Loading } from '../common/query-state';
import { useFundingDomainMatrix, useFundingFlows } from '../funding/api';
import { sayFunding } from '../funding/funding-text';
import { useCommonsShares, useManagementReport } from './api';
import { CommonsShareChart } from './commons-share-chart';
import { FundingCasesTable } from './funding-cases-table';
import { FundingFlowsChart } from './funding-flows-chart';
import { FundingGapsTable } from './funding-gaps-table';
import { FundingHeatmap } from './funding-heatmap';
import { NonPayingChart } from './non-paying-chart';
import { ManagementSection } from './management-section';
import { OpenCasesChart } from './open-cases-chart';

/** The years shown in the commons-share chart: this one and the two before. */
function recentYears(now = new Date()): number[] {
  const year = now.getFullYear();
  return [year - 2, year - 1, year];
}

/**
 * What is faster seen than read: who funds what (a heatmap of lead domains against domains over
 * every case, and the same per case a page at a time), which touched domains pay nothing,
 * where the open cases are, and how far the commons share is from 35% by 2035. Every chart has
 * a text alternative and its numbers as a table. Each role sees the cases it may see.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const matrix = useFundingDomainMatrix();
  const flows = useFundingFlows();
  const open = useManagementReport({});
  const shares = useCommonsShares(recentYears());

  return (
    <>
      <PageHeading title={t('dashboard.title')} />
      <Paragraph className="ams-mb-l">{t('dashboard.intro')}</Paragraph>

      <ManagementSection />

      <section aria-labelledby="dash-heatmap" className="ams-mb-xl">
        <Heading level={2} id="dash-heatmap" className="ams-mb-m">
          {t('dashboard.heatmap.heading')}
        </Heading>
        {matrix.isPending ? (
          <Loading />
        ) : matrix.isError ? (
          <LoadError error={matrix.error} retry={() => void matrix.refetch()} headingLevel={3} />
        ) : (
          <FundingHeatmap matrix={matrix.data} />
        )}
        <Heading level={3} id="dash-cases" className="ams-mb-s">
          {t('dashboard.cases.heading')}
        </Heading>
        <FundingCasesTable />
      </section>

      <section aria-labelledby="dash-flows" className="ams-mb-xl">
        <Heading level={2} id="dash-flows" className="ams-mb-m">
          {sayFunding(t, 'flowsHeading')}
        </Heading>
        {flows.isPending ? (
          <Loading />
        ) : flows.isError ? (
          <LoadError error={flows.error} retry={() => void flows.refetch()} headingLevel={3} />
        ) : (
          <FundingFlowsChart flows={flows.data} />
        )}
      </section>

      <section aria-labelledby="dash-non-paying" className="ams-mb-xl">
        <Heading level={2} id="dash-non-paying" className="ams-mb-m">
          {t('dashboard.nonPaying.heading')}
        </Heading>
        {matrix.isPending ? (
          <Loading />
        ) : matrix.isError ? (
          <LoadError error={matrix.error} retry={() => void matrix.refetch()} headingLevel={3} />
        ) : (
          <NonPayingChart matrix={matrix.data} />
        )}
        <Heading level={3} className="ams-mb-s">
          {t('dashboard.gaps.heading')}
        </Heading>
        <FundingGapsTable />
      </section>

      <section aria-labelledby="dash-open" className="ams-mb-xl">
        <Heading level={2} id="dash-open" className="ams-mb-m">
          {t('dashboard.openCases.heading')}
        </Heading>
        {open.isPending ? (
          <Loading />
        ) : open.isError ? (
          <LoadError error={open.error} retry={() => void open.refetch()} headingLevel={3} />
        ) : (
          <OpenCasesChart teams={open.data.openNow} />
        )}
      </section>

      <section aria-labelledby="dash-commons" className="ams-mb-xl">
        <Heading level={2} id="dash-commons" className="ams-mb-m">
          {t('dashboard.commons.heading')}
        </Heading>
        {shares.some((s) => s.isPending) ? (
          <Loading />
        ) : shares.find((s) => s.isError) ? (
          <LoadError error={shares.find((s) => s.isError)?.error} headingLevel={3} />
        ) : (
          <CommonsShareChart years={shares.flatMap((s) => (s.data ? [s.data] : []))} />
        )}
      </section>
    </>
  );
}
