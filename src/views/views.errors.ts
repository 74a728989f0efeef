import { Forbidden } from '../auth/auth.errors';
import { DomainError, ValidationFailed } from '../common/errors';

export class ViewNotFound extends DomainError {
  readonly code = 'view_not_found';
  readonly title = 'View not found';
  constructor(id: string) {
    super(`There is no view ${id} you may see.`, { params: { id } });
  }
}

/** Only the person who saved a view (or an administrator) changes or deletes it. */
export const notYourView = (): Forbidden =>
  new Forbidden('Only the person who saved this view may change or delete it.', {
    reason: 'not_your_view',
  });

export class ViewLimitReached extends DomainError {
  readonly code = 'view_limit_reached';
  readonly title = 'Too many views';
  constructor(max: number) {
    super(`A person keeps at most ${max} views; delete one first.`, { params: { max } });
  }
}

/** Sharing goes to the owner's team (staff) or unit (buyers); others have no one to share with. */
export const notShareable = (): ValidationFailed =>
  new ValidationFailed([
    {
      field: 'shared',
      code: 'not_shareable',
      message: 'only staff (with their team) and buyers (with their unit) share views',
    },
  ]);
