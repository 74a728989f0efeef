import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { RedisService } from '../redis/redis.service';
import { AttemptWindows } from './attempt-windows';
import { TooManySecondFactorAttempts } from './auth.errors';

/**
 * Checks and counts one attempt at once (KEYS[1]; ARGV: the limit and the window in ms): 0 when
 * counted, else the ms until the lock ends. The window starts at the first wrong code.
 */
const TAKE = `
if tonumber(redis.call('GET', KEYS[1]) or '0') >= tonumber(ARGV[1]) then
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl < 1 then ttl = tonumber(ARGV[2]) end
  return ttl
end
if redis.call('INCR', KEYS[1]) == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

/** A counted attempt at a second-factor code; a right code clears the person's count. */
export interface CodeAttempt {
  succeeded(): Promise<void>;
}

/**
 * Limits guessing of second-factor codes per person (not per address: the password is already
 * proven, and a six-digit code must not be guessable from many addresses). Every attempt is
 * counted before the code is checked, like the sign-in throttle (ADR 17); after
 * `SECOND_FACTOR_MAX_FAILURES` wrong codes the second step is locked until
 * `SECOND_FACTOR_LOCK_SECONDS` after the first. While Redis does not answer, the same rule holds
 * per process in bounded memory (ADR 35).
 */
@Injectable()
export class SecondFactorThrottle {
  private readonly logger = new Logger('SecondFactorThrottle');
  private readonly local = new AttemptWindows();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisService,
  ) {}

  async take(userId: string): Promise<CodeAttempt> {
    const key = this.redis.key('second-factor-attempts', userId);
    const limit = this.config.secondFactorMaxFailures;
    const windowMs = this.config.secondFactorLockSeconds * 1000;
    let waitMs: number;
    let clear: () => Promise<unknown>;
    try {
      waitMs = Number(await this.redis.client.eval(TAKE, 1, key, limit, windowMs));
      clear = () => this.redis.client.del(key);
    } catch (error) {
      this.logger.warn(
        `Redis unavailable, second-factor attempts counted in this process: ${String(error)}`,
      );
      waitMs = this.local.take([{ key, limit }], windowMs, Date.now());
      clear = () => Promise.resolve(this.local.release(key, key, Date.now()));
    }
    if (waitMs > 0) {
      this.logger.warn({ event: 'second_factor_locked', userId }, 'Second step locked');
      throw new TooManySecondFactorAttempts(Math.max(1, Math.ceil(waitMs / 1000)));
    }
    return {
      succeeded: async () => {
        try {
          await clear();
        } catch {
          // The count simply runs out with its window.
        }
      },
    };
  }
}
