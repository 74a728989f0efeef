import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { FieldError, FieldErrorCode, ValidationFailed } from './errors';
import { INPUT_LIMITS, MAX_FIELD_ERRORS } from './input-limits';
import { LONE_SURROGATE, TEXT_MESSAGES, textIssue, type TextKind, type TextReason } from './text';

/** Deeper input is refused before any transformation (class-transformer recurses per level). */
export const MAX_INPUT_DEPTH = INPUT_LIMITS.maxDepth;

/** Keys that would reach object prototypes; class-transformer drops them silently otherwise. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const ELEMENT_MESSAGE = /^\[(\d+)\] (.*)$/s;

type Params = Record<string, unknown>;

/** What a rule needs to name its code and params: its arguments, the value, its neighbours. */
interface RuleInput {
  /** The decorator's arguments (`@MaxLength(200)` → [200]); [] when unknown. */
  args: unknown[];
  value: unknown;
  /** The arguments of every constraint on the same property, by constraint name. */
  siblings: Map<string, unknown[]>;
}

interface Rule {
  code: FieldErrorCode;
  /**
   * Which of a field's failures is reported (lowest first), so that one mistake gives one
   * message: presence, then type, then size, then content.
   */
  rank: number;
  params?: (input: RuleInput) => Params | undefined;
  /** For rules whose code depends on the value (isLength: too short or too long). */
  codeOf?: (input: RuleInput) => FieldErrorCode;
}

const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** `{ min, max }` of a number field, from its @Min and @Max together (either may be absent). */
const rangeOf = ({ siblings }: RuleInput): Params => {
  const min = num(siblings.get('min')?.[0]);
  const max = num(siblings.get('max')?.[0]);
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
};

const lengthOf = (value: unknown): number =>
  typeof value === 'string' || Array.isArray(value) ? value.length : 0;

/** `invalid_text`'s reasons, as snake_case params. */
const TEXT_REASONS: Record<TextReason, string> = {
  loneSurrogate: 'lone_surrogate',
  blank: 'blank',
  lineBreak: 'line_break',
  control: 'control',
  bidi: 'bidi',
  invisible: 'invisible',
};

const textParams = ({ args, value }: RuleInput): Params | undefined => {
  const options = args[0] as { kind?: TextKind; required?: boolean } | undefined;
  if (typeof value !== 'string' || !options?.kind) return undefined;
  const issue = textIssue(value, options.kind, options.required ?? true);
  return issue
    ? { reason: TEXT_REASONS[issue.reason], ...(issue.char ? { char: issue.char } : {}) }
    : undefined;
};

