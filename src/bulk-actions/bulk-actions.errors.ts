import { DomainError } from '../common/errors';

export class BulkActionNotFound extends DomainError {
  readonly code = 'bulk_action_not_found';
  readonly title = 'Bulk action not found';
  constructor(id: string) {
    super(`There is no bulk action ${id} you may see.`, { params: { id } });
  }
}

/** More cases than one bulk action takes: the person narrows the view first. */
export class BulkActionTooLarge extends DomainError {
  readonly code = 'bulk_action_too_large';
  readonly title = 'Too many cases for one bulk action';
  constructor(max: number, count: number, capped: boolean) {
    super(
      `A bulk action takes at most ${max} cases; ${capped ? 'more than ' : ''}${count} match. Narrow the selection.`,
      { params: { max, count, capped } },
    );
  }
}

/** The filters match no case (any more): nothing to do. */
export class BulkActionEmpty extends DomainError {
  readonly code = 'bulk_action_empty';
  readonly title = 'No cases selected';
  constructor() {
    super('No case matches the selection.');
  }
}
