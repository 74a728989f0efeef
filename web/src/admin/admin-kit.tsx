import {
  Alert,
  Button,
  Checkbox,
  Column,
  FieldSet,
  Heading,
  Paragraph,
  Row,
  UnorderedList,
} from '@amsterdam/design-system-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiProblem } from '../api/problem';
import { errorText, fieldErrorText } from '../common/error-text';
import { ALL_ROLES } from '../auth/roles';
import type { Role } from '../api/client';
import { useDomainNames, useDomains } from '../common/catalogue';
import {
  ErrorSummary,
  FieldErrorMessage,
  FieldHint,
  fieldErrorsOf,
  SelectField,
} from '../common/form';
import { adminChanged, useAllUnits, type Unit } from './api';

/** The administration's own refusals (codes the shared texts do not word), else the shared ones. */
export function adminProblemText(error: unknown, t: TFunction): string {
  const code = error instanceof ApiProblem ? (error.code ?? '') : '';
  switch (code) {
    case 'domain_exists':
    case 'organisation_unit_exists':
    case 'sla_policy_exists':
    case 'routing_rule_not_found':
    case 'sla_policy_not_found':
    case 'designated_day_exists':
    case 'designated_day_not_found':
      return t(`admin.problem.${code}`);
    default:
      return errorText(error, t);
  }
}

/** Whether a change was refused because someone else changed the resource first (412). */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 412;
}

