import { useTranslation } from 'react-i18next';
import { TextField } from './form';
import { dateToInput } from './format';

/** The date the hint and the error show as their example. */
const EXAMPLE = '2027-06-01';

/**
 * A date typed as text, day first, in the format its hint shows for the language (DD-MM-JJJJ,
 * DD/MM/YYYY), read by `parseDateInput`. Not `<input type="date">`: that one orders its parts by
 * the browser's locale, not the interface's language, so "01062027" typed on an American browser
 * became 6 January.
 */
export function DateField({
  id,
  label,
  hint,
  error,
  optional,
  value,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const format = t('form.dateHint', { example: dateToInput(EXAMPLE) });
  return (
    <TextField
      id={id}
      label={label}
      hint={hint ? `${hint} ${format}` : format}
      error={error}
      optional={optional}
      value={value}
      onChange={onChange}
      maxLength={10}
    />
  );
}

/** The error for a date that does not read as one, with the format it should have. */
export function useDateError(): string {
  const { t } = useTranslation();
  return t('form.dateError', { example: dateToInput(EXAMPLE) });
}
