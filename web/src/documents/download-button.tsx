import { Button, Paragraph } from '@amsterdam/design-system-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadVersion, type DocumentDto, type DocumentVersion } from './api';
import { documentErrorText, sayDocuments } from './document-text';

/**
 * Downloads one version (with the caller's token; the API audits it). Auditors must have given
 * a reason (`reason` is then a string, maybe empty); a refusal is said right beside the button.
 */
export function DownloadButton({
  caseId,
  document,
  version,
  reason,
  label,
}: {
  caseId: string;
  document: DocumentDto;
  version: DocumentVersion;
  reason: string | undefined;
  label: string;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onClick = () => {
    if (reason !== undefined && reason.trim() === '') {
      setError(sayDocuments(t, 'reasonRequired'));
      window.document.getElementById('document-reason')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    downloadVersion(caseId, document.id, version, reason?.trim())
      .catch((failure: unknown) =>
        setError(sayDocuments(t, 'downloadFailed', { reason: documentErrorText(failure, t) })),
      )
      .finally(() => setBusy(false));
  };
  return (
    <>
      <Button variant="secondary" onClick={onClick} disabled={busy}>
        <span aria-hidden="true">{sayDocuments(t, 'download')}</span>
        <span className="ams-visually-hidden">{label}</span>
      </Button>
      {error && (
        <Paragraph size="small" className="brug-error-text" role="alert">
          {error}
        </Paragraph>
      )}
    </>
  );
}
