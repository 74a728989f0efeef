import { Badge, Button, Heading, Paragraph, Table } from '@amsterdam/design-system-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../api/client';
import { useCurrentUser } from '../auth/use-auth';
import { TextField } from '../common/form';
import { formatDateTime } from '../common/format';
import { LoadError, Loading } from '../common/query-state';
import { TableRegion } from '../common/table-region';
import { documentRights, useDocuments, type DocumentDto } from './api';
import { DocumentVersions } from './document-versions';
import { DownloadButton } from './download-button';
import { formatSize, sayDocuments } from './document-text';
import { UploadForm } from './upload-form';

/**
 * The documents of a case (issue 16): the list with kind, direction, versions, size, who and
 * when; the versions of one document; downloads; and for those who may, adding documents and
 * versions and withdrawing. Auditors give a reason before they read content.
 */
export function DocumentsSection({ item }: { item: CaseDto }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const rights = documentRights(me.role);
  const documents = useDocuments(item.id);
  const [openId, setOpenId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const items = documents.data?.pages.flatMap((page) => page.items) ?? [];
  const open = items.find((d) => d.id === openId);

  return (
    <section aria-labelledby="documents-heading" className="ams-mb-xl" data-testid="documents">
      <Heading level={2} id="documents-heading" className="ams-mb-m">
        {sayDocuments(t, 'title')}
      </Heading>
      {rights.reasonForContent && (
        <div className="ams-mb-m">
          <TextField
            id="document-reason"
            label={sayDocuments(t, 'reason')}
            hint={sayDocuments(t, 'reasonHint')}
            value={reason}
            onChange={setReason}
            maxLength={500}
          />
        </div>
      )}
      {documents.isPending ? (
        <Loading />
      ) : documents.isError ? (
        <LoadError
          error={documents.error}
          retry={() => void documents.refetch()}
          headingLevel={3}
        />
      ) : items.length === 0 ? (
        <Paragraph className="ams-mb-l">{sayDocuments(t, 'none')}</Paragraph>
      ) : (
        <>
          <DocumentTable
            caseId={item.id}
            items={items}
            openId={openId}
            onToggle={(id) => setOpenId((current) => (current === id ? null : id))}
            reason={rights.reasonForContent ? reason : undefined}
          />
          {documents.hasNextPage && (
            <Button
              variant="secondary"
              className="ams-mb-l"
              disabled={documents.isFetchingNextPage}
              onClick={() => void documents.fetchNextPage()}
            >
              {sayDocuments(t, 'more')}
            </Button>
          )}
        </>
      )}
      {open && (
        <DocumentVersions
          key={open.id}
          caseId={item.id}
          document={open}
          reason={rights.reasonForContent ? reason : undefined}
          onClose={() => setOpenId(null)}
        />
      )}
      {rights.upload && <UploadForm caseId={item.id} />}
    </section>
  );
}

function DocumentTable({
  caseId,
  items,
  openId,
  onToggle,
  reason,
}: {
  caseId: string;
  items: DocumentDto[];
  openId: string | null;
  onToggle: (id: string) => void;
  reason: string | undefined;
}) {
  const { t } = useTranslation();
  const caption = sayDocuments(t, 'caption');
  return (
    <TableRegion label={caption}>
      <Table className="ams-mb-l" data-testid="document-table">
        <Table.Caption className="ams-visually-hidden">{caption}</Table.Caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{sayDocuments(t, 'columnTitle')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{sayDocuments(t, 'columnKind')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{sayDocuments(t, 'columnDirection')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" align="end">
              {sayDocuments(t, 'columnVersions')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" align="end">
              {sayDocuments(t, 'columnSize')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{sayDocuments(t, 'columnBy')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{sayDocuments(t, 'columnAt')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{sayDocuments(t, 'columnActions')}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {items.map((d) => (
            <Table.Row key={d.id} data-testid="document-row">
              <Table.Cell>
                <Button
                  variant="tertiary"
                  aria-expanded={openId === d.id}
                  aria-controls={openId === d.id ? 'document-versions' : undefined}
                  onClick={() => onToggle(d.id)}
                >
                  {d.title}
                  <span className="ams-visually-hidden">, {sayDocuments(t, 'show')}</span>
                </Button>{' '}
                <Badge
                  color={d.visibility === 'internal' ? 'purple' : 'yellow'}
                  label={sayDocuments(t, d.visibility)}
                />
              </Table.Cell>
              <Table.Cell>{sayDocuments(t, `kind_${d.kind}`)}</Table.Cell>
              <Table.Cell>{sayDocuments(t, `direction_${d.direction}`)}</Table.Cell>
              <Table.Cell align="end">{d.versionCount}</Table.Cell>
              <Table.Cell align="end">{formatSize(d.latest.sizeBytes, t)}</Table.Cell>
              <Table.Cell>{d.latest.uploadedBy.name}</Table.Cell>
              <Table.Cell>{formatDateTime(d.latest.uploadedAt)}</Table.Cell>
              <Table.Cell>
                <DownloadButton
                  caseId={caseId}
                  document={d}
                  version={d.latest}
                  reason={reason}
                  label={sayDocuments(t, 'downloadLatest', { title: d.title })}
                />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableRegion>
  );
}
