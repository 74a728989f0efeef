import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { RedisService } from '../redis/redis.service';
import { TooManySignInAttempts } from './auth.errors';

/**
 * Counts failed sign-ins per email and per client address in Redis, shared by every API
 * process, in fixed windows that start at the first failure. While Redis is unreachable the
 * limit is not enforced (logged): sign-in must keep working when the queue store is down.
 */
@Injectable()
export class SignInThrottle {
  private readonly logger = new Logger('SignInThrottle');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisService,
  ) {}

  /** Throws TooManySignInAttempts while either counter is at its limit. */
  async assertAllowed(email: string, address: string): Promise<void> {
    const keys = this.keys(email, address);
    try {
      const result = await this.redis.client
        .multi()
        .get(keys.email)
        .pttl(keys.email)
        .get(keys.address)
        .pttl(keys.address)
        .exec();
      if (!result) return;
      const value = (i: number): number => Number(result[i]?.[1] ?? 0);
      const blockedMs = Math.max(
        value(0) >= this.config.signInMaxFailuresPerEmail ? value(1) : 0,
        value(2) >= this.config.signInMaxFailuresPerAddress ? value(3) : 0,
      );
      if (blockedMs > 0) throw new TooManySignInAttempts(Math.max(1, Math.ceil(blockedMs / 1000)));
    } catch (error) {
      if (error instanceof TooManySignInAttempts) throw error;
      this.logger.warn(`Sign-in limit not checked, Redis unavailable: ${String(error)}`);
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    const keys = this.keys(email, address);
    const window = this.config.signInWindowSeconds;
    try {
      await this.redis.client
        .multi()
        .incr(keys.email)
        .expire(keys.email, window, 'NX')
        .incr(keys.address)
        .expire(keys.address, window, 'NX')
        .exec();
    } catch (error) {
      this.logger.warn(`Failed sign-in not counted, Redis unavailable: ${String(error)}`);
    }
  }

  async recordSuccess(email: string): Promise<void> {
    try {
      await this.redis.client.del(this.keys(email, '').email);
    } catch {
      // The counter simply runs out with its window.
    }
  }

  private keys(email: string, address: string): { email: string; address: string } {
    // Hashed, so the keys in Redis do not list people's email addresses.
    const digest = createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 32);
    return {
      email: this.redis.key('signin-failures', 'email', digest),
      address: this.redis.key('signin-failures', 'address', address),
    };
  }
}
