import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationFailed } from './errors';

/** Flattens class-validator's tree into `field` paths such as `domains[1].code`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      out.push({ field, message: humanise(message, error.property) });
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
    }
    return super.transform(value, metadata);
  }
}