/** The keys whose values differ between two drafts. */
function changedKeys<D extends object>(before: D, after: D): (keyof D)[] {
  return (Object.keys(after) as (keyof D)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}

export interface Editor<T, D> {
  /** The version the form stands on (null: creating). */
  base: T | null;
  draft: D;
  set: <K extends keyof D>(key: K, value: D[K]) => void;
  /** After a 412: the version the person had opened and the one found instead. */
  meanwhile: { before: T; after: T } | null;
  /** Errors the form found itself, by draft key, before sending anything. */
  local: Partial<Record<keyof D, string>>;
  save: ReturnType<typeof useMutation<T, Error, (keyof D)[]>>;
  submit: (event: SubmitEvent) => void;
}

/**
 * A create-or-edit form of a versioned resource. Sends only what the person changed (all of it
 * when creating), with If-Match of the version it stands on (`send` adds it). When someone else
 * changed the resource meanwhile (412) it reads the fresh version, keeps the person's changes on
 * top of it and says what changed, so saving again re-applies them to the new version.
 */
export function useEditor<T extends { version: number }, D extends object>(options: {
  item: T | null;
  empty: D;
  draftOf: (item: T) => D;
  validate?: (draft: D) => Partial<Record<keyof D, string>>;
  send: (base: T | null, draft: D, changed: (keyof D)[]) => Promise<T>;
  reload: (base: T) => Promise<T>;
  onSaved: (saved: T) => void;
}): Editor<T, D> {
  const { item, empty, draftOf, validate, send, reload, onSaved } = options;
  const queryClient = useQueryClient();
  const [base, setBase] = useState<T | null>(item);
  const [draft, setDraft] = useState<D>(() => (item ? draftOf(item) : empty));
  const [meanwhile, setMeanwhile] = useState<{ before: T; after: T } | null>(null);
  const [local, setLocal] = useState<Partial<Record<keyof D, string>>>({});
  const save = useMutation<T, Error, (keyof D)[]>({
    mutationFn: (changed) => send(base, draft, changed),
    onSuccess: (saved) => {
      adminChanged(queryClient);
      onSaved(saved);
    },
    onError: async (error) => {
      if (!base || !isConflict(error)) return;
      const fresh = await reload(base);
      const mine = changedKeys(draftOf(base), draft);
      const next = draftOf(fresh);
      for (const key of mine) next[key] = draft[key];
      setMeanwhile({ before: base, after: fresh });
      setBase(fresh);
      setDraft(next);
      adminChanged(queryClient);
    },
  });
  return {
    base,
    draft,
    set: (key, value) => setDraft((d) => ({ ...d, [key]: value })),
    meanwhile,
    local,
    save,
    submit: (event) => {
      event.preventDefault();
      const found = validate?.(draft) ?? {};
      setLocal(found);
      if (Object.keys(found).length > 0) return;
      const changed = base
        ? changedKeys(draftOf(base), draft)
        : (Object.keys(draft) as (keyof D)[]);
      if (base && changed.length === 0) {
        onSaved(base);
        return;
      }
      save.mutate(changed);
    },
  };
}

/** A field of a resource as the conflict notice shows it: its label and its value in words. */
export interface ShownField<T> {
  label: string;
  show: (item: T) => string;
}

/**
 * The form around an editor: heading, "someone else changed this" with what changed, the error
 * summary (each error linked to its control), a refusal in words, the fields and the buttons.
 * Control ids are `${prefix}-${field}`, the API's field names.
 */
export function EditorForm<T extends { version: number }, D extends object>({
  editor,
  prefix,
  title,
  labels,
  shown,
  onCancel,
  children,
}: {
  editor: Editor<T, D>;
  prefix: string;
  title: string;
  labels: Record<string, string>;
  shown: ShownField<T>[];
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);
  useEffect(() => {
    if (editor.meanwhile) notice.current?.focus();
  }, [editor.meanwhile]);

  const summary = [
    ...Object.entries(editor.local as Record<string, string | undefined>).flatMap(
      ([field, message]) =>
        message
          ? [{ id: `${prefix}-${field}`, label: `${labels[field] ?? field}: ${message}` }]
          : [],
    ),
    ...fieldErrorsOf(editor.save.error).map((e) => {
      const field = topField(e.field);
      return {
        id: `${prefix}-${field}`,
        label: `${labels[field] ?? t('errors.thisField')}: ${fieldErrorText(e, t)}`,
      };
    }),
  ];
  const failure =
    editor.save.isError && !isConflict(editor.save.error) && summary.length === 0
      ? adminProblemText(editor.save.error, t)
      : null;
  const lines = editor.meanwhile
    ? shown
        .map((f) => ({
          label: f.label,
          from: f.show(editor.meanwhile!.before),
          to: f.show(editor.meanwhile!.after),
        }))
        .filter((l) => l.from !== l.to)
    : [];

  return (
    <form
      ref={form}
      onSubmit={editor.submit}
      noValidate
      aria-labelledby={`${prefix}-heading`}
      className="brug-panel"
      data-testid={`${prefix}-form`}
    >
      <Heading level={2} size="level-3" id={`${prefix}-heading`} className="ams-mb-s">
        {title}
      </Heading>
      <div ref={notice} tabIndex={-1}>
        {editor.meanwhile && (
          <Alert
            heading={t('admin.conflict.heading')}
            headingLevel={3}
            severity="warning"
            className="ams-mb-m"
            data-testid="admin-conflict"
          >
            {lines.length > 0 ? (
              <>
                <Paragraph className="ams-mb-xs">{t('admin.conflict.changed')}</Paragraph>
                <UnorderedList className="ams-mb-s">
                  {lines.map((l) => (
                    <UnorderedList.Item key={l.label}>
                      {t('admin.conflict.line', { field: l.label, from: l.from, to: l.to })}
                    </UnorderedList.Item>
                  ))}
                </UnorderedList>
              </>
            ) : (
              <Paragraph className="ams-mb-s">{t('admin.conflict.other')}</Paragraph>
            )}
            <Paragraph>{t('admin.conflict.reapply')}</Paragraph>
          </Alert>
        )}
      </div>
      {summary.length > 0 && <ErrorSummary errors={summary} />}
      {failure && (
        <Alert
          heading={t('admin.failed')}
          headingLevel={3}
          severity="error"
          className="ams-mb-m"
          role="alert"
        >
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      <Column gap="large" className="brug-form">
        {children}
        <Row wrap>
          <Button type="submit" disabled={editor.save.isPending}>
            {editor.save.isPending
              ? t('admin.saving')
              : editor.meanwhile
                ? t('admin.saveAgain')
                : t('admin.save')}
          </Button>
          <Button type="button" variant="tertiary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Row>
      </Column>
    </form>
  );
}

/** `domains[1].code` → `domains`: errors belong to the control of the top-level field. */
function topField(field: string): string {
  return field.split(/[.[]/)[0] ?? field;
}

/** The message for one control: the form's own finding first, else the API's first error. */
export function messageOf<T, D extends object>(
  editor: Editor<T, D>,
  field: keyof D & string,
  t: TFunction,
): string | undefined {
  const local = editor.local[field];
  if (local) return local;
  const found = fieldErrorsOf(editor.save.error).find((e) => topField(e.field) === field);
  return found ? fieldErrorText(found, t) : undefined;
}

/**
 * Several choices in a fieldset; the first checkbox carries `id`, so the error summary's link
 * lands on it.
 */
export function CheckboxGroup<V extends string>({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  options: readonly { value: V; label: string }[];
  value: readonly V[];
  onChange: (value: V[]) => void;
}) {
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <FieldSet legend={legend} invalid={Boolean(error)} aria-describedby={described || undefined}>
      {hint && <FieldHint id={id}>{hint}</FieldHint>}
      {error && <FieldErrorMessage id={id}>{error}</FieldErrorMessage>}
      <Column gap="x-small">
        {options.map((o, i) => (
          <Checkbox
            key={o.value}
            id={i === 0 ? id : `${id}-${o.value}`}
            name={id}
            value={o.value}
            invalid={Boolean(error)}
            checked={value.includes(o.value)}
            onChange={(e) =>
              onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))
            }
          >
            {o.label}
          </Checkbox>
        ))}
      </Column>
    </FieldSet>
  );
}

/** "Active" for resources that are switched off rather than deleted. */
export function ActiveField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: boolean;
  onChange: (value: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <Checkbox
        id={id}
        name={id}
        checked={value}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.checked)}
      >
        {t('admin.active')}
      </Checkbox>
      <FieldHint id={id}>{t('admin.activeHint')}</FieldHint>
    </div>
  );
}