/** The params without undefined values; undefined when none is left. */
function defined(params: Params | undefined): Params | undefined {
  if (!params) return undefined;
  const entries = Object.entries(params).filter(([, v]) => v !== undefined);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

const PRESENCE = 0;
const TYPE = 1;
const SIZE = 2;
const CONTENT = 3;

/**
 * class-validator's constraint names (and Brug's own validators') → the stable field error
 * code and its params (ADR 23). A constraint not listed here gives `invalid`; a decorator may
 * also name its code in its `context` option (`{ context: { code: 'not_a_code' } }`).
 */
export const CONSTRAINT_RULES: Record<string, Rule> = {
  isDefined: { code: 'required', rank: PRESENCE },
  isNotEmpty: { code: 'required', rank: PRESENCE },
  whitelistValidation: { code: 'unknown_field', rank: PRESENCE },
  isString: { code: 'not_a_string', rank: TYPE },
  isInt: { code: 'not_an_integer', rank: TYPE },
  isNumber: { code: 'not_a_number', rank: TYPE },
  isBoolean: { code: 'not_a_boolean', rank: TYPE },
  isArray: { code: 'not_a_list', rank: TYPE },
  isObject: { code: 'not_an_object', rank: TYPE },
  nestedValidation: { code: 'not_an_object', rank: TYPE },
  eachIsObject: { code: 'not_an_object', rank: TYPE },
  isUuid: { code: 'not_a_uuid', rank: TYPE },
  isEmail: { code: 'not_an_email', rank: TYPE },
  isUrl: { code: 'not_a_url', rank: TYPE },
  isIn: { code: 'not_one_of', rank: TYPE, params: ({ args }) => ({ allowed: args[0] }) },
  isEnum: {
    code: 'not_one_of',
    rank: TYPE,
    params: ({ args }) => ({ allowed: args[1] ?? Object.values(args[0] ?? {}) }),
  },
  isCalendarDate: { code: 'invalid_date', rank: TYPE, params: () => ({ format: 'YYYY-MM-DD' }) },
  isIso8601: { code: 'invalid_date', rank: TYPE },
  isDateOrDateTime: {
    code: 'invalid_date',
    rank: TYPE,
    params: () => ({ format: 'YYYY-MM-DD' }),
  },
  isDateString: { code: 'invalid_date', rank: TYPE },
  matches: { code: 'invalid_format', rank: TYPE },
  isLength: {
    code: 'too_long',
    rank: SIZE,
    codeOf: ({ args, value }) => (lengthOf(value) < (num(args[0]) ?? 0) ? 'too_short' : 'too_long'),
    // Both bounds: "5 to 200 characters" says more than either alone.
    params: ({ args }) => ({ min: args[0], max: args[1] }),
  },
  minLength: { code: 'too_short', rank: SIZE, params: ({ args }) => ({ min: args[0] }) },
  maxLength: { code: 'too_long', rank: SIZE, params: ({ args }) => ({ max: args[0] }) },
  min: { code: 'out_of_range', rank: SIZE, params: rangeOf },
  max: { code: 'out_of_range', rank: SIZE, params: rangeOf },
  arrayMinSize: { code: 'too_few_items', rank: SIZE, params: ({ args }) => ({ min: args[0] }) },
  arrayMaxSize: { code: 'too_many_items', rank: SIZE, params: ({ args }) => ({ max: args[0] }) },
  arrayUnique: { code: 'duplicate', rank: CONTENT },
  singleLineText: { code: 'invalid_text', rank: CONTENT, params: textParams },
  multiLineText: { code: 'invalid_text', rank: CONTENT, params: textParams },
  hasExactlyOneLead: { code: 'one_lead_domain', rank: CONTENT },
  notACommonPassword: { code: 'common_password', rank: CONTENT },
  onlyForRelease: { code: 'not_allowed', rank: CONTENT, params: () => ({ kind: 'release' }) },
};

const UNKNOWN_RULE: Rule = { code: 'invalid', rank: CONTENT };

/** class-validator names some constraints with capitals inside (isUUID, isISO8601). */
const ruleOf = (constraint: string): Rule =>
  CONSTRAINT_RULES[constraint] ??
  CONSTRAINT_RULES[
    constraint.replace(/[A-Z]+(?=[A-Z]|\d|$)/g, (m) => m[0] + m.slice(1).toLowerCase())
  ] ??
  UNKNOWN_RULE;

interface ConstraintMetadata {
  propertyName: string;
  name?: string;
  constraints?: unknown[];
}

/** The arguments of each constraint declared on `property` of the validated object's class. */
function argumentsOf(target: unknown, property: string): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  if (typeof target !== 'object' || target === null || Array.isArray(target)) return out;
  const metadata = getMetadataStorage().getTargetValidationMetadatas(
    target.constructor,
    '',
    true,
    false,
  ) as ConstraintMetadata[];
  for (const m of metadata) {
    if (m.propertyName === property && m.name) out.set(m.name, m.constraints ?? []);
  }
  return out;
}

/** A missing value is `required`, whichever constraint noticed (@Max sees undefined too). */
const isMissing = (error: ValidationError): boolean =>
  'value' in error && (error.value === undefined || error.value === null);

/**
 * The one field error of a property that broke several constraints: the lowest-ranked one, so
 * a missing amount says `required` (not "must not be greater than …") and a word where a
 * number belongs says `not_an_integer` once.
 */
function fieldErrorOf(error: ValidationError, field: string): FieldError | null {
  const entries = Object.entries(error.constraints ?? {});
  if (entries.length === 0) return null;
  const [constraint, message] = entries.reduce((best, entry) =>
    ruleOf(entry[0]).rank < ruleOf(best[0]).rank ? entry : best,
  );
  const element = ELEMENT_MESSAGE.exec(message);
  if (element) {
    return { field: `${field}[${element[1]}]`, code: 'not_an_object', message: element[2]! };
  }
  const english =
    constraint === 'nestedValidation' ? 'must be an object' : humanise(message, error.property);
  const context = error.contexts?.[constraint] as
    { code?: FieldErrorCode; params?: Params } | undefined;
  if (isMissing(error) && constraint !== 'whitelistValidation') {
    return { field, code: 'required', message: english };
  }
  const rule = ruleOf(constraint);
  const siblings = argumentsOf(error.target, error.property);
  const input: RuleInput = { args: siblings.get(constraint) ?? [], value: error.value, siblings };
  let code = context?.code ?? rule.codeOf?.(input) ?? rule.code;
  // An empty text where at least one character is needed: nothing was said.
  if (code === 'too_short' && lengthOf(error.value) === 0) code = 'required';
  const params = code === 'required' ? undefined : defined(context?.params ?? rule.params?.(input));
  return { field, code, message: english, ...(params ? { params } : {}) };
}

/**
 * Flattens class-validator's tree into `field` paths such as `domains[1].code`, one error per
 * field (the first rule broken, see `fieldErrorOf`), each with its stable code and params. A
 * message of the form `[i] …` (from validators that check each element of an array) points at
 * element i.
 */
export function flattenValidationErrors(errors: ValidationError[]): FieldError[] {
  // A rule on a list and a rule on its element may both name `domains[0]`: the first says it.
  const seen = new Set<string>();
  return flatten(errors, '').filter((e) => !seen.has(e.field) && seen.add(e.field));
}

