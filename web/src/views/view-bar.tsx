import { Alert, Button, Checkbox, Column, Paragraph, Row } from '@amsterdam/design-system-react';
import { useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiProblem } from '../api/problem';
import { useCurrentUser } from '../auth/use-auth';
import { errorTextAt, fieldErrorsOf, SelectField, TextField } from '../common/form';
import { describeError } from '../common/query-state';
import { useViewChanges, useViews, type View, type ViewColumn, type ViewFilters } from './api';
import { paramsOfView } from './view-params';

/** What the page shows now: saved as a new view, or into the open one. */
export interface AppliedView {
  filters: ViewFilters;
  sort: View['sort'];
  columns: ViewColumn[];
}

/** A view's name as the reader reads it: built-in views worded in their language. */
export function useViewName(): (view: View) => string {
  const { t } = useTranslation();
  return (view) =>
    view.builtIn
      ? t(`views.builtin_${view.builtIn}`)
      : view.owner && !view.mayChange
        ? t('views.sharedBy', { name: view.name, owner: view.owner.name })
        : view.name;
}

/**
 * The view picker above a case list (issue 19, item 1): open a built-in, own or shared view (its
 * filters, sort and columns go into the address, so the link is the view), save what is shown as
 * a new view, save changes into one's own view, or delete it.
 */
export function ViewBar({ applied }: { applied: AppliedView }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const views = useViews();
  const changes = useViewChanges();
  const nameOf = useViewName();
  const viewId = params.get('view');
  const current = views.data?.find((v) => v.id === viewId) ?? null;
  const [naming, setNaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [draft, setDraft] = useState({ name: '', shared: false });
  const [message, setMessage] = useState<string | null>(null);

  // A link that names only the view (`?view=<id>`) opens it with its filters.
  const onlyView = viewId !== null && [...params.keys()].every((k) => k === 'view');
  useEffect(() => {
    if (onlyView && current) setParams(paramsOfView(current), { replace: true });
  }, [onlyView, current, setParams]);

  const mayKeep = me.role !== 'auditor';
  const shareLabel =
    me.role === 'staff' ? t('views.shareTeam') : me.role === 'buyer' ? t('views.shareUnit') : null;
  const open = (id: string) => {
    setMessage(null);
    const view = views.data?.find((v) => v.id === id);
    setParams(view ? paramsOfView(view) : new URLSearchParams());
  };
  const saveNew = (event: SubmitEvent) => {
    event.preventDefault();
    changes.create.mutate(
      { name: draft.name, shared: draft.shared, ...applied },
      {
        onSuccess: (view) => {
          setNaming(false);
          setDraft({ name: '', shared: false });
          setMessage(t('views.saved', { name: view.name }));
          setParams(paramsOfView(view));
        },
      },
    );
  };
  const saveChanges = (view: View) =>
    changes.update.mutate(
      { view, body: applied },
      {
        onSuccess: (saved) => {
          setMessage(t('views.saved', { name: saved.name }));
          setParams(paramsOfView(saved));
        },
      },
    );
  const remove = (view: View) =>
    changes.remove.mutate(view, {
      onSuccess: () => {
        setConfirming(false);
        setMessage(t('views.deleted', { name: view.name }));
        setParams(new URLSearchParams());
      },
    });

  const createErrors = fieldErrorsOf(changes.create.error);
  const failure = changes.update.error ?? changes.remove.error;
  const options = (views.data ?? []).map((v) => ({ value: v.id, label: nameOf(v) }));

  return (
    <section aria-label={t('views.label')} className="ams-mb-l brug-views">
      <Row wrap gap="large" alignVertical="end">
        <SelectField
          id="view-choice"
          label={t('views.label')}
          value={current?.id ?? ''}
          onChange={open}
          options={options}
          placeholder={t('views.none')}
        />
        {current?.mayChange && (
          <>
            <Button
              variant="secondary"
              disabled={changes.update.isPending}
              onClick={() => saveChanges(current)}
            >
              {t('views.saveChanges', { name: current.name })}
            </Button>
            <Button variant="tertiary" onClick={() => setConfirming(true)}>
              {t('views.delete', { name: current.name })}
            </Button>
          </>
        )}
        {mayKeep && !naming && (
          <Button variant="secondary" onClick={() => setNaming(true)}>
            {t('views.saveAsNew')}
          </Button>
        )}
      </Row>
      {confirming && current && (
        <Alert
          heading={t('views.deleteConfirm', { name: current.name })}
          headingLevel={2}
          severity="warning"
          className="ams-mt-m"
        >
          <Row gap="large">
            <Button onClick={() => remove(current)} disabled={changes.remove.isPending}>
              {t('views.deleteYes')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('views.cancel')}
            </Button>
          </Row>
        </Alert>
      )}
      {naming && (
        <form onSubmit={saveNew} aria-label={t('views.saveAsNew')} className="ams-mt-m">
          <Column gap="large">
            <TextField
              id="view-name"
              label={t('views.name')}
              hint={t('views.nameHint')}
              value={draft.name}
              maxLength={100}
              error={errorTextAt(createErrors, 'name', t)}
              onChange={(name) => setDraft((d) => ({ ...d, name }))}
            />
            {shareLabel && (
              <Checkbox
                id="view-shared"
                checked={draft.shared}
                onChange={(e) => setDraft((d) => ({ ...d, shared: e.target.checked }))}
              >
                {shareLabel}
              </Checkbox>
            )}
            {changes.create.isError && createErrors.length === 0 && (
              <Paragraph>
                {describeError(changes.create.error, t('common.tryAgainLater'))}
              </Paragraph>
            )}
            <Row gap="large">
              <Button type="submit" disabled={changes.create.isPending}>
                {t('views.save')}
              </Button>
              <Button variant="secondary" onClick={() => setNaming(false)}>
                {t('views.cancel')}
              </Button>
            </Row>
          </Column>
        </form>
      )}
      <div role="status" className="ams-mt-m">
        {message && <Paragraph>{message}</Paragraph>}
      </div>
      {failure && (
        <Alert heading={t('views.failed')} headingLevel={2} severity="error" className="ams-mt-m">
          <Paragraph>
            {failure instanceof ApiProblem && failure.status === 412
              ? t('views.stale')
              : describeError(failure, t('common.tryAgainLater'))}
          </Paragraph>
        </Alert>
      )}
    </section>
  );
}
