import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Queue, type ConnectionOptions } from 'bullmq';
import { Gauge } from 'prom-client';
import { MetricsService } from '../../health/metrics.service';
import { RedisService } from '../../redis/redis.service';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { jobOptions, QUEUES, type JobItem, type QueueName } from './queues';

/** Connection settings for BullMQ, from REDIS_URL. */
export function bullConnection(config: AppConfig, forWorker: boolean): ConnectionOptions {
  const url = new URL(config.redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    connectionName: forWorker ? 'brug-worker' : 'brug-producer',
    // Workers wait for Redis forever (BullMQ's requirement); producers fail fast so the outbox
    // relay can keep its rows and retry, and the API never hangs on a missing Redis.
    maxRetriesPerRequest: forWorker ? null : 1,
    enableOfflineQueue: forWorker,
    retryStrategy: (attempt: number) => Math.min(attempt * 250, 3000),
  };
}

/**
 * The producers of every queue, for the relay, the processors (follow-up jobs), the admin
 * endpoints and the metrics. Present in API and worker processes alike.
 */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly logger = new Logger('Queues');
  readonly queues: Record<QueueName, Queue>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    metrics: MetricsService,
    private readonly redis: RedisService,
  ) {
    const connection = bullConnection(config, false);
    this.queues = Object.fromEntries(
      QUEUES.map((name) => {
        const queue = new Queue(name, { connection, prefix: config.redisPrefix });
        queue.on('error', (error: Error) => this.logger.warn(`Queue ${name}: ${error.message}`));
        return [name, queue];
      }),
    ) as Record<QueueName, Queue>;
    const queues = this.queues;
    new Gauge({
      name: 'brug_queue_jobs',
      help: 'Jobs per queue and state, read from Redis at scrape time',
      labelNames: ['queue', 'state'],
      registers: [metrics.registry],
      async collect() {
        for (const name of QUEUES) {
          try {
            const counts = await queues[name].getJobCounts(
              'waiting',
              'active',
              'delayed',
              'failed',
              'completed',
            );
            for (const [state, n] of Object.entries(counts)) this.set({ queue: name, state }, n);
          } catch {
            // Redis away: the readiness probe says so; keep the last values.
          }
        }
      },
    });
  }

  /** Adds jobs (grouped per queue); a job whose id exists already is not added again. */
  async add(items: { job: JobItem; jobId: string; delayMs?: number }[]): Promise<void> {
    for (const name of QUEUES) {
      const mine = items.filter((i) => i.job.queue === name);
      if (mine.length === 0) continue;
      await this.queues[name].addBulk(
        mine.map(({ job, jobId, delayMs }) => ({
          name: job.name,
          data: job.data,
          opts: jobOptions(this.config, jobId, delayMs),
        })),
      );
    }
  }

  /**
   * Which of these job ids a queue does not hold in any state (one round trip: EXISTS on each
   * job's hash), so re-creating lost jobs costs little when nothing is lost.
   */
  async missing(name: QueueName, jobIds: string[]): Promise<string[]> {
    if (jobIds.length === 0) return [];
    const queue = this.queues[name];
    const pipeline = this.redis.client.pipeline();
    for (const id of jobIds) pipeline.exists(queue.toKey(id));
    const results = (await pipeline.exec()) ?? [];
    return jobIds.filter((_, i) => {
      const [error, exists] = results[i] ?? [new Error('no reply'), 0];
      if (error) throw error;
      return exists === 0;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    // Closing waits for Redis; without Redis, do not wait forever.
    await Promise.race([
      Promise.all(Object.values(this.queues).map((q) => q.close().catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, 5000).unref()),
    ]);
  }
}
