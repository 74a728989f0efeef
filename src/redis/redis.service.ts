import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';

/**
 * The service's general-purpose Redis connection (rate limits, health). BullMQ opens its own
 * connections. Commands fail fast while Redis is away instead of queueing in memory: callers
 * decide what a missing Redis means for them.
 */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  readonly client: Redis;
  private readonly logger = new Logger('Redis');
  private lastError = '';

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.client = new Redis(config.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      commandTimeout: 2000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
      connectionName: 'brug',
    });
    this.client.on('error', (error: Error) => {
      // Log each distinct failure once, not once per reconnect attempt.
      if (error.message !== this.lastError) {
        this.lastError = error.message;
        this.logger.warn(`Redis unavailable: ${error.message}`);
      }
    });
    this.client.on('ready', () => {
      if (this.lastError) this.logger.log('Redis is back');
      this.lastError = '';
    });
  }

  /** A key in this installation's namespace (REDIS_PREFIX), so runs and tenants never mix. */
  key(...parts: string[]): string {
    return [this.config.redisPrefix, ...parts].join(':');
  }

  async ping(): Promise<void> {
    await this.client.ping();
  }

  onApplicationShutdown(): void {
    this.client.disconnect();
  }
}
