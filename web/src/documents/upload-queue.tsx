import { Button, Paragraph, Row } from '@amsterdam/design-system-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentKeys, startUpload, type DocumentDto, type NewDocumentFields } from './api';
import { documentErrorText, formatSize, sayDocuments } from './document-text';

export type UploadState = 'waiting' | 'uploading' | 'done' | 'cancelled' | 'failed';

export interface QueuedFile {
  key: number;
  file: File;
  state: UploadState;
  sent: number;
  error?: string;
}

type Target = { fields: (file: File) => NewDocumentFields } | { document: DocumentDto };

/**
 * Files waiting, going up (one at a time) and done, each with its own progress, its own cancel
 * and its own error: what went wrong is said at the file it concerns.
 */
export function useUploadQueue(caseId: string, onUploaded?: (document: DocumentDto) => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<QueuedFile[]>([]);
  const nextKey = useRef(1);
  const current = useRef<{ key: number; abort: () => Promise<void> } | null>(null);
  const [busy, setBusy] = useState(false);

  const update = (key: number, change: Partial<QueuedFile>) =>
    setFiles((all) => all.map((f) => (f.key === key ? { ...f, ...change } : f)));

  const add = (chosen: Iterable<File>) => {
    const added = [...chosen].map((file) => ({
      key: nextKey.current++,
      file,
      state: 'waiting' as const,
      sent: 0,
    }));
    setFiles((all) => [...all.filter((f) => f.state !== 'done'), ...added]);
  };

  const remove = (key: number) => setFiles((all) => all.filter((f) => f.key !== key));

  const uploadOne = (item: QueuedFile, target: Target) =>
    new Promise<void>((resolve) => {
      update(item.key, { state: 'uploading', sent: 0, error: undefined });
      const handle = startUpload(
        caseId,
        item.file,
        'fields' in target ? { fields: target.fields(item.file) } : target,
        {
          onProgress: (sent) => update(item.key, { sent }),
          onSuccess: (document) => {
            update(item.key, { state: 'done', sent: item.file.size });
            void queryClient.invalidateQueries({ queryKey: documentKeys.all(caseId) });
            onUploaded?.(document);
            resolve();
          },
          onError: (error) => {
            update(item.key, { state: 'failed', error: documentErrorText(error, t) });
            resolve();
          },
        },
      );
      current.current = {
        key: item.key,
        abort: async () => {
          await handle.abort();
          update(item.key, { state: 'cancelled' });
          resolve();
        },
      };
    });

  /** Uploads every waiting file in turn (a new document each, or versions of `document`). */
  const start = async (target: Target) => {
    setBusy(true);
    try {
      for (const item of files.filter((f) => f.state === 'waiting' || f.state === 'failed')) {
        await uploadOne(item, target);
      }
    } finally {
      current.current = null;
      setBusy(false);
    }
  };

  const cancel = (key: number) => {
    if (current.current?.key === key) void current.current.abort();
  };

  const clear = () => setFiles([]);

  return { files, add, remove, start, cancel, clear, busy };
}

/** One file in the queue: its name and size, then its progress, state or error. */
export function QueuedFileRow({
  item,
  onCancel,
  onRemove,
}: {
  item: QueuedFile;
  onCancel: () => void;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const name = item.file.name;
  const percent = item.file.size ? Math.floor((item.sent / item.file.size) * 100) : 100;
  return (
    <li className="brug-upload" data-testid="upload-item" data-state={item.state}>
      <Row wrap gap="small" alignVertical="center">
        <Paragraph>
          <strong>{name}</strong> ({formatSize(item.file.size, t)})
        </Paragraph>
        {item.state === 'waiting' && onRemove && (
          <Button variant="tertiary" onClick={onRemove}>
            {sayDocuments(t, 'remove', { name })}
          </Button>
        )}
      </Row>
      {item.state === 'uploading' && (
        <Row wrap gap="small" alignVertical="center">
          <progress
            className="brug-upload-progress"
            max={item.file.size || 1}
            value={item.sent}
            aria-label={sayDocuments(t, 'progress', { name })}
          />
          <Paragraph size="small">
            {sayDocuments(t, 'progressText', { percent, size: formatSize(item.file.size, t) })}
          </Paragraph>
          <Button variant="secondary" onClick={onCancel}>
            <span aria-hidden="true">{sayDocuments(t, 'cancel')}</span>
            <span className="ams-visually-hidden">{sayDocuments(t, 'cancelFile', { name })}</span>
          </Button>
        </Row>
      )}
      <div role="status">
        {item.state === 'waiting' && (
          <Paragraph size="small">{sayDocuments(t, 'waiting')}</Paragraph>
        )}
        {item.state === 'done' && <Paragraph size="small">{sayDocuments(t, 'uploaded')}</Paragraph>}
        {item.state === 'cancelled' && (
          <Paragraph size="small">{sayDocuments(t, 'cancelled')}</Paragraph>
        )}
      </div>
      {item.state === 'failed' && (
        <Paragraph className="brug-error-text" role="alert">
          {sayDocuments(t, 'failed', { reason: item.error ?? '' })}
        </Paragraph>
      )}
    </li>
  );
}
