import { DomainError } from '../common/errors';

/** No checkpoint of that tree size (the log signs one per batch; sizes in between have none). */
export class CheckpointNotFound extends DomainError {
  readonly code = 'audit_checkpoint_not_found';
  readonly title = 'Checkpoint not found';
  constructor(size?: number) {
    super(
      size === undefined
        ? 'The audit log has no checkpoint yet.'
        : `The audit log has no checkpoint of tree size ${size}.`,
      { params: size === undefined ? {} : { size } },
    );
  }
}
