import {
  Button,
  Column,
  Field,
  FileInput,
  Heading,
  Label,
  Paragraph,
  Row,
  Table,
} from '@amsterdam/design-system-react';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/use-auth';
import { fieldErrorsOf, TextAreaField, errorAt } from '../common/form';
import { fieldErrorText } from '../common/error-text';
import { formatDateTime } from '../common/format';
import { describeError, LoadError, Loading } from '../common/query-state';
import { TableRegion } from '../common/table-region';
import { documentRights, useVersions, useWithdraw, type DocumentDto } from './api';
import { formatSize, sayDocuments } from './document-text';
import { DownloadButton } from './download-button';
import { QueuedFileRow, useUploadQueue } from './upload-queue';

/**
 * One document opened: every version (newest first) to download, and for those who may, a new
 * version and the withdrawal with its reason.
 */
export function DocumentVersions({
  caseId,
  document,
  reason,
  onClose,
}: {
  caseId: string;
  document: DocumentDto;
  reason: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const rights = documentRights(me.role);
  const versions = useVersions(caseId, document.id);
  const caption = sayDocuments(t, 'versionsCaption');
  return (
    <section
      id="document-versions"
      aria-labelledby="document-versions-heading"
      className="ams-mb-xl brug-document-versions"
      data-testid="document-versions"
    >
      <Heading level={3} id="document-versions-heading" className="ams-mb-s">
        {sayDocuments(t, 'versionsOf', { title: document.title })}
      </Heading>
      {versions.isPending ? (
        <Loading />
      ) : versions.isError ? (
        <LoadError error={versions.error} retry={() => void versions.refetch()} headingLevel={4} />
      ) : (
        <TableRegion label={caption}>
          <Table className="ams-mb-m">
            <Table.Caption className="ams-visually-hidden">{caption}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{sayDocuments(t, 'columnNumber')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{sayDocuments(t, 'columnFile')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" align="end">
                  {sayDocuments(t, 'columnSize')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">{sayDocuments(t, 'columnBy')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{sayDocuments(t, 'columnAt')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{sayDocuments(t, 'columnActions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {versions.data.items.map((v) => (
                <Table.Row key={v.number} data-testid="version-row">
                  <Table.Cell>{v.number}</Table.Cell>
                  <Table.Cell className="brug-break">{v.fileName}</Table.Cell>
                  <Table.Cell align="end">{formatSize(v.sizeBytes, t)}</Table.Cell>
                  <Table.Cell>{v.uploadedBy.name}</Table.Cell>
                  <Table.Cell>{formatDateTime(v.uploadedAt)}</Table.Cell>
                  <Table.Cell>
                    <DownloadButton
                      caseId={caseId}
                      document={document}
                      version={v}
                      reason={reason}
                      label={sayDocuments(t, 'downloadVersion', {
                        number: v.number,
                        title: document.title,
                      })}
                    />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableRegion>
      )}
      {rights.upload && !document.withdrawal && (
        <NewVersionForm caseId={caseId} document={document} />
      )}
      {rights.withdraw && !document.withdrawal && (
        <WithdrawForm caseId={caseId} document={document} onWithdrawn={onClose} />
      )}
      <Button variant="tertiary" onClick={onClose}>
        {sayDocuments(t, 'hide')}
      </Button>
    </section>
  );
}

function NewVersionForm({ caseId, document }: { caseId: string; document: DocumentDto }) {
  const { t } = useTranslation();
  const [added, setAdded] = useState<number | null>(null);
  const queue = useUploadQueue(caseId, (updated) => setAdded(updated.versionCount));
  const [missing, setMissing] = useState(false);
  const waiting = queue.files.filter((f) => f.state === 'waiting' || f.state === 'failed');
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setAdded(null);
    setMissing(waiting.length === 0);
    if (waiting.length === 0 || queue.busy) return;
    void queue.start({ document });
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="new-version-heading" className="ams-mb-l" noValidate>
      <Heading level={4} id="new-version-heading" className="ams-mb-s">
        {sayDocuments(t, 'newVersion')}
      </Heading>
      <Column>
        <Field invalid={missing}>
          <Label htmlFor="version-file">{sayDocuments(t, 'newVersionFile')}</Label>
          {missing && (
            <Paragraph id="version-file-error" className="brug-error-text" role="alert">
              {sayDocuments(t, 'chooseFirst')}
            </Paragraph>
          )}
          <FileInput
            id="version-file"
            aria-describedby={missing ? 'version-file-error' : undefined}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) {
                queue.clear();
                queue.add([file]);
                setMissing(false);
              }
              event.target.value = '';
            }}
          />
        </Field>
        {queue.files.length > 0 && (
          <ul className="brug-upload-list" aria-label={sayDocuments(t, 'chosen')}>
            {queue.files.map((item) => (
              <QueuedFileRow key={item.key} item={item} onCancel={() => queue.cancel(item.key)} />
            ))}
          </ul>
        )}
        <div role="status">
          {added !== null && (
            <Paragraph>{sayDocuments(t, 'newVersionAdded', { number: added })}</Paragraph>
          )}
        </div>
        <Row>
          <Button type="submit" variant="secondary" disabled={queue.busy}>
            {sayDocuments(t, 'upload')}
          </Button>
        </Row>
      </Column>
    </form>
  );
}

function WithdrawForm({
  caseId,
  document,
  onWithdrawn,
}: {
  caseId: string;
  document: DocumentDto;
  onWithdrawn: () => void;
}) {
  const { t } = useTranslation();
  const withdraw = useWithdraw(caseId);
  const [reason, setReason] = useState('');
  const [empty, setEmpty] = useState(false);
  const errors = fieldErrorsOf(withdraw.error);
  const apiError = errorAt(errors, 'reason');
  const reasonError = empty
    ? sayDocuments(t, 'withdrawReasonRequired')
    : apiError && fieldErrorText(apiError, t);
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    setEmpty(trimmed === '');
    if (trimmed === '') return;
    withdraw.mutate({ document, reason: trimmed }, { onSuccess: onWithdrawn });
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="withdraw-document-heading" className="ams-mb-l">
      <Heading level={4} id="withdraw-document-heading" className="ams-mb-s">
        {sayDocuments(t, 'withdraw')}
      </Heading>
      <Column>
        <TextAreaField
          id="withdraw-reason"
          label={sayDocuments(t, 'withdrawReason')}
          hint={sayDocuments(t, 'withdrawHint')}
          value={reason}
          onChange={setReason}
          rows={2}
          error={reasonError}
        />
        {withdraw.isError && errors.length === 0 && (
          <Paragraph className="brug-error-text" role="alert">
            {describeError(withdraw.error, t('common.tryAgainLater'))}
          </Paragraph>
        )}
        <Row>
          <Button type="submit" variant="secondary" disabled={withdraw.isPending}>
            {sayDocuments(t, 'withdrawConfirm')}
          </Button>
        </Row>
      </Column>
    </form>
  );
}
