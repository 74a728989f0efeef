import { Alert, Heading, Paragraph, Row } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import type { CaseDto } from '../api/client';
import { CaseAuditSection } from '../audit/case-audit-section';
import { mayOpen } from '../auth/roles';
import { useCurrentUser } from '../auth/use-auth';
import { formatEuro } from '../common/format';
import { PageHeading } from '../common/page-title';
import { LoadError, Loading } from '../common/query-state';
import { DocumentsSection } from '../documents/documents-section';
import { BenefitSection } from '../funding/benefit-section';
import { CaseFundingSection } from '../funding/case-funding-section';
import { CofundingSection } from '../funding/cofunding-section';
import { SlaBadge } from '../queue/sla-badge';
import { useCase } from './api';
import { CaseActions } from './case-actions';
import { CaseSummary } from './case-summary';
import { ClockSection } from './clock-section';
import { EditCaseSection } from './edit-case-form';
import { KoppelSection } from './koppel-section';
import { LinksSection } from './links-section';
import { NotesSection } from './notes-section';
import { StatusBadge } from './status-badge';
import { StatusTimeline } from './status-timeline';

/** One case, by id or reference: everything the signed-in role may see and do with it. */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const found = useCase(id);
  if (found.isPending) return <Loading />;
  if (found.isError) return <LoadError error={found.error} retry={() => void found.refetch()} />;
  return <CaseDetail routeId={id} item={found.data} key={found.data.id} t={t} />;
}

function CaseDetail({
  routeId,
  item,
  t,
}: {
  routeId: string;
  item: CaseDto;
  t: ReturnType<typeof useTranslation>['t'];
}) {
  const me = useCurrentUser();
  const location = useLocation();
  const filed = (location.state as { filed?: unknown } | null)?.filed;
  return (
    <article aria-labelledby="case-heading" data-testid="case-detail">
      <div id="case-heading">
        <PageHeading title={`${item.reference}: ${item.title}`} />
      </div>
      <Row wrap gap="small" className="ams-mb-l" data-testid="case-status">
        <StatusBadge status={item.status} />
        <SlaBadge item={item} showOnTrack />
      </Row>
      <div role="status" className={item.status === 'filed' ? 'ams-mb-l' : undefined}>
        {item.status === 'filed' && <Paragraph size="small">{t('caseDetail.routing')}</Paragraph>}
      </div>
      {typeof filed === 'string' && (
        <Alert
          heading={t('caseDetail.filed', { reference: filed })}
          headingLevel={2}
          severity="success"
          className="ams-mb-l"
        />
      )}
      {item.description && (
        <Paragraph className="ams-mb-l brug-prewrap">{item.description}</Paragraph>
      )}
      {item.proposal && (
        <Alert
          heading={t('caseDetail.proposal')}
          headingLevel={2}
          className="ams-mb-l"
          data-testid="proposal"
        >
          <Paragraph className="brug-prewrap">{item.proposal}</Paragraph>
        </Alert>
      )}
      {item.outcome && (
        <Alert
          heading={t('caseDetail.outcome')}
          headingLevel={2}
          severity="success"
          className="ams-mb-l"
        >
          <Paragraph>{item.outcome.summary}</Paragraph>
          {item.outcome.kind === 'awarded' && item.outcome.supplierType && (
            <Paragraph>
              {t('caseDetail.outcomeLine', {
                supplier: item.outcome.supplierName ?? '',
                type: t(`supplierType.${item.outcome.supplierType}`),
                value: formatEuro(item.outcome.awardedValueCents ?? 0),
              })}
            </Paragraph>
          )}
        </Alert>
      )}
      <CaseActions routeId={routeId} item={item} />
      <EditCaseSection routeId={routeId} item={item} />
      <section aria-labelledby="details-heading" className="ams-mb-xl">
        <Heading level={2} id="details-heading" className="ams-mb-m">
          {t('caseDetail.details')}
        </Heading>
        <CaseSummary item={item} />
      </section>
      <ClockSection routeId={routeId} item={item} />
      <KoppelSection routeId={routeId} item={item} />
      <section aria-labelledby="timeline-heading" className="ams-mb-xl">
        <Heading level={2} id="timeline-heading" className="ams-mb-m">
          {t('caseDetail.timeline')}
        </Heading>
        <StatusTimeline item={item} />
      </section>
      <LinksSection routeId={routeId} item={item} />
      <NotesSection routeId={routeId} item={item} />
      <DocumentsSection item={item} />
      <CaseFundingSection routeId={routeId} item={item} />
      <BenefitSection routeId={routeId} item={item} />
      <CofundingSection
        routeId={routeId}
        closed={item.status === 'declined' || item.status === 'withdrawn'}
      />
      {mayOpen(me.role, 'audit') && <CaseAuditSection routeId={routeId} />}
    </article>
  );
}
