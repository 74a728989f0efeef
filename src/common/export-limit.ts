import { randomUUID } from 'node:crypto';
import { Global, Injectable, Logger, Module } from '@nestjs/common';
import { RedisService } from '../redis/redis.service';
import { DomainError } from './errors';
import { type HttpResponse, whenResponseEnds } from './http-exchange';

/** Streaming exports one person may have running at once, across every API process. */
export const EXPORTS_PER_PERSON = 2;
/**
 * How long a slot lives without a heartbeat. A running export renews it every third of this;
 * the slot of a process that crashed mid-export is free again after at most this long.
 */
export const EXPORT_SLOT_TTL_MS = 60_000;
const RETRY_AFTER_SECONDS = 10;

/** The third export while two are still running (429 with Retry-After). */
export class TooManyExports extends DomainError {
  readonly code = 'too_many_exports';
  readonly title = 'Too many exports at once';
  constructor() {
    super(
      `You have ${EXPORTS_PER_PERSON} exports running; wait until one has finished and try again.`,
      { retryAfterSeconds: RETRY_AFTER_SECONDS, members: { limit: EXPORTS_PER_PERSON } },
    );
  }
}

/**
 * One person's running exports as a sorted set: a member per slot, scored by when it expires
 * (Redis's clock, so processes never compare their own). Expired slots are dropped first; then a
 * slot is taken if fewer than the limit are held. KEYS: the set; ARGV: limit, ttl ms, slot id.
 * Returns 1 when taken, 0 when the limit is reached.
 */
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

/** Pushes a held slot's expiry on (only if it is still held). KEYS: the set; ARGV: ttl ms, id. */
const RENEW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if redis.call('ZADD', KEYS[1], 'XX', 'CH', now + tonumber(ARGV[1]), ARGV[2]) == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return 0`;

/**
 * At most `EXPORTS_PER_PERSON` concurrent streaming exports per person (the audit trail, the
 * funding matrix as CSV, the OCDS package): each holds a database connection and a large
 * response for as long as the client reads, so one person cannot take the pool. The count lives
 * in Redis, shared by every API process; a slot expires unless its export renews it, so a crash
 * never holds one for good. While Redis does not answer, each process counts on its own (an
 * export does not need Redis, and is not refused for want of it).
 */
@Injectable()
export class ExportLimiter {
  private readonly logger = new Logger('ExportLimiter');
  /** Per-process counts, used only while Redis is away. */
  private readonly local = new Map<string, number>();

  constructor(private readonly redis: RedisService) {}

  /**
   * Takes one of the person's slots until `response` finishes or closes, or throws
   * `TooManyExports`. Call it before the export reads anything.
   */
  async begin(personId: string, response: HttpResponse): Promise<void> {
    const release = (await this.takeShared(personId)) ?? this.takeLocal(personId);
    // The client may have gone while the slot was being taken: then it is released at once.
    whenResponseEnds(response, release);
  }

  /** The Redis slot's release, `undefined` when Redis did not answer. */
  private async takeShared(personId: string): Promise<(() => void) | undefined> {
    const key = this.redis.key('exports', personId);
    const slot = randomUUID();
    let taken: unknown;
    try {
      taken = await this.redis.client.eval(
        TAKE,
        1,
        key,
        EXPORTS_PER_PERSON,
        EXPORT_SLOT_TTL_MS,
        slot,
      );
    } catch (error) {
      this.logger.warn(
        `Export slots counted per process, Redis unavailable: ${(error as Error).message}`,
      );
      return undefined;
    }
    if (taken !== 1) throw new TooManyExports();
    const heartbeat = setInterval(() => {
      this.redis.client.eval(RENEW, 1, key, EXPORT_SLOT_TTL_MS, slot).catch(() => {
        // Redis away: the slot expires on its own; nothing to do here.
      });
    }, EXPORT_SLOT_TTL_MS / 3);
    heartbeat.unref();
    return () => {
      clearInterval(heartbeat);
      this.redis.client.zrem(key, slot).catch(() => {
        // Redis away: the slot expires within EXPORT_SLOT_TTL_MS.
      });
    };
  }

  private takeLocal(personId: string): () => void {
    const held = this.local.get(personId) ?? 0;
    if (held >= EXPORTS_PER_PERSON) throw new TooManyExports();
    this.local.set(personId, held + 1);
    return () => {
      const left = (this.local.get(personId) ?? 1) - 1;
      if (left > 0) this.local.set(personId, left);
      else this.local.delete(personId);
    };
  }
}

/** Provides the one `ExportLimiter` of the process to every module that streams an export. */
@Global()
@Module({ providers: [ExportLimiter], exports: [ExportLimiter] })
export class ExportLimitModule {}
