import { Alert, Button, Column, Heading, Paragraph } from '@amsterdam/design-system-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { download } from '../api/client';
import { PageHeading } from '../common/page-title';
import { describeError } from '../common/query-state';

interface ExportSpec {
  key: 'audit' | 'fundingCsv' | 'ocds';
  path: string;
  file: string;
  accept: string;
}

const EXPORTS: ExportSpec[] = [
  { key: 'audit', path: '/audit/export', file: 'brug-audit.jsonl', accept: 'application/x-ndjson' },
  { key: 'fundingCsv', path: '/funding/matrix', file: 'brug-funding.csv', accept: 'text/csv' },
  { key: 'ocds', path: '/exports/ocds', file: 'brug-ocds.json', accept: 'application/json' },
];

/** Downloads for auditors: the audit trail (NDJSON), the funding matrix (CSV) and OCDS. */
export function ExportsPage() {
  const { t } = useTranslation();
  const fetchExport = useMutation({
    mutationFn: (spec: ExportSpec) => download(spec.path, spec.file, spec.accept),
  });
  return (
    <>
      <PageHeading title={t('exports.title')} />
      <Paragraph className="ams-mb-l">{t('exports.intro')}</Paragraph>
      {fetchExport.isError && (
        <Alert
          heading={t('exports.failed')}
          headingLevel={2}
          severity="error"
          className="ams-mb-l"
          role="alert"
        >
          <Paragraph>{describeError(fetchExport.error, t('common.tryAgainLater'))}</Paragraph>
        </Alert>
      )}
      <Column gap="large">
        {EXPORTS.map((spec) => (
          <section key={spec.key} aria-labelledby={`export-${spec.key}`} className="brug-panel">
            <Heading level={2} size="level-3" className="ams-mb-s" id={`export-${spec.key}`}>
              {t(`exports.${spec.key}.title`)}
            </Heading>
            <Paragraph className="ams-mb-s">{t(`exports.${spec.key}.body`)}</Paragraph>
            <Button
              variant="secondary"
              onClick={() => fetchExport.mutate(spec)}
              disabled={fetchExport.isPending}
            >
              {t(`exports.${spec.key}.download`)}
            </Button>
          </section>
        ))}
      </Column>
    </>
  );
}