function flatten(errors: ValidationError[], parent: string): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    const own = fieldErrorOf(error, field);
    if (own) out.push(own);
    if (error.children?.length) out.push(...flatten(error.children, field));
  }
  return out;
}

/** class-validator starts messages with the property name; the field already says it. */
function humanise(message: string, property: string): string {
  if (message === `property ${property} should not exist`) return 'is not a known field';
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

/** Thrown inside the walk to stop it at once: the input is over a size limit. */
class OverLimit extends Error {
  constructor(readonly problem: FieldError) {
    super(problem.message);
  }
}

/**
 * What no input of this API may hold, whatever its shape: more depth, keys or array items than
 * INPUT_LIMITS allow (ADR 15), prototype keys, the NUL character (PostgreSQL text cannot store
 * it) and lone surrogates (not Unicode; canonical JSON and UTF-8 cannot carry them). Checked
 * before anything recurses into the input, so the answer is a 400 naming the field, never a
 * 500. One linear walk: it stops at the first limit exceeded (answering that one problem) or
 * at MAX_FIELD_ERRORS problems, so its cost is bounded by the limits, not by the input.
 */
export function inputProblems(value: unknown, root = '(body)'): FieldError[] {
  const problems: FieldError[] = [];
  let values = 0;
  const limit = (field: string, code: FieldErrorCode, message: string, params: Params): never => {
    throw new OverLimit({ field, code, message, params });
  };

  const visit = (node: unknown, path: string, depth: number, top: string): void => {
    if (problems.length >= MAX_FIELD_ERRORS) return;
    const name = path || root;
    if (typeof node === 'string') {
      if (node.includes('\u0000')) {
        problems.push({
          field: name,
          code: 'invalid_text',
          message: 'must not contain the NUL character',
          params: { reason: 'nul' },
        });
      } else if (LONE_SURROGATE.test(node)) {
        problems.push({
          field: name,
          code: 'invalid_text',
          message: TEXT_MESSAGES.loneSurrogate,
          params: { reason: TEXT_REASONS.loneSurrogate },
        });
      }
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    if (depth >= INPUT_LIMITS.maxDepth) {
      // Named by its top-level field: the full path of a runaway nesting says nothing more.
      limit(top || root, 'too_deep', `is nested deeper than ${INPUT_LIMITS.maxDepth} levels`, {
        max: INPUT_LIMITS.maxDepth,
      });
    }
    if (Array.isArray(node)) {
      if (node.length > INPUT_LIMITS.maxArrayItems) {
        limit(name, 'too_many_items', `has more than ${INPUT_LIMITS.maxArrayItems} items`, {
          max: INPUT_LIMITS.maxArrayItems,
        });
      }
      values += node.length;
      if (values > INPUT_LIMITS.maxValues) tooMany();
      for (let i = 0; i < node.length; i++) visit(node[i], `${path}[${i}]`, depth + 1, top);
      return;
    }
    const keys = Object.keys(node);
    if (keys.length > INPUT_LIMITS.maxKeysPerObject) {
      limit(name, 'too_big', `has more than ${INPUT_LIMITS.maxKeysPerObject} fields`, {
        maxFields: INPUT_LIMITS.maxKeysPerObject,
      });
    }
    values += keys.length;
    if (values > INPUT_LIMITS.maxValues) tooMany();
    for (const key of keys) {
      const field = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({ field, code: 'unknown_field', message: 'is not a known field' });
        continue;
      }
      visit((node as Record<string, unknown>)[key], field, depth + 1, top || key);
    }
  };
  const tooMany = (): never =>
    limit(
      root,
      'too_big',
      `holds more than ${INPUT_LIMITS.maxValues} fields and array items in all`,
      { maxValues: INPUT_LIMITS.maxValues },
    );

  try {
    visit(value, '', 0, '');
  } catch (error) {
    if (error instanceof OverLimit) return [error.problem];
    throw error;
  }
  return problems;
}

/**
 * The global pipe: strips nothing silently (unknown fields are an error), converts to DTO
 * classes, and refuses bodies that are not JSON objects before class-validator sees them
 * (an array or a string would otherwise pass validation of an object DTO unchecked).
 */
@Injectable()
export class BrugValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      // Kept for flattenValidationErrors (the constraint's arguments and the value name the
      // error's code and params); neither reaches the answer.
      validationError: { target: true, value: true },
      exceptionFactory: (errors: ValidationError[]) =>
        new ValidationFailed(flattenValidationErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const isDto = typeof metadata.metatype === 'function' && metadata.metatype !== Object;
    if ((metadata.type === 'body' || metadata.type === 'query') && isDto) {
      if (value === undefined) value = {};
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new ValidationFailed(
          [{ field: '(body)', code: 'not_an_object', message: 'must be a JSON object' }],
          'The request body must be a JSON object.',
        );
      }
      const problems = inputProblems(value, metadata.type === 'query' ? '(query)' : '(body)');
      if (problems.length) throw new ValidationFailed(problems);
    }
    return super.transform(value, metadata);
  }
}
