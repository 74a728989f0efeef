import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationFailed } from './errors';
import { INPUT_LIMITS, MAX_FIELD_ERRORS } from './input-limits';
import { LONE_SURROGATE, TEXT_MESSAGES } from './text';

/** Deeper input is refused before any transformation (class-transformer recurses per level). */
export const MAX_INPUT_DEPTH = INPUT_LIMITS.maxDepth;

/** Keys that would reach object prototypes; class-transformer drops them silently otherwise. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const ELEMENT_MESSAGE = /^\[(\d+)\] (.*)$/s;

/**
 * Flattens class-validator's tree into `field` paths such as `domains[1].code`. A message of
 * the form `[i] …` (from validators that check each element of an array) points at element i.
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      const element = ELEMENT_MESSAGE.exec(message);
      if (element) out.push({ field: `${field}[${element[1]}]`, message: element[2]! });
      else if (constraint === 'nestedValidation') out.push({ field, message: 'must be an object' });
      else out.push({ field, message: humanise(message, error.property) });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
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
  const limit = (field: string, message: string): never => {
    throw new OverLimit({ field, message });
  };

  const visit = (node: unknown, path: string, depth: number, top: string): void => {
    if (problems.length >= MAX_FIELD_ERRORS) return;
    const name = path || root;
    if (typeof node === 'string') {
      if (node.includes('\u0000')) {
        problems.push({ field: name, message: 'must not contain the NUL character' });
      } else if (LONE_SURROGATE.test(node)) {
        problems.push({ field: name, message: TEXT_MESSAGES.loneSurrogate });
      }
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    if (depth >= INPUT_LIMITS.maxDepth) {
      // Named by its top-level field: the full path of a runaway nesting says nothing more.
      limit(top || root, `is nested deeper than ${INPUT_LIMITS.maxDepth} levels`);
    }
    if (Array.isArray(node)) {
      if (node.length > INPUT_LIMITS.maxArrayItems) {
        limit(name, `has more than ${INPUT_LIMITS.maxArrayItems} items`);
      }
      values += node.length;
      if (values > INPUT_LIMITS.maxValues) tooMany();
      for (let i = 0; i < node.length; i++) visit(node[i], `${path}[${i}]`, depth + 1, top);
      return;
    }
    const keys = Object.keys(node);
    if (keys.length > INPUT_LIMITS.maxKeysPerObject) {
      limit(name, `has more than ${INPUT_LIMITS.maxKeysPerObject} fields`);
    }
    values += keys.length;
    if (values > INPUT_LIMITS.maxValues) tooMany();
    for (const key of keys) {
      const field = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({ field, message: 'is not a known field' });
        continue;
      }
      visit((node as Record<string, unknown>)[key], field, depth + 1, top || key);
    }
  };
  const tooMany = (): never =>
    limit(root, `holds more than ${INPUT_LIMITS.maxValues} fields and array items in all`);

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
      validationError: { target: false, value: false },
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
          [{ field: '(body)', message: 'must be a JSON object' }],
          'The request body must be a JSON object.',
        );
      }
      const problems = inputProblems(value, metadata.type === 'query' ? '(query)' : '(body)');
      if (problems.length) throw new ValidationFailed(problems);
    }
    return super.transform(value, metadata);
  }
}
