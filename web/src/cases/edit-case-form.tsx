import {
  Alert,
  Button,
  Column,
  FieldSet,
  Heading,
  Paragraph,
  UnorderedList,
} from '@amsterdam/design-system-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  api,
  call,
  ifMatch,
  type CaseDto,
  type Priority,
  type ProcurementKind,
  type ProcurementStage,
} from '../api/client';
import { ApiProblem } from '../api/problem';
import { useDomainNames, useDomains } from '../common/catalogue';
import { DateField, useDateError } from '../common/date-field';
import {
  ErrorSummary,
  errorAt,
  fieldErrorsOf,
  SelectField,
  TextAreaField,
  TextField,
  SubmitOrCancel,
} from '../common/form';
import {
  centsToInput,
  dateToInput,
  formatDate,
  formatEuro,
  parseDateInput,
  parseEuroToCents,
} from '../common/format';
import { describeError } from '../common/query-state';
import { AffectedDomainsFieldSet } from './affected-domains-field';
import { caseChanged, caseKeys, type UpdateCaseBody } from './api';
import { PRIORITIES, PROCUREMENT_KINDS, PROCUREMENT_STAGES } from './case-vocabulary';
import { sayFunding } from '../funding/funding-text';

type T = ReturnType<typeof useTranslation>['t'];
type Field = CaseDto['editableFields'][number];

/** What the form edits: the case's fields as a person types them. */
interface Draft {
  title: string;
  description: string;
  tenderReference: string;
  procurementStage: ProcurementStage;
  procurementKind: ProcurementKind | '';
  estimatedValue: string;
  deadline: string;
  leadDomain: string;
  affectedDomains: string[];
  priority: Priority;
}

/** The fields of the form, in its order (the assignee has its own buttons). */
const FORM_FIELDS = [
  'title',
  'description',
  'tenderReference',
  'procurementStage',
  'procurementKind',
  'estimatedValueCents',
  'deadline',
  'domains',
  'priority',
] as const satisfies readonly Field[];
type FormField = (typeof FORM_FIELDS)[number];

const CONTROL_OF: Record<FormField, string> = {
  title: 'edit-title',
  description: 'edit-description',
  tenderReference: 'edit-tender-reference',
  procurementStage: 'edit-stage',
  procurementKind: 'edit-kind',
  estimatedValueCents: 'edit-value',
  deadline: 'edit-deadline',
  domains: 'edit-lead-domain',
  priority: 'edit-priority',
};

function draftOf(item: CaseDto): Draft {
  return {
    title: item.title,
    description: item.description,
    tenderReference: item.tenderReference ?? '',
    procurementStage: item.procurementStage,
    procurementKind: item.procurementKind ?? '',
    estimatedValue: centsToInput(item.estimatedValueCents),
    deadline: item.deadline ? dateToInput(item.deadline) : '',
    leadDomain: item.domains.find((d) => d.role === 'lead')?.code ?? '',
    affectedDomains: item.domains.filter((d) => d.role === 'affected').map((d) => d.code),
    priority: item.priority,
  };
}

/** A field's value as the API has it, for comparing a draft with a version of the case. */
function valueOf(draft: Draft, field: FormField): unknown {
  switch (field) {
    case 'estimatedValueCents':
      return parseEuroToCents(draft.estimatedValue) ?? draft.estimatedValue;
    case 'deadline':
      return draft.deadline.trim() === ''
        ? null
        : (parseDateInput(draft.deadline) ?? draft.deadline);
    case 'tenderReference':
      return draft.tenderReference.trim() === '' ? null : draft.tenderReference;
    case 'procurementKind':
      return draft.procurementKind || null;
    case 'domains':
      return [draft.leadDomain, ...[...draft.affectedDomains].sort()].join(',');
    case 'title':
    case 'description':
    case 'procurementStage':
    case 'priority':
      return draft[field];
  }
}

/** The fields the person changed: only those are sent, so a re-applied edit touches nothing else. */
function changedFields(base: Draft, draft: Draft, editable: readonly Field[]): FormField[] {
  return FORM_FIELDS.filter((f) => editable.includes(f) && valueOf(base, f) !== valueOf(draft, f));
}

