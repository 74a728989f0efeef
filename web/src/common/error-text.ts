import i18next, { type TFunction } from 'i18next';
import { ApiProblem, type FieldError, type Problem } from '../api/problem';
import { formatEuro, formatNumber } from './format';

/**
 * The API names what went wrong by a stable code with params (ADR 23); these functions say it
 * in the reader's language. The API's English `message` and `detail` are never shown: an unknown
 * code gets a general sentence in the right language instead.
 */

type Params = Record<string, unknown>;

/** `t` with a key built at run time (the keys are checked by `hasText`). */
function say(t: TFunction, key: string, params: Params = {}): string {
  return (t as unknown as (key: string, options: Params) => string)(key, params);
}

function hasText(key: string): boolean {
  return i18next.exists(key);
}

const isMoneyField = (field: string): boolean => /Cents$/.test(field);

const numberParam = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/** A field error as a sentence: "Gebruik hoogstens 200 tekens." */
export function fieldErrorText(error: FieldError, t: TFunction): string {
  const params: Params = { ...(error.params ?? {}) };
  const money = isMoneyField(error.field);
  let key = `errors.field.${error.code}`;
  switch (error.code) {
    case 'required':
    case 'not_an_integer':
    case 'not_a_number':
      // An amount the form could not read is not sent, so the API finds it missing.
      if (money) key = 'errors.field.not_an_amount';
      break;
    case 'out_of_range': {
      const min = numberParam(params.min);
      const max = numberParam(params.max);
      const show = (n: number) => (money ? formatEuro(n) : formatNumber(n));
      if (min !== undefined) params.min = show(min);
      if (max !== undefined) params.max = show(max);
      key =
        min !== undefined && max !== undefined
          ? 'errors.field.out_of_range_between'
          : min !== undefined
            ? 'errors.field.out_of_range_min'
            : 'errors.field.out_of_range_max';
      break;
    }
    case 'shares_not_whole': {
      // Basis points, said as a percentage: 9,950 -> "99,5".
      const total = numberParam(params.total);
      if (total !== undefined) params.total = formatNumber(total / 100);
      break;
    }
    case 'invalid_text':
      key = `errors.field.invalid_text_${typeof params.reason === 'string' ? params.reason : ''}`;
      break;
    case 'too_long':
    case 'too_short':
    case 'too_few_items':
    case 'too_many_items': {
      const min = numberParam(params.min);
      const max = numberParam(params.max);
      // "5 to 200 characters" when the text has both bounds.
      if (error.code.startsWith('too_') && !error.code.endsWith('items') && min && max) {
        key = 'errors.field.length_between';
      }
      if (min !== undefined) params.min = formatNumber(min);
      if (max !== undefined) params.max = formatNumber(max);
      break;
    }
  }
  return hasText(key) ? say(t, key, params) : say(t, 'errors.field.invalid');
}

/** Cents in params (`amountCents`, `committedCents`, …) as "€ 350.000,01". */
function moneyParams(params: Params): Params {
  const out: Params = {};
  for (const [name, value] of Object.entries(params)) {
    const cents = numberParam(value);
    if (name.endsWith('Cents') && cents !== undefined) out[name.slice(0, -5)] = formatEuro(cents);
    else out[name] = value;
  }
  return out;
}

/**
 * A refusal of the API as a sentence in the reader's language. `domainName` turns domain codes
 * in the params into the names the reader knows.
 */
export function problemText(
  problem: Problem | null | undefined,
  t: TFunction,
  domainName: (code: string) => string = (code) => code,
): string {
  if (!problem) return t('common.tryAgainLater');
  const params = moneyParams((problem as { params?: Params }).params ?? {});
  let key = `errors.problem.${problem.code}`;
  switch (problem.code) {
    case 'funding_invariant_broken':
      key = `errors.problem.funding_${typeof params.rule === 'string' ? params.rule : ''}`;
      if (typeof params.amount === 'string' && typeof params.disbursed === 'string') {
        const after =
          (numberParam((problem as { params?: Params }).params?.amountCents) ?? 0) +
          (numberParam((problem as { params?: Params }).params?.disbursedCents) ?? 0);
        params.after = formatEuro(after);
      }
      break;
    case 'forbidden':
      if (typeof params.reason === 'string') key = `errors.problem.forbidden_${params.reason}`;
      break;
    case 'transition_not_allowed':
      params.from = statusName(params.from, t);
      params.to = statusName(params.to, t);
      break;
    case 'case_not_editable':
    case 'case_closed_for_funding':
    case 'case_not_suspendable':
      params.status = statusName(params.status, t);
      break;
  }
  if (typeof params.domainCode === 'string') params.domain = domainName(params.domainCode);
  if (Array.isArray(params.domainCodes)) {
    params.domains = params.domainCodes.map((c) => domainName(String(c))).join(', ');
  }
  if (hasText(key)) return say(t, key, params);
  const general = `errors.problem.${problem.code}`;
  if (general !== key && hasText(general)) return say(t, general, params);
  return problem.status >= 500 ? t('common.tryAgainLater') : say(t, 'errors.problem.unknown');
}

function statusName(status: unknown, t: TFunction): string {
  if (typeof status !== 'string') return '';
  const key = `status.${status}`;
  return hasText(key) ? say(t, key).toLocaleLowerCase() : status;
}

/** Any error of a call as a sentence: the API's refusal in words, or "try again later". */
export function errorText(
  error: unknown,
  t: TFunction,
  domainName?: (code: string) => string,
): string {
  return error instanceof ApiProblem
    ? problemText(error.problem, t, domainName)
    : t('common.tryAgainLater');
}

/**
 * The label of an API field path in the form's words: `outcome.supplierType` → "Soort
 * leverancier", `initialFunding[2].amountCents` → "Financieringsregel 3: bedrag". `labels` is
 * keyed by the path without indices (`initialFunding.amountCents`); a field not listed takes
 * the label of its nearest listed parent, and else a general "this field".
 */
export function fieldLabel(field: string, labels: Record<string, string>, t: TFunction): string {
  const index = /\[(\d+)\]/.exec(field);
  let path = field.replace(/\[\d+\]/g, '');
  while (path && labels[path] === undefined) {
    path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
  }
  const label = path ? labels[path]! : t('errors.thisField');
  const list = index ? field.slice(0, index.index).replace(/\[\d+\]/g, '') : '';
  const lineOf = labels[`${list}[]`];
  return index && lineOf !== undefined && path !== list
    ? t('errors.lineLabel', { line: lineOf, number: Number(index[1]) + 1, label })
    : label;
}

/**
 * One entry per control for the error summary: the first error of each, labelled and worded.
 * (Several API fields may belong to one control, e.g. `domains` and `domains[0].code`.)
 */
export function summaryOf(
  errors: FieldError[],
  controlOf: (field: string) => string,
  labelOf: (field: string) => string,
  t: TFunction,
): { id: string; label: string }[] {
  const seen = new Set<string>();
  const out: { id: string; label: string }[] = [];
  for (const error of errors) {
    const id = controlOf(error.field);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ id, label: `${labelOf(error.field)}: ${fieldErrorText(error, t)}` });
  }
  return out;
}
