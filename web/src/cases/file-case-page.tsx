import {
  Alert,
  Button,
  Column,
  FieldSet,
  Paragraph,
  Radio,
  Row,
} from '@amsterdam/design-system-react';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Priority, ProcurementKind, ProcurementStage } from '../api/client';
import type { FieldError } from '../api/problem';
import { useDomainNames, useDomains } from '../common/catalogue';
import { DateField, useDateError } from '../common/date-field';
import {
  ErrorSummary,
  errorAt,
  FieldErrorMessage,
  fieldErrorsOf,
  SelectField,
  TextAreaField,
  TextField,
} from '../common/form';
import { fieldErrorText } from '../common/error-text';
import { parseDateInput, parseEuroToCents } from '../common/format';
import { PageHeading } from '../common/page-title';
import { LoadError, Loading, describeError } from '../common/query-state';
import { AffectedDomainsFieldSet } from './affected-domains-field';
import { useFileCase, type FileCaseBody } from './api';
import { PRIORITIES, PROCUREMENT_KINDS, PROCUREMENT_STAGES } from './case-vocabulary';
import { sayFunding } from '../funding/funding-text';
import { FundingLinesFieldSet, type FundingLine } from '../funding/funding-lines';

interface Draft {
  title: string;
  description: string;
  tenderReference: string;
  procurementStage: ProcurementStage;
  procurementKind: ProcurementKind | '';
  estimatedValue: string;
  priority: Priority;
  deadline: string;
  leadDomain: string;
  affectedDomains: string[];
  funding: FundingLine[];
}

const EMPTY: Draft = {
  title: '',
  description: '',
  tenderReference: '',
  procurementStage: 'planning',
  procurementKind: '',
  estimatedValue: '',
  priority: 'normal',
  deadline: '',
  leadDomain: '',
  affectedDomains: [],
  funding: [],
};

/** The control each field of the API's FileCaseDto is entered in (for errors and their links). */
const CONTROL_OF: Record<string, string> = {
  title: 'case-title',
  description: 'case-description',
  tenderReference: 'case-tender-reference',
  procurementStage: 'case-stage',
  procurementKind: 'case-kind',
  estimatedValueCents: 'case-value',
  priority: 'case-priority-normal',
  deadline: 'case-deadline',
  domains: 'case-lead-domain',
  initialFunding: 'case-funding-add',
};

/** The domains the case touches as the form stands: the lead one and the ticked ones. */
function chosenDomainsOf(draft: Pick<Draft, 'leadDomain' | 'affectedDomains'>): string[] {
  return [draft.leadDomain, ...draft.affectedDomains].filter(
    (code, i, all) => code !== '' && all.indexOf(code) === i,
  );
}

/**
 * A domain no longer chosen leaves the funding lines that named it without a domain: the line
 * keeps its amount and budget line, and shows (and, until one is chosen, refuses to send) "choose
 * a domain" rather than paying for a domain the case no longer touches.
 */
function withDomains(draft: Draft): Draft {
  const chosen = chosenDomainsOf(draft);
  return draft.funding.some((line) => line.domainCode && !chosen.includes(line.domainCode))
    ? {
        ...draft,
        funding: draft.funding.map((line) =>
          chosen.includes(line.domainCode) ? line : { ...line, domainCode: '' },
        ),
      }
    : draft;
}

/** An error the form finds itself, before anything is sent. */
interface FormError {
  /** The API's name of the field (`deadline`, `initialFunding[1].domainCode`). */
  field: string;
  /** Next to the field. */
  message: string;
  /** In the error summary, saying which field. */
  label: string;
}

/**
 * What is sent. Amounts that do not read as euros are left out on purpose: the API then names
 * the field, and the form shows that next to it, like every other rule the API enforces.
 */
function toBody(draft: Draft): FileCaseBody {
  const cents = parseEuroToCents(draft.estimatedValue);
  const domains = [
    ...(draft.leadDomain ? [{ code: draft.leadDomain, role: 'lead' as const }] : []),
    ...draft.affectedDomains
      .filter((code) => code !== draft.leadDomain)
      .map((code) => ({ code, role: 'affected' as const })),
  ];
  const initialFunding = draft.funding.map((line) => {
    const amountCents = parseEuroToCents(line.amount);
    return {
      domainCode: line.domainCode,
      ...(amountCents === null ? {} : { amountCents }),
      ...(line.budgetLine.trim() ? { budgetLine: line.budgetLine.trim() } : {}),
    };
  });
  const body = {
    title: draft.title,
    ...(draft.description.trim() ? { description: draft.description } : {}),
    ...(draft.tenderReference.trim() ? { tenderReference: draft.tenderReference } : {}),
    procurementStage: draft.procurementStage,
    ...(draft.procurementKind ? { procurementKind: draft.procurementKind } : {}),
    ...(cents === null ? {} : { estimatedValueCents: cents }),
    priority: draft.priority,
    ...(draft.deadline.trim() ? { deadline: parseDateInput(draft.deadline) } : {}),
    domains,
    ...(initialFunding.length ? { initialFunding } : {}),
  };
  // The API validates the whole body and names every field it refuses.
  return body as FileCaseBody;
}

