import { Button, Heading, Paragraph, StandaloneLink } from '@amsterdam/design-system-react';
import { useMutation } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../api/client';
import { AppLink } from '../common/app-link';
import { describeError, LoadError, Loading } from '../common/query-state';
import { useCaseAudit, type AuditReferences } from './api';
import { AuditTable } from './audit-table';

/** For auditors: the case's own audit trail, everything under it included. */
export function CaseAuditSection({ routeId }: { routeId: string }) {
  const { t } = useTranslation();
  const audit = useCaseAudit(routeId);
  const bundle = useMutation({
    mutationFn: () =>
      download(
        `/cases/${encodeURIComponent(routeId)}/audit/bundle`,
        `brug-audit-bundle-${routeId}.json`,
      ),
  });
  const pages = audit.data?.pages;
  const events = useMemo(() => pages?.flatMap((p) => p.items) ?? [], [pages]);
  const references = useMemo(
    () => Object.assign({}, ...(pages ?? []).map((p) => p.references)) as AuditReferences,
    [pages],
  );
  const caseId = events[0]?.caseId;
  const reference = caseId ? references[caseId]?.name : undefined;
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
          {reference && (
            <Paragraph className="ams-mb-m">
              <StandaloneLink
                href={`/audit?caseReference=${encodeURIComponent(reference)}`}
                linkComponent={AppLink}
              >
                {t('audit.inLog', { reference })}
              </StandaloneLink>
            </Paragraph>
          )}
          <Paragraph className="ams-mb-m">
            <Button variant="secondary" onClick={() => bundle.mutate()} disabled={bundle.isPending}>
              {t('auditBundle.downloadThisCase')}
            </Button>
          </Paragraph>
          {bundle.isError && (
            <Paragraph className="ams-mb-m" role="alert">
              {describeError(bundle.error, t('common.tryAgainLater'))}
            </Paragraph>
          )}
          <AuditTable
            events={events}
            references={references}
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
