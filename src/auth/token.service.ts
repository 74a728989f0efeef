import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { sign, verify, type JwtPayload } from 'jsonwebtoken';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';

const ISSUER = 'brug';
const AUDIENCE = 'brug-api';
/** A password step's challenge is only good for the second step (ADR 35). */
const CHALLENGE_AUDIENCE = 'brug-second-factor';
export const CHALLENGE_TTL_SECONDS = 300;

/** Valid access tokens kept by `verify` at most (a few MB). */
const MAX_KEPT_TOKENS = 10_000;

/** How far a token's `iat` may lie ahead of this clock (another process's clock may run fast). */
export const CLOCK_SKEW_SECONDS = 30;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AccessTokenClaims {
  sub: string;
  iat: number;
  exp: number;
  /** The user's token version when it was issued; any later change of it ends the token. */
  tv: number;
}

const isWholeNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * Signs and checks access tokens: HS256 only, so `alg: none` and algorithm swaps fail. The key
 * is made once: handed a string, jsonwebtoken would try it as a PEM key on every request first
 * (a fifth of a list request's CPU in the benchmarks).
 */
@Injectable()
export class TokenService {
  private readonly key: KeyObject;
  /**
   * Access tokens found valid, by their text, until they expire: a client sends the same token
   * with every request, and checking its signature and claims again gave the same answer each
   * time. Only a valid token is kept (the same bytes verify the same way; what can end a token
   * before it expires, a changed token version, is checked per request by the guard), and it is
   * dropped at its `exp` exactly as the full check would refuse it then.
   */
  private readonly valid = new Map<string, AccessTokenClaims>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

  get ttlSeconds(): number {
    return this.config.jwtTtlSeconds;
  }

  issue(userId: string, tokenVersion: number): Promise<string> {
    return this.sign(userId, tokenVersion, AUDIENCE, this.config.jwtTtlSeconds);
  }

  /**
   * The challenge of a right password when a second factor is needed: signed like a token, but
   * for another audience, so it opens nothing but the second step, for five minutes.
   */
  issueChallenge(userId: string, tokenVersion: number): Promise<string> {
    return this.sign(userId, tokenVersion, CHALLENGE_AUDIENCE, CHALLENGE_TTL_SECONDS);
  }

  async verify(token: string): Promise<AccessTokenClaims | null> {
    const known = this.valid.get(token);
    if (known) {
      // jsonwebtoken's own test: expired once the clock, in whole seconds, reaches `exp`.
      if (Math.floor(Date.now() / 1000) < known.exp) return known;
      this.valid.delete(token);
      return null;
    }
    const claims = await this.check(token, AUDIENCE, this.config.jwtTtlSeconds);
    if (claims) {
      // Live tokens are a few per signed-in person; the bound only guards against misuse.
      if (this.valid.size >= MAX_KEPT_TOKENS) this.valid.clear();
      this.valid.set(token, Object.freeze(claims));
    }
    return claims;
  }

  verifyChallenge(challenge: string): Promise<AccessTokenClaims | null> {
    return this.check(challenge, CHALLENGE_AUDIENCE, CHALLENGE_TTL_SECONDS);
  }

  private sign(
    userId: string,
    tokenVersion: number,
    audience: string,
    ttlSeconds: number,
  ): Promise<string> {
    return new Promise((resolve, reject) =>
      sign(
        { tv: tokenVersion },
        this.key,
        {
          algorithm: 'HS256',
          subject: userId,
          expiresIn: ttlSeconds,
          issuer: ISSUER,
          audience,
        },
        (error, token) =>
          error || !token ? reject(error ?? new Error('no token')) : resolve(token),
      ),
    );
  }

  /**
   * The claims of a valid token, or null for anything else: expired, forged, malformed, issued
   * in the future, living longer than tokens are issued for, or naming no user id. A signature
   * alone is not enough: a token Brug would never have issued is refused even when signed.
   */
  private check(
    token: string,
    audience: string,
    ttlSeconds: number,
  ): Promise<AccessTokenClaims | null> {
    return new Promise((resolve) =>
      verify(
        token,
        this.key,
        { algorithms: ['HS256'], issuer: ISSUER, audience },
        (error, decoded) => {
          const claims = decoded as JwtPayload | undefined;
          if (
            error ||
            !claims ||
            typeof claims.sub !== 'string' ||
            !UUID.test(claims.sub) ||
            !isWholeNumber(claims.iat) ||
            !isWholeNumber(claims.exp) ||
            !isWholeNumber(claims['tv']) ||
            claims.iat > Date.now() / 1000 + CLOCK_SKEW_SECONDS ||
            claims.exp - claims.iat > ttlSeconds
          ) {
            resolve(null);
            return;
          }
          resolve({ sub: claims.sub, iat: claims.iat, exp: claims.exp, tv: claims['tv'] });
        },
      ),
    );
  }
}