/** A buyer files a cross-domain case: every field of the API, errors from the API per field. */
export function FileCasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const domains = useDomains();
  const domainName = useDomainNames();
  const fileCase = useFileCase();
  const dateError = useDateError();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [formErrors, setFormErrors] = useState<FormError[]>([]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => withDomains({ ...d, [key]: value }));

  const errors: FieldError[] = fieldErrorsOf(fileCase.error);
  const messageFor = (field: string): string | undefined => {
    const own = formErrors.find((e) => e.field === field);
    if (own) return own.message;
    const error = errorAt(errors, field);
    if (!error) return undefined;
    return localisedError(field, error, t);
  };

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    // What the form can tell without the API: a date it cannot read (sending it would drop it or
    // make the API guess) and a funding line without a domain of the case. Nothing is sent then.
    const chosen = chosenDomainsOf(draft);
    const found: FormError[] = [];
    if (draft.deadline.trim() && !parseDateInput(draft.deadline)) {
      found.push({
        field: 'deadline',
        message: dateError,
        label: `${t('case.deadline')}: ${dateError}`,
      });
    }
    draft.funding.forEach((line, index) => {
      if (!chosen.includes(line.domainCode)) {
        found.push({
          field: `initialFunding[${index}].domainCode`,
          message: t('fileCase.errors.fundingDomain'),
          label: `${t('fileCase.fundingLine', { number: index + 1 })}: ${t('fileCase.errors.fundingLineDomain')}`,
        });
      }
    });
    setFormErrors(found);
    if (found.length > 0) {
      fileCase.reset();
      return;
    }
    fileCase.mutate(toBody(draft), {
      onSuccess: (created) =>
        void navigate(`/cases/${created.id}`, { state: { filed: created.reference } }),
    });
  };

  if (domains.isPending) return <Loading />;
  if (domains.isError)
    return <LoadError error={domains.error} retry={() => void domains.refetch()} />;

  const domainOptions = domains.data.map((d) => ({ value: d.code, label: domainName(d.code) }));
  const chosenDomains = chosenDomainsOf(draft);
  const summary = [
    ...formErrors.map((e) => ({ id: controlFor(e.field), label: e.label })),
    ...errors.map((e) => ({
      id: controlFor(e.field),
      label: `${fieldLabel(e.field, t)}: ${localisedError(e.field, e, t)}`,
    })),
  ];
  const otherFailure =
    fileCase.isError && errors.length === 0
      ? describeError(fileCase.error, t('common.tryAgainLater'))
      : null;

  return (
    <>
      <PageHeading title={t('fileCase.title')} />
      <Paragraph className="ams-mb-l">{t('fileCase.intro')}</Paragraph>
      {summary.length > 0 && <ErrorSummary errors={summary} />}
      {otherFailure && (
        <Alert
          heading={t('fileCase.failed')}
          headingLevel={2}
          severity="error"
          className="ams-mb-l"
          role="alert"
        >
          <Paragraph>{otherFailure}</Paragraph>
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate aria-label={t('fileCase.title')}>
        <Column gap="large" className="brug-form">
          <TextField
            id="case-title"
            label={t('case.title')}
            hint={t('fileCase.titleHint')}
            error={messageFor('title')}
            value={draft.title}
            onChange={(v) => set('title', v)}
            maxLength={200}
          />
          <TextAreaField
            id="case-description"
            label={t('case.description')}
            hint={t('fileCase.descriptionHint')}
            optional
            error={messageFor('description')}
            value={draft.description}
            onChange={(v) => set('description', v)}
            rows={6}
          />
          <TextField
            id="case-tender-reference"
            label={t('case.tenderReference')}
            optional
            error={messageFor('tenderReference')}
            value={draft.tenderReference}
            onChange={(v) => set('tenderReference', v)}
            maxLength={100}
          />
          <SelectField
            id="case-stage"
            label={t('case.procurementStage')}
            error={messageFor('procurementStage')}
            value={draft.procurementStage}
            onChange={(v) => set('procurementStage', v || 'planning')}
            options={PROCUREMENT_STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
          />
          <SelectField
            id="case-kind"
            label={sayFunding(t, 'procurementKind')}
            hint={sayFunding(t, 'procurementKindHint')}
            optional
            error={messageFor('procurementKind')}
            value={draft.procurementKind}
            onChange={(v) => set('procurementKind', v)}
            placeholder={sayFunding(t, 'procurementKindUnknown')}
            options={PROCUREMENT_KINDS.map((k) => ({
              value: k,
              label: sayFunding(t, `kind_${k}`),
            }))}
          />
          <TextField
            id="case-value"
            label={t('case.estimatedValue')}
            hint={t('fileCase.valueHint')}
            error={messageFor('estimatedValueCents')}
            value={draft.estimatedValue}
            onChange={(v) => set('estimatedValue', v)}
            inputMode="decimal"
          />
          <FieldSet
            legend={t('case.priority')}
            invalid={Boolean(messageFor('priority'))}
            aria-describedby={messageFor('priority') ? 'case-priority-error' : undefined}
          >
            {messageFor('priority') && (
              <FieldErrorMessage id="case-priority">{messageFor('priority')}</FieldErrorMessage>
            )}
            <Column gap="x-small">
              {PRIORITIES.map((p) => (
                <Radio
                  key={p}
                  id={`case-priority-${p}`}
                  name="priority"
                  value={p}
                  checked={draft.priority === p}
                  onChange={() => set('priority', p)}
                >
                  {t(`priority.${p}`)}
                </Radio>
              ))}
            </Column>
          </FieldSet>
          <DateField
            id="case-deadline"
            label={t('case.deadline')}
            hint={t('fileCase.deadlineHint')}
            optional
            error={messageFor('deadline')}
            value={draft.deadline}
            onChange={(v) => set('deadline', v)}
          />
          <FieldSet
            legend={t('fileCase.domains')}
            hint={t('fileCase.domainsHint')}
            invalid={Boolean(messageFor('domains'))}
            aria-describedby={messageFor('domains') ? 'case-domains-error' : undefined}
          >
            {messageFor('domains') && (
              <FieldErrorMessage id="case-domains">{messageFor('domains')}</FieldErrorMessage>
            )}
            <Column gap="large">
              <SelectField
                id="case-lead-domain"
                label={t('fileCase.leadDomain')}
                hint={t('fileCase.leadDomainHint')}
                value={draft.leadDomain}
                onChange={(v) => set('leadDomain', v)}
                options={domainOptions}
                placeholder={t('fileCase.chooseDomain')}
              />
              <AffectedDomainsFieldSet
                idPrefix="case-affected"
                name="affectedDomains"
                options={domainOptions}
                leadDomain={draft.leadDomain}
                chosen={draft.affectedDomains}
                onChange={(chosen) => set('affectedDomains', chosen)}
              />
            </Column>
          </FieldSet>
          <FundingLinesFieldSet
            lines={draft.funding}
            onChange={(lines) => set('funding', lines)}
            domains={chosenDomains.map((code) => ({ value: code, label: domainName(code) }))}
            errors={errors}
            messageFor={(field, error) => localisedError(field, error, t)}
            formErrors={formErrors}
          />
          <Row>
            <Button type="submit" disabled={fileCase.isPending}>
              {fileCase.isPending ? t('fileCase.busy') : t('fileCase.submit')}
            </Button>
          </Row>
        </Column>
      </form>
    </>
  );
}

/** The control an API field's error belongs to (`initialFunding[1].amountCents` → its input). */
function controlFor(field: string): string {
  const line = /^initialFunding\[(\d+)\]\.(\w+)/.exec(field);
  if (line) {
    const index = line[1] ?? '0';
    const part = line[2];
    const suffix =
      part === 'amountCents' ? 'amount' : part === 'budgetLine' ? 'budget-line' : 'domain';
    return `funding-${index}-${suffix}`;
  }
  const top = /^[A-Za-z]+/.exec(field)?.[0] ?? field;
  return CONTROL_OF[top] ?? 'case-title';
}

type T = ReturnType<typeof useTranslation>['t'];

function fieldLabel(field: string, t: T): string {
  const line = /^initialFunding\[(\d+)\](?:\.(\w+))?/.exec(field);
  if (line) {
    const name = t('fileCase.fundingLine', { number: Number(line[1]) + 1 });
    const part =
      line[2] === 'amountCents'
        ? t('funding.amount')
        : line[2] === 'budgetLine'
          ? t('funding.budgetLine')
          : line[2] === 'domainCode'
            ? t('funding.domain')
            : null;
    return part ? `${name}: ${part.toLocaleLowerCase()}` : name;
  }
  const top = /^[A-Za-z]+/.exec(field)?.[0] ?? field;
  switch (top) {
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
    case 'priority':
      return t('case.priority');
    case 'deadline':
      return t('case.deadline');
    case 'domains':
      return t('fileCase.domains');
    case 'initialFunding':
      return t('fileCase.funding');
    default:
      // Never the API's field path: a field the form does not know is "this field".
      return t('errors.thisField');
  }
}

/**
 * The API decides which field is wrong and names the rule by a code; the interface says it in
 * the reader's language from that code and its params (ADR 23).
 */
function localisedError(_field: string, error: FieldError, t: T): string {
  return fieldErrorText(error, t);
}
