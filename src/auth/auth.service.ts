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
   * Exchanges email and password for an access token. Failures are counted per email and per
   * client address, logged (never the password), and answered alike whether the email exists.
   */
  async signIn(email: string, password: string, address: string): Promise<TokenDto> {
    const normalised = email.trim().toLowerCase();
    await this.throttle.assertAllowed(normalised, address);
    const user = await this.users.findCredentials(normalised);
    const ok = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !ok || !user.active) {
      await this.throttle.recordFailure(normalised, address);
      this.logger.warn({ event: 'sign_in_failed', email: normalised, address }, 'Failed sign-in');
      throw new InvalidCredentials();
    }
    await this.throttle.recordSuccess(normalised);
    const accessToken = await this.tokens.issue(user.id);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.tokens.ttlSeconds };
  }

  /** The actor behind an `Authorization: Bearer …` header; throws Unauthenticated otherwise. */
  async authenticate(authorization: string | undefined): Promise<Actor> {
    const match = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/i.exec(authorization?.trim() ?? '');
    if (!match?.[1]) throw new Unauthenticated();
    const claims = await this.tokens.verify(match[1]);
    if (!claims) throw new Unauthenticated('The bearer token is invalid or has expired.');
    const user = await this.users.findActor(claims.sub);
    if (!user || !user.active) throw new Unauthenticated('The bearer token is no longer valid.');
    if (claims.iat < Math.floor(user.credentialsChangedAt.getTime() / 1000)) {
      throw new Unauthenticated('The bearer token was issued before the password was changed.');
    }
    const { active: _active, credentialsChangedAt: _changed, ...actor } = user;
    return actor;
  }

  /** Lets a signed-in user change their own password, proving they know the current one. */
  async changeOwnPassword(actor: Actor, current: string, next: string): Promise<void> {
    const user = await this.users.findCredentials(actor.email);
    if (!user || !(await this.hasher.verify(user.passwordHash, current))) {
      throw new Forbidden('The current password is not right.', {
        reason: 'wrong_current_password',
      });
    }
    await this.users.setPassword(refOf(actor), actor.id, next);
  }
}
