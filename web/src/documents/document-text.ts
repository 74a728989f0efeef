import i18next, { type TFunction } from 'i18next';
import { ApiProblem } from '../api/problem';
import { errorText, fieldErrorText } from '../common/error-text';
import { formatNumber } from '../common/format';

type Params = Record<string, unknown>;

/** `t` with a documents key built at run time (every key is in texts.ts, nl and en). */
export function sayDocuments(t: TFunction, key: string, params: Params = {}): string {
  return (t as unknown as (key: string, options: Params) => string)(`documents.${key}`, params);
}

/** A size as people read it: "512 B", "48,2 kB", "1,5 MB" (powers of 1000, like file managers). */
export function formatSize(bytes: number, t: TFunction): string {
  const steps: [number, string][] = [
    [1e9, 'sizeGb'],
    [1e6, 'sizeMb'],
    [1e3, 'sizeKb'],
  ];
  for (const [unit, key] of steps) {
    if (bytes >= unit) {
      const value = Math.round((bytes / unit) * 10) / 10;
      return sayDocuments(t, key, { value: formatNumber(value) });
    }
  }
  return sayDocuments(t, 'sizeBytes', { value: formatNumber(bytes) });
}

const FIELD_LABELS: Record<string, string> = {
  title: 'fieldTitle',
  kind: 'fieldKind',
  direction: 'fieldDirection',
  visibility: 'fieldVisibility',
};

/**
 * Why an upload or a download of one file failed, in the reader's language, worded from the
 * API's codes and params (ADR 23): the file's own problems (empty, its name, too large, its
 * type), the fields sent with it, and else the general wording of the problem's code.
 */
export function documentErrorText(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiProblem)) return errorText(error, t);
  const params: Params = (error.problem as { params?: Params } | null)?.params ?? {};
  if (error.code === 'document_too_large' && typeof params.maxBytes === 'number') {
    return sayDocuments(t, 'tooLarge', { max: formatSize(params.maxBytes, t) });
  }
  if (error.code === 'document_type_not_allowed') {
    return sayDocuments(t, params.detected ? 'typeMismatch' : 'typeNotAllowed', {
      extension: params.extension ?? '',
      detected: params.detected ?? '',
    });
  }
  const [first] = error.fieldErrors;
  if (!first) return errorText(error, t);
  if (first.field === 'file') {
    const reason = typeof first.params?.reason === 'string' ? `_${first.params.reason}` : '';
    const key = `documents.file_${first.code}${first.code === 'invalid_file_name' ? reason : ''}`;
    if (i18next.exists(key)) return (t as unknown as (key: string) => string)(key);
    return fieldErrorText(first, t);
  }
  const label = FIELD_LABELS[first.field];
  return sayDocuments(t, 'fieldError', {
    label: label ? sayDocuments(t, label) : t('errors.thisField'),
    message: fieldErrorText(first, t),
  });
}
