import { DomainError } from '../common/errors';

// Shared with the access decorators (src/common/access.ts).
export { Unauthenticated } from '../common/access';

export class InvalidCredentials extends DomainError {
  readonly code = 'invalid_credentials';
  readonly title = 'Wrong email or password';
  constructor() {
    super('The email address or the password is not right.');
  }
}

export class Forbidden extends DomainError {
  readonly code = 'forbidden';
  readonly title = 'Not allowed';
  /** `params.reason` names the rule when it is more than "your role may not" (ADR 23). */
  constructor(detail = 'Your role may not do this.', params?: Record<string, unknown>) {
    super(detail, params ? { params } : {});
  }
}

export class TooManySignInAttempts extends DomainError {
  readonly code = 'too_many_sign_in_attempts';
  readonly title = 'Too many failed sign-ins';
  constructor(retryAfterSeconds: number) {
    super(`Too many failed sign-ins. Try again in ${retryAfterSeconds} seconds.`, {
      retryAfterSeconds,
      params: { retryAfterSeconds },
    });
  }
}

export class UserNotFound extends DomainError {
  readonly code = 'user_not_found';
  readonly title = 'User not found';
  constructor(id: string) {
    super(`There is no user with id ${id}.`, { params: { id } });
  }
}

export class EmailTaken extends DomainError {
  readonly code = 'email_taken';
  readonly title = 'Email address already in use';
  constructor(email: string) {
    super(`A user with email address ${email} already exists.`, {
      errors: [{ field: 'email', code: 'in_use', message: 'is already in use' }],
    });
  }
}
