import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';

const ISSUER = 'brug';
const AUDIENCE = 'brug-api';

export interface AccessTokenClaims {
  sub: string;
  iat: number;
  exp: number;
}

/** Signs and checks access tokens: HS256 only, so `alg: none` and algorithm swaps fail. */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.jwt = new JwtService({ secret: config.jwtSecret });
  }

  get ttlSeconds(): number {
    return this.config.jwtTtlSeconds;
  }

  issue(userId: string): Promise<string> {
    return this.jwt.signAsync(
      { sub: userId },
      {
        algorithm: 'HS256',
        expiresIn: this.config.jwtTtlSeconds,
        issuer: ISSUER,
        audience: AUDIENCE,
      },
    );
  }

  /** The claims of a valid token, or null for anything else (expired, forged, malformed). */
  async verify(token: string): Promise<AccessTokenClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<Partial<AccessTokenClaims>>(token, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      if (
        typeof claims.sub !== 'string' ||
        typeof claims.iat !== 'number' ||
        typeof claims.exp !== 'number'
      ) {
        return null;
      }
      return { sub: claims.sub, iat: claims.iat, exp: claims.exp };
    } catch {
      return null;
    }
  }
}