function bodyOf(draft: Draft, fields: FormField[]): UpdateCaseBody {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    switch (field) {
      case 'estimatedValueCents': {
        // Left out when it does not read as an amount: the form says so itself.
        const cents = parseEuroToCents(draft.estimatedValue);
        if (cents !== null) body.estimatedValueCents = cents;
        break;
      }
      case 'deadline':
        body.deadline = draft.deadline.trim() === '' ? null : parseDateInput(draft.deadline);
        break;
      case 'tenderReference':
        body.tenderReference = draft.tenderReference.trim() === '' ? null : draft.tenderReference;
        break;
      case 'procurementKind':
        body.procurementKind = draft.procurementKind || null;
        break;
      case 'domains':
        body.domains = [
          ...(draft.leadDomain ? [{ code: draft.leadDomain, role: 'lead' }] : []),
          ...draft.affectedDomains
            .filter((c) => c !== draft.leadDomain)
            .map((code) => ({ code, role: 'affected' })),
        ];
        break;
      case 'title':
      case 'description':
      case 'procurementStage':
      case 'priority':
        body[field] = draft[field];
    }
  }
  return body;
}

/** One line of "what changed meanwhile": the field, its old and its new value, readable. */
interface ChangeLine {
  field: FormField;
  from: string;
  to: string;
}

function describeChanges(
  before: CaseDto,
  after: CaseDto,
  t: T,
  domainName: (code: string) => string,
): ChangeLine[] {
  const shown = (item: CaseDto, field: FormField): string => {
    switch (field) {
      case 'estimatedValueCents':
        return formatEuro(item.estimatedValueCents);
      case 'deadline':
        return item.deadline ? formatDate(item.deadline) : t('common.none');
      case 'tenderReference':
        return item.tenderReference ?? t('common.none');
      case 'procurementStage':
        return t(`stage.${item.procurementStage}`);
      case 'procurementKind':
        return item.procurementKind
          ? sayFunding(t, `kind_${item.procurementKind}`)
          : sayFunding(t, 'procurementKindUnknown');
      case 'priority':
        return t(`priority.${item.priority}`);
      case 'domains':
        return item.domains
          .map((d) =>
            d.role === 'lead'
              ? t('editCase.leadDomainValue', { domain: domainName(d.code) })
              : domainName(d.code),
          )
          .join(', ');
      case 'description':
        return item.description || t('common.none');
      case 'title':
        return item.title;
    }
  };
  return FORM_FIELDS.map((field) => ({
    field,
    from: shown(before, field),
    to: shown(after, field),
  })).filter((line) => line.from !== line.to);
}

function fieldLabel(field: FormField, t: T): string {
  switch (field) {
    case 'title':
      return t('case.title');
    case 'description':
      return t('case.description');
    case 'tenderReference':
      return t('case.tenderReference');
    case 'procurementStage':
      return t('case.procurementStage');
    case 'procurementKind':
      return sayFunding(t, 'procurementKind');
    case 'estimatedValueCents':
      return t('case.estimatedValue');
    case 'deadline':
      return t('case.deadline');
    case 'domains':
      return t('fileCase.domains');
    case 'priority':
      return t('case.priority');
  }
}

/**
 * "Edit" on the case page, for whom the API lets edit (`editableFields`): a form prefilled from
 * the case, sent with If-Match of the version it was opened with. When someone else changed the
 * case meanwhile (412), it shows what changed, field by field, from the case fetched fresh, and
 * keeps the person's own changes on top of the new version to send again.
 */
export function EditCaseSection({ routeId, item }: { routeId: string; item: CaseDto }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const editable = item.editableFields.filter((f) =>
    (FORM_FIELDS as readonly string[]).includes(f),
  );
  if (editable.length === 0 && !saved) return null;
  return (
    <section aria-labelledby="edit-heading" className="ams-mb-xl" data-testid="edit-case">
      <Heading level={2} id="edit-heading" className="ams-mb-m">
        {t('editCase.title')}
      </Heading>
      <div role="status">
        {saved && !open && (
          <Alert
            heading={t('editCase.saved')}
            headingLevel={3}
            severity="success"
            className="ams-mb-m"
          />
        )}
      </div>
      {open ? (
        <EditCaseForm
          routeId={routeId}
          opened={item}
          onDone={() => {
            setOpen(false);
            setSaved(true);
          }}
          onCancel={() => setOpen(false)}
        />
      ) : (
        editable.length > 0 && (
          <Button
            variant="secondary"
            onClick={() => {
              setSaved(false);
              setOpen(true);
            }}
          >
            {t('editCase.open')}
          </Button>
        )
      )}
    </section>
  );
}

