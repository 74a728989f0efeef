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

/**
 * The password was right; the person has a second factor, so sign-in needs a code too. The
 * `challenge` (valid `expiresIn` seconds) goes with the code to `POST /auth/second-factor`.
 */
export class SecondFactorRequired extends DomainError {
  readonly code = 'second_factor_required';
  readonly title = 'Second factor needed';
  constructor(challenge: string, expiresIn: number) {
    super('Enter the code from your authenticator app (or a recovery code) to finish signing in.', {
      members: { challenge, expiresIn },
      params: { expiresIn },
    });
  }
}

export class SecondFactorCodeWrong extends DomainError {
  readonly code = 'second_factor_code_wrong';
  readonly title = 'Wrong code';
  constructor() {
    super('The code is not right, has been used already, or has expired.', {
      errors: [{ field: 'code', code: 'invalid', message: 'is not right' }],
    });
  }
}

export class TooManySecondFactorAttempts extends DomainError {
  readonly code = 'too_many_second_factor_attempts';
  readonly title = 'Too many wrong codes';
  constructor(retryAfterSeconds: number) {
    super(`Too many wrong codes. Try again in ${retryAfterSeconds} seconds.`, {
      retryAfterSeconds,
      params: { retryAfterSeconds },
    });
  }
}

/** A role that must have a second factor, without one: only setting it up is allowed. */
export class SecondFactorSetupRequired extends DomainError {
  readonly code = 'second_factor_setup_required';
  readonly title = 'Set up a second factor first';
  constructor() {
    super('Your role needs a second factor. Set one up (POST /me/second-factor) first.');
  }
}

export class SecondFactorExists extends DomainError {
  readonly code = 'second_factor_exists';
  readonly title = 'A second factor is set up already';
  constructor() {
    super('A second factor is set up already; remove it first to set up another.');
  }
}

export class SecondFactorNotFound extends DomainError {
  readonly code = 'second_factor_not_found';
  readonly title = 'No second factor';
  constructor(detail = 'There is no second factor (being set up) to do this with.') {
    super(detail);
  }
}

export class ApiClientNotFound extends DomainError {
  readonly code = 'api_client_not_found';
  readonly title = 'API client not found';
  constructor(id: string) {
    super(`There is no API client with id ${id}.`, { params: { id } });
  }
}

export class ApiClientSecretNotFound extends DomainError {
  readonly code = 'api_client_secret_not_found';
  readonly title = 'Secret not found';
  constructor(id: string) {
    super(`The API client has no live secret with id ${id}.`, { params: { id } });
  }
}

export class ApiClientSecretLimit extends DomainError {
  readonly code = 'api_client_secret_limit';
  readonly title = 'Two secrets already';
  constructor(max: number) {
    super(`An API client has at most ${max} live secrets: retire one first.`, {
      params: { max },
    });
  }
}

/**
 * A token request of an OAuth client failed (RFC 6749 §5.2). Answered as problem+json like every
 * error, with the `error` and `error_description` members OAuth libraries read (ADR 35).
 */
export class OAuthError extends DomainError {
  readonly code: 'invalid_client' | 'unsupported_grant_type' | 'invalid_request';
  readonly title: string;
  constructor(
    error: 'invalid_client' | 'unsupported_grant_type' | 'invalid_request',
    description: string,
    headers?: Record<string, string>,
  ) {
    super(description, {
      members: { error, error_description: description },
      ...(headers ? { headers } : {}),
    });
    this.code = error;
    this.title =
      error === 'invalid_client'
        ? 'Client authentication failed'
        : error === 'unsupported_grant_type'
          ? 'Unsupported grant type'
          : 'Invalid token request';
  }
}
