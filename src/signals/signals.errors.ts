import { DomainError, ValidationFailed } from '../common/errors';

export class SignalNotFound extends DomainError {
  readonly code = 'signal_not_found';
  readonly title = 'Signal not found';
  constructor(id: string) {
    super(`You have no signal ${id}.`, { params: { id } });
  }
}

/** A preference names each kind once. */
export const kindTwice = (index: number, kind: string): ValidationFailed =>
  new ValidationFailed([
    {
      field: `items[${index}].kind`,
      code: 'duplicate',
      message: `names ${kind} a second time`,
      params: { value: kind },
    },
  ]);