/** A polite announcement of what was just saved (a live region that is always there). */
export function SavedNotice({ message }: { message: string | null }) {
  return (
    <div role="status" className="ams-mb-m" data-testid="admin-saved">
      {message && <Alert heading={message} headingLevel={2} severity="success" />}
    </div>
  );
}

/**
 * What a list page of one resource does: either the "add" button or the form that is open
 * (create, or edit one row), and the message after a save.
 */
export function useListPage<K>() {
  const [open, setOpen] = useState<{ mode: 'create' } | { mode: 'edit'; key: K } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return {
    open,
    notice,
    editKey: open?.mode === 'edit' ? open.key : undefined,
    startCreate: () => {
      setNotice(null);
      setOpen({ mode: 'create' });
    },
    startEdit: (key: K) => {
      setNotice(null);
      setOpen({ mode: 'edit', key });
    },
    close: (message?: string) => {
      setOpen(null);
      setNotice(message ?? null);
    },
  };
}

/** The "edit" button of a table row, naming the row for screen readers. */
export function EditButton({ name, onClick }: { name: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button variant="tertiary" onClick={onClick}>
      {t('admin.edit')}
      <span className="ams-visually-hidden">: {name}</span>
    </Button>
  );
}

/** Yes, or "switched off". */
export function activeText(active: boolean, t: TFunction): string {
  return active ? t('admin.yes') : t('admin.inactive');
}

/** A unit as an option and in a table: its name and whose it is (the City's or MeentCoop's). */
export function unitLabel(unit: Pick<Unit, 'name' | 'kind'>, t: TFunction): string {
  return unit.kind === 'municipal'
    ? t('admin.users.kindMunicipal', { name: unit.name })
    : t('admin.users.kindTeam', { name: unit.name });
}

/** The draft fields of what a person may do in Brug: role, unit or team, and domains. */
export interface AssignmentDraft {
  role: Role;
  organisationUnitId: string;
  domains: string[];
}

/**
 * The role, the unit or team (active ones, and the one already chosen) and, for a budget
 * holder, the domains: the same three controls wherever a person's assignment is set (a user,
 * a sign-in mapping). Control ids are `${prefix}-role` and so on, the API's field names.
 */
export function AssignmentFields<T extends { version: number }, D extends AssignmentDraft>({
  editor,
  prefix,
  labels,
}: {
  editor: Editor<T, D>;
  prefix: string;
  labels: { role: string; organisationUnitId: string; domains: string };
}) {
  const { t } = useTranslation();
  const units = useAllUnits();
  const domains = useDomains();
  const domainName = useDomainNames();
  const unitOptions = (units.data ?? [])
    .filter((u) => u.active || u.id === editor.draft.organisationUnitId)
    .map((u) => ({ value: u.id, label: unitLabel(u, t) }));
  // `set` is typed by D; these keys are AssignmentDraft's, which every D has.
  const set = editor.set as <K extends keyof AssignmentDraft>(
    key: K,
    value: AssignmentDraft[K],
  ) => void;
  return (
    <>
      <SelectField
        id={`${prefix}-role`}
        label={labels.role}
        value={editor.draft.role}
        onChange={(v) => set('role', v || 'buyer')}
        options={ALL_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        error={messageOf(editor, 'role', t)}
      />
      <SelectField
        id={`${prefix}-organisationUnitId`}
        label={labels.organisationUnitId}
        hint={t('admin.users.unitHint')}
        value={editor.draft.organisationUnitId}
        onChange={(v) => set('organisationUnitId', v)}
        options={unitOptions}
        placeholder={t('admin.users.noUnit')}
        error={messageOf(editor, 'organisationUnitId', t)}
      />
      {editor.draft.role === 'budget_holder' && (
        <CheckboxGroup
          id={`${prefix}-domains`}
          legend={labels.domains}
          hint={t('admin.users.domainsHint')}
          options={(domains.data ?? []).map((d) => ({ value: d.code, label: domainName(d.code) }))}
          value={editor.draft.domains}
          onChange={(v) => set('domains', v)}
          error={messageOf(editor, 'domains', t)}
        />
      )}
    </>
  );
}
