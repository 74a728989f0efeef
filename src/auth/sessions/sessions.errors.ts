import { DomainError } from '../../common/errors';

export class SessionNotFound extends DomainError {
  readonly code = 'session_not_found';
  readonly title = 'Session not found';
  constructor(id: string) {
    super(`You have no open session with id ${id}.`, { params: { id } });
  }
}
