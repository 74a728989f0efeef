import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { RedisService } from '../redis/redis.service';
import { AttemptWindows, throttleAddress } from './attempt-windows';
import { TooManySignInAttempts } from './auth.errors';

/** A counted attempt; a right password gives it back (and clears the person's failures). */
export interface PasswordAttempt {
  succeeded(): Promise<void>;
}

/**
 * One script, so checking and counting are one step: of 32 concurrent attempts with 10 left,
 * exactly 10 are counted and go on to the password check. KEYS: the email-and-address counter,
 * the address counter; ARGV: their limits and the window in ms. Returns 0 when counted, else
 * the ms until the blocking window ends.
 */
const TAKE = `
local wait = 0
for i = 1, 2 do
  if tonumber(redis.call('GET', KEYS[i]) or '0') >= tonumber(ARGV[i]) then
    local ttl = redis.call('PTTL', KEYS[i])
    if ttl < 1 then ttl = tonumber(ARGV[3]) end
    wait = math.max(wait, ttl)
  end
end
if wait > 0 then return wait end
for i = 1, 2 do
  if redis.call('INCR', KEYS[i]) == 1 then redis.call('PEXPIRE', KEYS[i], ARGV[3]) end
end
return 0`;

/** After a right password: the email-and-address failures are forgotten, the address's slot given back. */
const RELEASE = `
redis.call('DEL', KEYS[1])
if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then redis.call('DECR', KEYS[2]) end
return 0`;

/**
 * Limits password guessing (sign-in and `PUT /me/password`) before the password is checked.
 * Every attempt is counted first, atomically, against two fixed windows that start at the first
 * attempt: one per email *and* client address (`SIGNIN_MAX_FAILURES_PER_EMAIL`), so a guesser
 * elsewhere cannot lock a person out, and a looser one per address across emails
 * (`SIGNIN_MAX_FAILURES_PER_ADDRESS`). A right password gives its attempt back. The counters
 * live in Redis, shared by every API process; while Redis does not answer, the same rule is
 * kept per process in bounded memory (ADR 17).
 */
@Injectable()
export class SignInThrottle {
  private readonly logger = new Logger('SignInThrottle');
  private readonly local = new AttemptWindows();
  private degraded = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisService,
  ) {}

  /** Counts one attempt, or throws TooManySignInAttempts while either counter is at its limit. */
  async take(email: string, address: string): Promise<PasswordAttempt> {
    const { pair, perAddress } = this.keys(email, address);
    const windowMs = this.config.signInWindowSeconds * 1000;
    const pairLimit = this.config.signInMaxFailuresPerEmail;
    const addressLimit = this.config.signInMaxFailuresPerAddress;
    let waitMs: number;
    let release: () => Promise<unknown>;
    try {
      waitMs = Number(
        await this.redis.client.eval(TAKE, 2, pair, perAddress, pairLimit, addressLimit, windowMs),
      );
      release = () => this.redis.client.eval(RELEASE, 2, pair, perAddress);
      this.recovered();
    } catch (error) {
      this.degrade(error);
      waitMs = this.local.take(
        [
          { key: pair, limit: pairLimit },
          { key: perAddress, limit: addressLimit },
        ],
        windowMs,
        Date.now(),
      );
      release = () => Promise.resolve(this.local.release(pair, perAddress, Date.now()));
    }
    if (waitMs > 0) throw new TooManySignInAttempts(Math.max(1, Math.ceil(waitMs / 1000)));
    return {
      succeeded: async () => {
        try {
          await release();
        } catch {
          // The attempt simply runs out with its window.
        }
      },
    };
  }

  private degrade(error: unknown): void {
    if (this.degraded) return;
    this.degraded = true;
    this.logger.warn(
      `Redis unavailable, sign-in attempts counted in this process: ${String(error)}`,
    );
  }

  private recovered(): void {
    if (!this.degraded) return;
    this.degraded = false;
    this.logger.log('Redis is back: sign-in attempts counted in Redis again');
  }

  private keys(email: string, address: string): { pair: string; perAddress: string } {
    const where = throttleAddress(address);
    // Hashed, so the keys in Redis do not list people's email addresses.
    const digest = createHash('sha256')
      .update(`${email.trim().toLowerCase()}\n${where}`)
      .digest('hex')
      .slice(0, 32);
    return {
      pair: this.redis.key('signin-attempts', 'email-address', digest),
      perAddress: this.redis.key('signin-attempts', 'address', where),
    };
  }
}
