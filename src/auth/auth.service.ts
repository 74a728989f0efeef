import { Injectable, Logger } from '@nestjs/common';
import { refOf } from '../database/unit-of-work';
import { Forbidden, InvalidCredentials, Unauthenticated } from './auth.errors';
import type { TokenDto } from './dto/token.dto';
import { PasswordHasher } from './password-hasher';
import type { Actor } from './roles';
import { SignInThrottle } from './sign-in-throttle';
import { TokenService } from './token.service';
import { UsersService } from './users.service';

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly throttle: SignInThrottle,
  ) {}

  /**
   * Exchanges email and password for an access token. Each attempt is counted (per email and
   * client address, and per address) before the password is checked; failures are logged (never
   * the password) and answered alike whether the email exists.
   */
  async signIn(email: string, password: string, address: string): Promise<TokenDto> {
    const normalised = email.trim().toLowerCase();
    const attempt = await this.throttle.take(normalised, address);
    const user = await this.users.findCredentials(normalised);
    const ok = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !ok || !user.active) {
      this.logger.warn({ event: 'sign_in_failed', email: normalised, address }, 'Failed sign-in');
      throw new InvalidCredentials();
    }
    await attempt.succeeded();
    const accessToken = await this.tokens.issue(user.id, user.tokenVersion);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.tokens.ttlSeconds };
  }

  /** The actor behind an `Authorization: Bearer …` header; throws Unauthenticated otherwise. */
  async authenticate(authorization: string | undefined): Promise<Actor> {
    const match = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/i.exec(authorization?.trim() ?? '');
    if (!match?.[1]) throw new Unauthenticated();
    const claims = await this.tokens.verify(match[1]);
    if (!claims) throw new Unauthenticated('The bearer token is invalid or has expired.');
    const user = await this.users.findActor(claims.sub);
    // A password change or reset, deactivation or role change counted the version up since.
    if (!user || !user.active || user.tokenVersion !== claims.tv) {
      throw new Unauthenticated('The bearer token is no longer valid.');
    }
    const { active: _active, tokenVersion: _version, ...actor } = user;
    return actor;
  }

  /**
   * Lets a signed-in user change their own password, proving they know the current one. Wrong
   * guesses count against the sign-in throttle: a stolen token must not be a way to guess the
   * password. The change ends every token of the user, this one too.
   */
  async changeOwnPassword(
    actor: Actor,
    current: string,
    next: string,
    address: string,
  ): Promise<void> {
    const attempt = await this.throttle.take(actor.email, address);
    const user = await this.users.findCredentials(actor.email);
    if (!user || !(await this.hasher.verify(user.passwordHash, current))) {
      this.logger.warn(
        { event: 'password_change_failed', email: actor.email, address },
        'Wrong current password',
      );
      throw new Forbidden('The current password is not right.', {
        reason: 'wrong_current_password',
      });
    }
    await attempt.succeeded();
    await this.users.setPassword(refOf(actor), actor.id, next);
  }
}
