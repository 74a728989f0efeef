import {
  Badge,
  Button,
  Column,
  FieldSet,
  Heading,
  Paragraph,
  Radio,
  Row,
  UnorderedList,
} from '@amsterdam/design-system-react';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../api/client';
import { noteVisibilitiesOf } from '../auth/roles';
import { useCurrentUser } from '../auth/use-auth';
import type { FieldError } from '../api/problem';
import { fieldErrorText } from '../common/error-text';
import { errorAt, fieldErrorsOf, TextAreaField } from '../common/form';
import { formatDateTime } from '../common/format';
import { describeError, LoadError, Loading } from '../common/query-state';
import { useAddNote, useCaseNotes } from './api';

type Visibility = 'internal' | 'shared';

/**
 * Notes on the case. Buyers and budget holders see the shared ones only (the API filters);
 * staff choose for each note whether the buyer sees it.
 */
export function NotesSection({ routeId, item }: { routeId: string; item: CaseDto }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const notes = useCaseNotes(routeId);
  const addNote = useAddNote(routeId);
  const visibilities = noteVisibilitiesOf(me.role);
  const [body, setBody] = useState('');
  // Internal first for staff: a note reaches the buyer only when chosen so, note by note.
  const defaultVisibility: Visibility = visibilities[0] ?? 'shared';
  const [visibility, setVisibility] = useState<Visibility>(defaultVisibility);
  const [added, setAdded] = useState(false);
  const errors = fieldErrorsOf(addNote.error);
  // An empty note has its own words; any other rule is said from its code (ADR 23).
  const bodyError = (error: FieldError | undefined) =>
    error && (error.code === 'required' ? t('notes.bodyError') : fieldErrorText(error, t));

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setAdded(false);
    addNote.mutate(
      { caseId: item.id, body: { body, visibility } },
      {
        onSuccess: () => {
          // The next note starts afresh: sharing one note does not share the next.
          setBody('');
          setVisibility(defaultVisibility);
          setAdded(true);
        },
      },
    );
  };

  return (
    <section aria-labelledby="notes-heading" className="ams-mb-xl">
      <Heading level={2} id="notes-heading" className="ams-mb-m">
        {t('notes.title')}
      </Heading>
      {notes.isPending ? (
        <Loading />
      ) : notes.isError ? (
        <LoadError error={notes.error} retry={() => void notes.refetch()} headingLevel={3} />
      ) : notes.data.items.length === 0 ? (
        <Paragraph className="ams-mb-m">{t('notes.none')}</Paragraph>
      ) : (
        <UnorderedList markers={false} className="ams-mb-l" data-testid="notes">
          {notes.data.items.map((note) => (
            <UnorderedList.Item key={note.id} className="brug-note">
              <Row wrap gap="small" alignVertical="center">
                <Paragraph size="small">
                  <strong>{note.author.name}</strong> · {formatDateTime(note.createdAt)}
                </Paragraph>
                <Badge
                  color={note.visibility === 'internal' ? 'purple' : 'yellow'}
                  label={t(`notes.visibility.${note.visibility}`)}
                />
              </Row>
              <Paragraph className="brug-note-body">{note.body}</Paragraph>
            </UnorderedList.Item>
          ))}
        </UnorderedList>
      )}
      {visibilities.length > 0 && (
        <form onSubmit={onSubmit} aria-labelledby="add-note-heading">
          <Heading level={3} id="add-note-heading" className="ams-mb-s">
            {t('notes.add')}
          </Heading>
          <Column>
            <TextAreaField
              id="note-body"
              label={t('notes.body')}
              value={body}
              onChange={setBody}
              error={bodyError(errorAt(errors, 'body'))}
            />
            {visibilities.length > 1 ? (
              <FieldSet legend={t('notes.visibilityLegend')}>
                <Column gap="x-small">
                  {visibilities.map((v) => (
                    <Radio
                      key={v}
                      id={`note-visibility-${v}`}
                      name="note-visibility"
                      value={v}
                      checked={visibility === v}
                      onChange={() => setVisibility(v)}
                    >
                      {t(`notes.visibilityChoice.${v}`)}
                    </Radio>
                  ))}
                </Column>
              </FieldSet>
            ) : (
              <Paragraph size="small">{t('notes.sharedOnly')}</Paragraph>
            )}
            {addNote.isError && errors.length === 0 && (
              <Paragraph className="brug-error-text" role="alert">
                {describeError(addNote.error, t('common.tryAgainLater'))}
              </Paragraph>
            )}
            <div role="status">{added && <Paragraph>{t('notes.added')}</Paragraph>}</div>
            <Row>
              <Button type="submit" variant="secondary" disabled={addNote.isPending}>
                {t('notes.submit')}
              </Button>
            </Row>
          </Column>
        </form>
      )}
    </section>
  );
}
