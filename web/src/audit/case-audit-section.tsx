import { Button, Heading } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../common/query-state';
import { useCaseAudit } from './api';
import { AuditTable } from './audit-table';

/** For auditors: the case's own audit trail, everything under it included. */
export function CaseAuditSection({ routeId }: { routeId: string }) {
  const { t } = useTranslation();
  const audit = useCaseAudit(routeId);
  return (
    <section aria-labelledby="case-audit-heading" className="ams-mb-xl">
      <Heading level={2} id="case-audit-heading" className="ams-mb-m">
        {t('audit.caseTrail')}
      </Heading>
      {audit.isPending ? (
        <Loading />
      ) : audit.isError ? (
        <LoadError error={audit.error} retry={() => void audit.refetch()} headingLevel={3} />
      ) : (
        <>
          <AuditTable
            events={audit.data.pages.flatMap((p) => p.items)}
            caption={t('audit.caseTrail')}
            showCase={false}
          />
          {audit.hasNextPage && (
            <Button
              variant="secondary"
              onClick={() => void audit.fetchNextPage()}
              disabled={audit.isFetchingNextPage}
            >
              {t('audit.more')}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