function EditCaseForm({
  routeId,
  opened,
  onDone,
  onCancel,
}: {
  routeId: string;
  opened: CaseDto;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const domains = useDomains();
  const domainName = useDomainNames();
  const dateError = useDateError();
  // The version the form stands on: the one it was opened with, or the fresh one after a 412.
  const [base, setBase] = useState<CaseDto>(opened);
  const [draft, setDraft] = useState<Draft>(() => draftOf(opened));
  const [meanwhile, setMeanwhile] = useState<ChangeLine[] | null>(null);
  const [localErrors, setLocalErrors] = useState<FormField[]>([]);
  const form = useRef<HTMLFormElement>(null);
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }, []);
  useEffect(() => {
    if (meanwhile) notice.current?.focus();
  }, [meanwhile]);

  const save = useMutation({
    mutationFn: (body: UpdateCaseBody) =>
      call(
        api.PATCH('/cases/{id}', {
          params: { path: { id: base.id }, header: ifMatch(base.version) },
          body,
        }),
      ),
    onSuccess: (updated) => {
      caseChanged(queryClient, routeId, updated);
      onDone();
    },
    onError: async (error) => {
      if (!(error instanceof ApiProblem && error.status === 412)) return;
      // Someone else changed the case: read it fresh, show what changed, keep my changes.
      const fresh = await call(api.GET('/cases/{id}', { params: { path: { id: base.id } } }));
      const mine = changedFields(draftOf(base), draft, base.editableFields);
      const next = draftOf(fresh);
      for (const field of mine) {
        if (field === 'domains') {
          next.leadDomain = draft.leadDomain;
          next.affectedDomains = draft.affectedDomains;
        } else if (field === 'estimatedValueCents') {
          next.estimatedValue = draft.estimatedValue;
        } else {
          (next as unknown as Record<string, unknown>)[field] = draft[field];
        }
      }
      setMeanwhile(describeChanges(base, fresh, t, domainName));
      setBase(fresh);
      setDraft(next);
      queryClient.setQueryData(caseKeys.one(routeId), fresh);
    },
  });

  const editable = base.editableFields;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const problems: FormField[] = [];
    if (
      editable.includes('estimatedValueCents') &&
      parseEuroToCents(draft.estimatedValue) === null
    ) {
      problems.push('estimatedValueCents');
    }
    if (
      editable.includes('deadline') &&
      draft.deadline.trim() !== '' &&
      parseDateInput(draft.deadline) === null
    ) {
      problems.push('deadline');
    }
    setLocalErrors(problems);
    if (problems.length) return;
    const fields = changedFields(draftOf(base), draft, editable);
    if (fields.length === 0) {
      onCancel();
      return;
    }
    setMeanwhile(null);
    save.mutate(bodyOf(draft, fields));
  };

  const apiErrors = fieldErrorsOf(save.error);
  const messageFor = (field: FormField): string | undefined => {
    if (localErrors.includes(field)) {
      return field === 'deadline' ? dateError : t('fileCase.errors.estimatedValue');
    }
    if (!errorAt(apiErrors, field)) return undefined;
    switch (field) {
      case 'title':
        return t('fileCase.errors.title');
      case 'estimatedValueCents':
        return t('fileCase.errors.estimatedValue');
      case 'deadline':
        return dateError;
      case 'domains':
        return t('fileCase.errors.domains');
      case 'description':
      case 'tenderReference':
      case 'procurementStage':
      case 'procurementKind':
      case 'priority':
        return t('editCase.errors.invalid');
    }
  };
  const summary = FORM_FIELDS.flatMap((f) => {
    const message = messageFor(f);
    return message ? [{ id: CONTROL_OF[f], label: `${fieldLabel(f, t)}: ${message}` }] : [];
  });
  const stale = save.error instanceof ApiProblem && save.error.status === 412;
  const otherFailure =
    save.isError && apiErrors.length === 0 && !stale
      ? save.error instanceof ApiProblem && save.error.status === 409
        ? t('editCase.notEditable')
        : describeError(save.error, t('common.tryAgainLater'))
      : null;
  const domainOptions = (domains.data ?? []).map((d) => ({
    value: d.code,
    label: domainName(d.code),
  }));

  return (
    <form
      ref={form}
      onSubmit={submit}
      noValidate
      aria-labelledby="edit-form-heading"
      className="brug-panel"
      data-testid="edit-case-form"
    >
      <Heading level={3} id="edit-form-heading" className="ams-mb-s">
        {t('editCase.formTitle', { reference: base.reference })}
      </Heading>
      <div ref={notice} tabIndex={-1}>
        {meanwhile && (
          <Alert
            heading={t('editCase.meanwhile')}
            headingLevel={4}
            severity="warning"
            className="ams-mb-m"
            data-testid="edit-meanwhile"
          >
            {meanwhile.length > 0 ? (
              <UnorderedList className="ams-mb-s">
                {meanwhile.map((line) => (
                  <UnorderedList.Item key={line.field}>
                    {t('editCase.changeLine', {
                      field: fieldLabel(line.field, t),
                      from: line.from,
                      to: line.to,
                    })}
                  </UnorderedList.Item>
                ))}
              </UnorderedList>
            ) : (
              <Paragraph className="ams-mb-s">{t('editCase.meanwhileOther')}</Paragraph>
            )}
            <Paragraph>{t('editCase.reapply')}</Paragraph>
          </Alert>
        )}
      </div>
      {summary.length > 0 && <ErrorSummary errors={summary} />}
      {otherFailure && (
        <Alert
          heading={t('editCase.failed')}
          headingLevel={4}
          severity="error"
          className="ams-mb-m"
          role="alert"
        >
          <Paragraph>{otherFailure}</Paragraph>
        </Alert>
      )}
      <Column gap="large" className="brug-form">
        {editable.includes('title') && (
          <TextField
            id="edit-title"
            label={t('case.title')}
            value={draft.title}
            onChange={(v) => set('title', v)}
            error={messageFor('title')}
            maxLength={200}
          />
        )}
        {editable.includes('description') && (
          <TextAreaField
            id="edit-description"
            label={t('case.description')}
            optional
            value={draft.description}
            onChange={(v) => set('description', v)}
            error={messageFor('description')}
            rows={5}
          />
        )}
        {editable.includes('tenderReference') && (
          <TextField
            id="edit-tender-reference"
            label={t('case.tenderReference')}
            optional
            value={draft.tenderReference}
            onChange={(v) => set('tenderReference', v)}
            error={messageFor('tenderReference')}
            maxLength={100}
          />
        )}
        {editable.includes('procurementStage') && (
          <SelectField
            id="edit-stage"
            label={t('case.procurementStage')}
            value={draft.procurementStage}
            onChange={(v) => set('procurementStage', v || 'planning')}
            options={PROCUREMENT_STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
            error={messageFor('procurementStage')}
          />
        )}
        {editable.includes('procurementKind') && (
          <SelectField
            id="edit-kind"
            label={sayFunding(t, 'procurementKind')}
            hint={sayFunding(t, 'procurementKindHint')}
            optional
            value={draft.procurementKind}
            onChange={(v) => set('procurementKind', v)}
            placeholder={sayFunding(t, 'procurementKindUnknown')}
            options={PROCUREMENT_KINDS.map((k) => ({
              value: k,
              label: sayFunding(t, `kind_${k}`),
            }))}
            error={messageFor('procurementKind')}
          />
        )}
        {editable.includes('estimatedValueCents') && (
          <TextField
            id="edit-value"
            label={t('case.estimatedValue')}
            hint={t('fileCase.valueHint')}
            inputMode="decimal"
            value={draft.estimatedValue}
            onChange={(v) => set('estimatedValue', v)}
            error={messageFor('estimatedValueCents')}
          />
        )}
        {editable.includes('deadline') && (
          <DateField
            id="edit-deadline"
            label={t('case.deadline')}
            optional
            value={draft.deadline}
            onChange={(v) => set('deadline', v)}
            error={messageFor('deadline')}
          />
        )}
        {editable.includes('domains') && (
          <FieldSet legend={t('fileCase.domains')} hint={t('fileCase.domainsHint')}>
            <Column gap="large">
              <SelectField
                id="edit-lead-domain"
                label={t('fileCase.leadDomain')}
                value={draft.leadDomain}
                onChange={(v) => set('leadDomain', v)}
                options={domainOptions}
                placeholder={t('fileCase.chooseDomain')}
                error={messageFor('domains')}
              />
              <AffectedDomainsFieldSet
                idPrefix="edit-affected"
                name="editAffectedDomains"
                options={domainOptions}
                leadDomain={draft.leadDomain}
                chosen={draft.affectedDomains}
                onChange={(chosen) => set('affectedDomains', chosen)}
              />
            </Column>
          </FieldSet>
        )}
        {editable.includes('priority') && (
          <SelectField
            id="edit-priority"
            label={t('case.priority')}
            value={draft.priority}
            onChange={(v) => set('priority', v || 'normal')}
            options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
            error={messageFor('priority')}
          />
        )}
        <SubmitOrCancel
          label={meanwhile ? t('editCase.saveAgain') : t('editCase.save')}
          pending={save.isPending}
          onCancel={onCancel}
        />
      </Column>
    </form>
  );
}
