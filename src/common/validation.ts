import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationFailed } from './errors';

/** Deeper input is refused before any transformation (class-transformer recurses per level). */
export const MAX_INPUT_DEPTH = 16;

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

/**
 * What no input of this API may hold, whatever its shape: nesting deeper than MAX_INPUT_DEPTH,
 * prototype keys, and the NUL character (PostgreSQL text cannot store it). Checked before
 * anything recurses into the input, so the answer is a 400 naming the field, never a 500.
 */
export function inputProblems(value: unknown, path = '', depth = 0, top = ''): FieldError[] {
  const name = path || '(body)';
  if (typeof value === 'string') {
    return value.includes('\u0000')
      ? [{ field: name, message: 'must not contain the NUL character' }]
      : [];
  }
  if (typeof value !== 'object' || value === null) return [];
  if (depth >= MAX_INPUT_DEPTH) {
    // Named by its top-level field: the full path of a runaway nesting says nothing more.
    return [{ field: top || '(body)', message: `is nested deeper than ${MAX_INPUT_DEPTH} levels` }];
  }
  const problems: FieldError[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) =>
      problems.push(...inputProblems(item, `${path}[${i}]`, depth + 1, top)),
    );
    return problems;
  }
  for (const key of Object.keys(value)) {
    const field = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) {
      problems.push({ field, message: 'is not a known field' });
      continue;
    }
    const child = (value as Record<string, unknown>)[key];
    problems.push(...inputProblems(child, field, depth + 1, top || key));
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
      const problems = inputProblems(value);
      if (problems.length) throw new ValidationFailed(problems.slice(0, 20));
    }
    return super.transform(value, metadata);
  }
}
