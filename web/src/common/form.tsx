import {
  Button,
  ErrorMessage,
  Field,
  InvalidFormAlert,
  Label,
  Paragraph,
  PasswordInput,
  Row,
  Select,
  TextArea,
  TextInput,
} from '@amsterdam/design-system-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiProblem, type FieldError } from '../api/problem';
import { fieldErrorText } from './error-text';

/** The API's per-field validation errors (400, and 422 when it names fields). */
export function fieldErrorsOf(error: unknown): FieldError[] {
  return error instanceof ApiProblem && (error.status === 400 || error.status === 422)
    ? error.fieldErrors
    : [];
}

/** The first error for `name` or anything under it (`domains[1].code` is under `domains`). */
export function errorAt(errors: FieldError[], name: string): FieldError | undefined {
  return errors.find(
    (e) => e.field === name || e.field.startsWith(`${name}.`) || e.field.startsWith(`${name}[`),
  );
}

/** The first error for `name` or under it, in the reader's language (ADR 23). */
export function errorTextAt(errors: FieldError[], name: string, t: TFunction): string | undefined {
  const error = errorAt(errors, name);
  return error ? fieldErrorText(error, t) : undefined;
}

/** Ids that connect a control with its hint and error for assistive technology. */
export function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function FieldErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <ErrorMessage id={`${id}-error`} prefix={t('form.errorPrefix')}>
      {children}
    </ErrorMessage>
  );
}

export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Paragraph id={`${id}-hint`} size="small">
      {children}
    </Paragraph>
  );
}

interface BaseFieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
}

/** What every field has around its control: the label, its hint and its error, in that order. */
function FieldFrame({
  id,
  label,
  hint,
  error,
  optional,
  children,
}: BaseFieldProps & { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Field invalid={Boolean(error)}>
      <Label htmlFor={id} hint={optional ? t('form.optional') : undefined}>
        {label}
      </Label>
      {hint && <FieldHint id={id}>{hint}</FieldHint>}
      {error && <FieldErrorMessage id={id}>{error}</FieldErrorMessage>}
      {children}
    </Field>
  );
}

export function TextField({
  id,
  label,
  hint,
  error,
  optional,
  value,
  onChange,
  type = 'text',
  inputMode,
  autoComplete,
  maxLength,
}: BaseFieldProps & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email';
  inputMode?: 'text' | 'decimal' | 'numeric';
  autoComplete?: string;
  maxLength?: number;
}) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      <TextInput
        id={id}
        name={id}
        type={type}
        inputMode={inputMode}
        autoComplete={autoComplete ?? 'off'}
        maxLength={maxLength}
        invalid={Boolean(error)}
        aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldFrame>
  );
}

export function PasswordField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  autoComplete,
}: BaseFieldProps & {
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
}) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <PasswordInput
        id={id}
        name={id}
        autoComplete={autoComplete}
        invalid={Boolean(error)}
        aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldFrame>
  );
}

export function TextAreaField({
  id,
  label,
  hint,
  error,
  optional,
  value,
  onChange,
  rows = 4,
}: BaseFieldProps & { value: string; onChange: (value: string) => void; rows?: number }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      <TextArea
        id={id}
        name={id}
        rows={rows}
        invalid={Boolean(error)}
        aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldFrame>
  );
}

export function SelectField<V extends string>({
  id,
  label,
  hint,
  error,
  optional,
  value,
  onChange,
  options,
  placeholder,
}: BaseFieldProps & {
  value: V | '';
  onChange: (value: V | '') => void;
  options: readonly { value: V; label: string }[];
  /** An empty first choice ("choose…"), for selects without a sensible default. */
  placeholder?: string;
}) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      <Select
        id={id}
        name={id}
        invalid={Boolean(error)}
        aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
        value={value}
        onChange={(e) => onChange(e.target.value as V | '')}
      >
        {placeholder !== undefined && <Select.Option value="">{placeholder}</Select.Option>}
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
    </FieldFrame>
  );
}

/**
 * The error summary above a form: focused when it appears, each error a link to its field;
 * following a link puts the cursor in that field.
 */
export function ErrorSummary({ errors }: { errors: { id: string; label: string }[] }) {
  const { t } = useTranslation();
  // One mistake, one message: a control is listed once, with its first error.
  const once = errors.filter((e, i) => errors.findIndex((o) => o.id === e.id) === i);
  return (
    <InvalidFormAlert
      errors={once.map((e) => ({ id: `#${e.id}`, label: e.label }))}
      onClick={(event) => {
        const link = (event.target as Element).closest('a');
        const id = link?.getAttribute('href')?.slice(1);
        const field = id ? document.getElementById(id) : null;
        if (!field) return;
        event.preventDefault();
        field.focus();
        field.scrollIntoView({ block: 'center' });
      }}
      heading={t('form.errorSummary')}
      headingLevel={2}
      errorCountLabel={{ singular: t('form.errorSingular'), plural: t('form.errorPlural') }}
      className="ams-mb-l"
    />
  );
}

/** A form's submit button (kept from a second press while it is sent) and its cancel button. */
export function SubmitOrCancel({
  label,
  pending,
  onCancel,
}: {
  label: string;
  pending: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Row wrap>
      <Button type="submit" disabled={pending}>
        {label}
      </Button>
      <Button type="button" variant="tertiary" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
    </Row>
  );
}
