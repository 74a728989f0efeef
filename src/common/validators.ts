import { ParseUUIDPipe } from '@nestjs/common';
import { ValidationFailed } from './errors';
import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';

export const KEBAB_CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A stable identifier such as `energy-poverty` or `meentcoop-energy`. */
export const IsKebabCode = (options: { each?: boolean } = {}): PropertyDecorator =>
  applyDecorators(
    MaxLength(64, options),
    Matches(KEBAB_CODE, {
      ...options,
      message: 'must be lower-case words joined by "-" (e.g. energy-poverty)',
      context: { code: 'not_a_code' },
    }),
  );

/**
 * Query-string booleans: only the literal words true/false; anything else is left as it is so
 * that @IsBoolean reports it instead of it silently becoming false.
 */
export const QueryBoolean = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  );

/** Query-string integers: digits only; anything else stays a string for @IsInt to refuse. */
export const QueryInt = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value,
  );

/** Trims surrounding whitespace of a string input. */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter. */
export function uuidParam(name = 'id'): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      new ValidationFailed([{ field: name, code: 'not_a_uuid', message: 'must be a UUID' }]),
  });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written `YYYY-MM-DD` (no time, no 2027-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return (
    y >= 1900 &&
    y <= 9999 &&
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d
  );
}

export const IsCalendarDate = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => isCalendarDate(value),
        defaultMessage: () => 'must be a date written YYYY-MM-DD',
      },
    },
    options,
  );

const RFC3339_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i;

/**
 * A moment: a calendar date (`YYYY-MM-DD`, read by the caller as a whole day) or a date and time
 * with its offset (`2026-03-01T12:00:00+01:00`, at most microseconds, as PostgreSQL keeps them).
 */
export function isDateOrDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (isCalendarDate(value)) return true;
  const m = RFC3339_DATE_TIME.exec(value);
  return m !== null && isCalendarDate(m[1]);
}

export const IsDateOrDateTime = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isDateOrDateTime',
      validator: {
        validate: (value: unknown) => isDateOrDateTime(value),
        defaultMessage: () =>
          'must be a date written YYYY-MM-DD or a date and time with its offset (RFC 3339)',
      },
    },
    options,
  );

/**
 * The field may be left out, but not sent as null (class-validator's @IsOptional lets null
 * through, which would then reach a NOT NULL column). For nullable fields use
 * `@ValidateIf((_, v) => v !== null)` with `@IsOptional()`.
 */
export const Optional = (): PropertyDecorator => ValidateIf((_, value) => value !== undefined);

/**
 * Every element of the array is a JSON object (not null, a string or an array). The error
 * points at the first bad element (`domains[1]`).
 */
export const EachIsObject = (what: string): PropertyDecorator =>
  ValidateBy({
    name: 'eachIsObject',
    validator: {
      validate: (value: unknown) =>
        !Array.isArray(value) ||
        value.every((e) => typeof e === 'object' && e !== null && !Array.isArray(e)),
      defaultMessage: (args) => {
        const list = (args?.value ?? []) as unknown[];
        const i = list.findIndex((e) => typeof e !== 'object' || e === null || Array.isArray(e));
        return `[${i}] must be ${what}`;
      },
    },
  });
