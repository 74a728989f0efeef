import { Injectable, Logger } from '@nestjs/common';
import { refOf } from '../database/unit-of-work';
import {
  Forbidden,
  InvalidCredentials,
  SecondFactorRequired,
  SecondFactorSetupRequired,
  Unauthenticated,
} from './auth.errors';
import type { TokenDto } from './dto/token.dto';
import { PasswordHasher } from './password-hasher';
import type { Actor } from './roles';
import { SecondFactorService } from './second-factor.service';
import { SignInThrottle } from './sign-in-throttle';
import { CHALLENGE_TTL_SECONDS, TokenService } from './token.service';
import { UsersService } from './users.service';

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly throttle: SignInThrottle,
    private readonly secondFactors: SecondFactorService,
  ) {}

  /**
   * The password step of a sign-in. Each attempt is counted (per email and client address, and
   * per address) before the password is checked; failures are logged (never the password) and
   * answered alike whether the email exists. A person with a second factor gets
   * `SecondFactorRequired` with a challenge for `secondStep` instead (ADR 35). Returns who
   * signed in, for the caller to issue a token (or a session) to.
   */
  async passwordStep(
    email: string,
    password: string,
    address: string,
  ): Promise<{ id: string; tokenVersion: number }> {
    const normalised = email.trim().toLowerCase();
    const attempt = await this.throttle.take(normalised, address);
    const user = await this.users.findCredentials(normalised);
    const ok = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !ok || !user.active) {
      this.logger.warn({ event: 'sign_in_failed', email: normalised, address }, 'Failed sign-in');
      throw new InvalidCredentials();
    }
    await attempt.succeeded();
    if (await this.secondFactors.isEnabled(user.id)) {
      const challenge = await this.tokens.issueChallenge(user.id, user.tokenVersion);
      throw new SecondFactorRequired(challenge, CHALLENGE_TTL_SECONDS);
    }
    return { id: user.id, tokenVersion: user.tokenVersion };
  }

  /**
   * The second step: the challenge of the password step and a code from the app or a recovery
   * code. Wrong codes count per person; five lock the step for a while (ADR 35).
   */
  async secondStep(challenge: string, code: string): Promise<{ id: string; tokenVersion: number }> {
    const claims = await this.tokens.verifyChallenge(challenge);
    const user = claims ? await this.users.findActor(claims.sub) : null;
    if (!claims || !user || !user.active || user.tokenVersion !== claims.tv) {
      throw new Unauthenticated('The sign-in has expired or is no longer valid; sign in again.');
    }
    await this.secondFactors.verify(user, code);
    return { id: user.id, tokenVersion: user.tokenVersion };
  }

  /** A bearer token for who passed the sign-in steps. */
  async tokenFor(user: { id: string; tokenVersion: number }): Promise<TokenDto> {
    const accessToken = await this.tokens.issue(user.id, user.tokenVersion);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.tokens.ttlSeconds };
  }

  /** Exchanges email and password (and a second factor, when the person has one) for a token. */
  async signIn(email: string, password: string, address: string): Promise<TokenDto> {
    return this.tokenFor(await this.passwordStep(email, password, address));
  }

  /**
   * Refuses everything but setting up a second factor to a person whose role needs one and who
   * has none yet (`MFA_REQUIRED_ROLES`, ADR 35). Costs a query only for those roles.
   */
  async assertSecondFactorSetUp(actor: Actor): Promise<void> {
    if (await this.secondFactors.mustSetUp(actor.id, actor.role)) {
      throw new SecondFactorSetupRequired();
    }
  }

  /** The actor behind an `Authorization: Bearer …` header; throws Unauthenticated otherwise. */
  async authenticate(authorization: string | undefined): Promise<Actor> {
    const match = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/i.exec(authorization?.trim() ?? '');
    if (!match?.[1]) throw new Unauthenticated();
    const claims = await this.tokens.verify(match[1]);
    if (!claims) throw new Unauthenticated('The bearer token is invalid or has expired.');
    // Null when a password change or reset, deactivation or role change counted the version up.
    const user = await this.users.findSignedInActor(claims.sub, claims.tv);
    if (!user) throw new Unauthenticated('The bearer token is no longer valid.');
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
