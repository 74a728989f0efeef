import {
  Button,
  Column,
  Field,
  FieldSet,
  FileInput,
  Heading,
  Label,
  Paragraph,
  Radio,
  Row,
} from '@amsterdam/design-system-react';
import { useState, type DragEvent, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { noteVisibilitiesOf } from '../auth/roles';
import { useCurrentUser } from '../auth/use-auth';
import { FieldErrorMessage, FieldHint, SelectField, TextField } from '../common/form';
import {
  DOCUMENT_DIRECTIONS,
  DOCUMENT_KINDS,
  type DocumentDirection,
  type DocumentKind,
  type DocumentVisibility,
} from './api';
import { sayDocuments } from './document-text';
import { QueuedFileRow, useUploadQueue } from './upload-queue';

/** A file's name without its extension: the title when none is given. */
const titleOf = (file: File) => file.name.replace(/\.[^.]+$/, '').slice(0, 200) || file.name;

/**
 * Adding documents: the fields they share (title, kind, direction, and for staff who sees
 * them), then files chosen or dropped; each goes up with its own progress bar and cancel button.
 */
export function UploadForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const visibilities = noteVisibilitiesOf(me.role);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<DocumentKind | ''>('');
  const [direction, setDirection] = useState<DocumentDirection | ''>('');
  const [visibility, setVisibility] = useState<DocumentVisibility>(visibilities[0] ?? 'shared');
  const [checked, setChecked] = useState(false);
  const [dragging, setDragging] = useState(false);
  const queue = useUploadQueue(caseId);

  const waiting = queue.files.filter((f) => f.state === 'waiting' || f.state === 'failed');
  const kindError = checked && !kind ? t('errors.field.required') : undefined;
  const directionError = checked && !direction ? t('errors.field.required') : undefined;
  const filesError = checked && waiting.length === 0 ? sayDocuments(t, 'chooseFirst') : undefined;

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!kind || !direction || waiting.length === 0 || queue.busy) return;
    void queue
      .start({
        fields: (file) => ({ title: title.trim() || titleOf(file), kind, direction, visibility }),
      })
      .then(() => setChecked(false));
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (event.dataTransfer.files.length) queue.add([...event.dataTransfer.files]);
  };

  return (
    <form onSubmit={onSubmit} aria-labelledby="add-documents-heading" noValidate>
      <Heading level={3} id="add-documents-heading" className="ams-mb-s">
        {sayDocuments(t, 'add')}
      </Heading>
      <Column>
        <TextField
          id="document-title"
          label={sayDocuments(t, 'fieldTitle')}
          hint={sayDocuments(t, 'fieldTitleHint')}
          optional
          value={title}
          onChange={setTitle}
          maxLength={200}
        />
        <SelectField
          id="document-kind"
          label={sayDocuments(t, 'fieldKind')}
          value={kind}
          onChange={setKind}
          error={kindError}
          placeholder=""
          options={DOCUMENT_KINDS.map((k) => ({ value: k, label: sayDocuments(t, `kind_${k}`) }))}
        />
        <SelectField
          id="document-direction"
          label={sayDocuments(t, 'fieldDirection')}
          value={direction}
          onChange={setDirection}
          error={directionError}
          placeholder=""
          options={DOCUMENT_DIRECTIONS.map((d) => ({
            value: d,
            label: sayDocuments(t, `direction_${d}`),
          }))}
        />
        {visibilities.length > 1 ? (
          <FieldSet legend={sayDocuments(t, 'fieldVisibility')}>
            <Column gap="x-small">
              {visibilities.map((v) => (
                <Radio
                  key={v}
                  id={`document-visibility-${v}`}
                  name="document-visibility"
                  value={v}
                  checked={visibility === v}
                  onChange={() => setVisibility(v)}
                >
                  {sayDocuments(t, `visibilityChoice_${v}`)}
                </Radio>
              ))}
            </Column>
          </FieldSet>
        ) : (
          <Paragraph size="small">{sayDocuments(t, 'sharedOnly')}</Paragraph>
        )}
        <div
          className={`brug-drop-zone${dragging ? ' brug-drop-zone-active' : ''}`}
          data-testid="drop-zone"
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <Field invalid={Boolean(filesError)}>
            <Label htmlFor="document-files">{sayDocuments(t, 'fieldFiles')}</Label>
            <FieldHint id="document-files">
              {sayDocuments(t, 'addIntro')} {sayDocuments(t, 'dropHere')}
            </FieldHint>
            {filesError && <FieldErrorMessage id="document-files">{filesError}</FieldErrorMessage>}
            <FileInput
              id="document-files"
              multiple
              aria-describedby={`document-files-hint${filesError ? ' document-files-error' : ''}`}
              aria-invalid={filesError ? true : undefined}
              onChange={(event) => {
                if (event.target.files?.length) queue.add([...event.target.files]);
                // The same file may be chosen again (after a fix, or a cancel).
                event.target.value = '';
              }}
            />
          </Field>
        </div>
        {queue.files.length > 0 && (
          <ul className="brug-upload-list" aria-label={sayDocuments(t, 'chosen')}>
            {queue.files.map((item) => (
              <QueuedFileRow
                key={item.key}
                item={item}
                onCancel={() => queue.cancel(item.key)}
                onRemove={queue.busy ? undefined : () => queue.remove(item.key)}
              />
            ))}
          </ul>
        )}
        <Row>
          <Button type="submit" disabled={queue.busy}>
            {sayDocuments(t, 'upload')}
          </Button>
        </Row>
      </Column>
    </form>
  );
}
