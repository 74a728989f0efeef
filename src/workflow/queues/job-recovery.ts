import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { RedisService } from '../../redis/redis.service';
import { SlaJobs } from '../sla/sla.jobs';
import { PledgeExpiryJobs } from '../sla/pledge-expiry.jobs';
import { OutboxRelay } from '../outbox/outbox-relay';
import { NotificationJobs } from '../notifications/notification.jobs';
import { COMPLETED_KEPT_SECONDS } from './queues';

/** How often (at most) a worker looks whether Redis still holds Brug's marker. */
export const WATCH_INTERVAL_MS = 5000;

type Task = 'watch' | 'resync';

/**
 * Puts jobs back when Redis lost them. Redis is not where Brug keeps its truth: a failover to
 * an empty replica, a restart without persistence or from an old snapshot, or a flush loses
 * queued and delayed jobs, and with them the alarm clocks of every open deadline.
 *
 * A marker key under REDIS_PREFIX holds the run id of the Redis server it was written to. Every
 * few seconds, and at once when the connection comes back, a worker reads both: a marker that
 * is gone (the data was lost) or that names another run id (Redis restarted, perhaps from an
 * older snapshot) means jobs may be lost. The worker then writes the marker again and recovers:
 * it replays the outbox events of the last day (routing, scheduling and notification jobs, with
 * their own ids) and re-creates every missing deadline job from the database. On a timer
 * (SLA_RESYNC_INTERVAL_MS) one worker at a time also re-creates missing deadline jobs, for a
 * loss the marker cannot see (a job deleted on its own). Every step is idempotent: job ids are
 * stable, and handlers are effect-once.
 */
@Injectable()
export class JobRecovery implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JobRecovery');
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly queued = new Set<Task>();
  private chain: Promise<void> = Promise.resolve();
  private running = false;
  /** Set when a loss was seen and not yet recovered from (a failed recovery is tried again). */
  private recoveryDue = false;
  /** Whether this process has checked every open deadline once (it does at start). */
  private reconciled = false;
  private lastError = '';
  private readonly onReady = () => this.request('watch');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisService,
    private readonly sla: SlaJobs,
    private readonly pledges: PledgeExpiryJobs,
    private readonly relay: OutboxRelay,
    private readonly notifications: NotificationJobs,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.redis.client.on('ready', this.onReady);
    const watchEvery = Math.min(WATCH_INTERVAL_MS, this.config.slaResyncIntervalMs);
    this.timers.push(
      setInterval(() => this.request('watch'), watchEvery),
      setInterval(() => this.request('resync'), this.config.slaResyncIntervalMs),
    );
    for (const timer of this.timers) timer.unref();
    this.request('watch');
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    for (const timer of this.timers) clearInterval(timer);
    this.redis.client.off('ready', this.onReady);
    await Promise.race([this.chain, new Promise((r) => setTimeout(r, 5000).unref())]);
  }

  /** The marker: the run id of the Redis server that holds Brug's jobs. */
  markerKey(): string {
    return this.redis.key('recovery', 'marker');
  }

  /** Runs a task after the ones before it; a task already waiting is not queued twice. */
  private request(task: Task): void {
    if (!this.running || this.queued.has(task)) return;
    this.queued.add(task);
    this.chain = this.chain.then(async () => {
      this.queued.delete(task);
      if (!this.running) return;
      try {
        await this.run(task);
        this.lastError = '';
      } catch (error) {
        // Redis or the database away: the next tick, or the connection's return, tries again.
        const message = error instanceof Error ? error.message : String(error);
        if (message !== this.lastError) this.logger.warn(`Job recovery (${task}): ${message}`);
        this.lastError = message;
      }
    });
  }

  private async run(task: Task): Promise<void> {
    if (task === 'resync') {
      if (this.redis.client.status !== 'ready' || !(await this.takeResyncTurn())) return;
      const added = (await this.sla.reconcile()) + (await this.pledges.reconcile());
      if (added > 0) this.logger.warn(`${added} deadline jobs were missing from Redis; re-created`);
      const deliveries = await this.notifications.reconcile();
      if (deliveries > 0) {
        this.logger.warn(`${deliveries} delivery jobs were missing from Redis; re-created`);
      }
      return;
    }
    // Until the connection is ready there is nothing to read; its 'ready' event asks again.
    if (this.redis.client.status !== 'ready') return;
    await this.watch();
    if (this.recoveryDue) {
      await this.recover();
      this.recoveryDue = false;
      this.reconciled = true;
    } else if (!this.reconciled) {
      // Once at every worker start: Redis may have lost jobs while no worker was watching.
      const added = await this.sla.reconcile();
      const expiries = await this.pledges.reconcile();
      const deliveries = await this.notifications.reconcile();
      this.reconciled = true;
      this.logger.log(
        `SLA deadlines checked: ${added} jobs re-created; pledge expiries: ${expiries} re-created; deliveries: ${deliveries} re-created`,
      );
    }
  }

  /** Reads the marker and the server's run id; when they differ, marks a recovery as due. */
  private async watch(): Promise<void> {
    const key = this.markerKey();
    const replies = (await this.redis.client.pipeline().info('server').get(key).exec()) ?? [];
    const [infoError, info] = replies[0] ?? [];
    const [markerError, reply] = replies[1] ?? [];
    if (markerError) throw markerError;
    const marker = typeof reply === 'string' ? reply : null;
    // A managed Redis may refuse INFO: then only a lost marker is seen, not a restart.
    const text = !infoError && typeof info === 'string' ? info : '';
    const runId = /run_id:(\w+)/.exec(text)?.[1] ?? 'unknown';
    if (marker === runId) return;
    // Written before recovering, so a loss during the recovery is seen again.
    await this.redis.client.set(key, runId);
    this.recoveryDue = true;
    this.logger.warn(
      marker === null
        ? "Redis does not hold Brug's marker (a first start, or Redis lost its data): re-creating jobs"
        : `Redis restarted (run id ${runId}, was ${marker}): re-creating lost jobs`,
    );
  }

  private async recover(): Promise<void> {
    const since = new Date(Date.now() - COMPLETED_KEPT_SECONDS * 1000);
    const replayed = await this.relay.replay(since);
    const added = (await this.sla.reconcile()) + (await this.pledges.reconcile());
    const deliveries = await this.notifications.reconcile();
    this.logger.log(
      `Recovered: ${replayed} outbox events replayed, ${added} deadline jobs and ${deliveries} delivery jobs re-created`,
    );
  }

  /** One safety-net pass per interval among all workers: the first to take the turn runs it. */
  private async takeResyncTurn(): Promise<boolean> {
    const ms = Math.max(500, Math.floor(this.config.slaResyncIntervalMs / 2));
    const taken = await this.redis.client.set(
      this.redis.key('recovery', 'resync'),
      '1',
      'PX',
      ms,
      'NX',
    );
    return taken === 'OK';
  }
}
