import { DomainError } from '../common/errors';

export class Unauthenticated extends DomainError {
  readonly code = 'unauthenticated';
  readonly title = 'Sign-in required';
  constructor(detail = 'This request needs a valid bearer token.') {
    super(detail);
  }
}

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
  constructor(detail = 'Your role may not do this.') {
    super(detail);
  }
}

export class TooManySignInAttempts extends DomainError {
  readonly code = 'too_many_sign_in_attempts';
  readonly title = 'Too many failed sign-ins';
  constructor(retryAfterSeconds: number) {
    super(`Too many failed sign-ins. Try again in ${retryAfterSeconds} seconds.`, {
      retryAfterSeconds,
    });
  }
}

export class UserNotFound extends DomainError {
  readonly code = 'user_not_found';
  readonly title = 'User not found';
  constructor(id: string) {
    super(`There is no user with id ${id}.`);
  }
}

export class EmailTaken extends DomainError {
  readonly code = 'email_taken';
  readonly title = 'Email address already in use';
  constructor(email: string) {
    super(`A user with email address ${email} already exists.`, {
      errors: [{ field: 'email', message: 'is already in use' }],
    });
  }
}
