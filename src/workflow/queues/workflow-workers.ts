import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { DelayedError, Worker, type Job } from 'bullmq';
import { Histogram } from 'prom-client';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { MetricsService } from '../../health/metrics.service';
import { NotificationJobs, type DeliveryResult } from '../notifications/notification.jobs';
import { RouteCaseJob } from '../routing/route-case.job';
import { NotYetDue, SlaJobs } from '../sla/sla.jobs';
import { PledgeExpiryJobs } from '../sla/pledge-expiry.jobs';
import { bullConnection } from './queue.service';
import { JobHandlers } from './job-handlers';
import {
  JOB_NAMES,
  QUEUES,
  REGISTERED_JOB_NAMES,
  type JobItem,
  type JobName,
  type QueueName,
} from './queues';

/**
 * A delivery to try again later (ADR 41): the job sleeps in the delayed set until its next
 * attempt, the same job with the same id, without counting a BullMQ attempt (the delivery row
 * counts them, on its own schedule).
 */
async function retryLater(job: Job, result: DeliveryResult): Promise<unknown> {
  if (typeof result === 'string') return result;
  await job.moveToDelayed(result.retryAt.getTime(), job.token);
  throw new DelayedError();
}

type Handlers = {
  [N in JobName]: (data: Extract<JobItem, { name: N }>['data'], job: Job) => Promise<unknown>;
};

/**
 * The queue processors of this process: one BullMQ worker per queue, dispatching by job name to
 * exactly one handler (lost jobs are put back by JobRecovery). On shutdown, stops taking jobs and
 * lets the running ones finish.
 */
@Injectable()
export class WorkflowWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Workers');
  private readonly workers: Worker[] = [];
  private readonly handlers: Handlers;
  private readonly duration: Histogram<'queue' | 'name' | 'outcome'>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    routeCase: RouteCaseJob,
    sla: SlaJobs,
    pledges: PledgeExpiryJobs,
    notifications: NotificationJobs,
    private readonly registered: JobHandlers,
    metrics: MetricsService,
  ) {
    this.handlers = {
      'route-case': (data) => routeCase.handle(data),
      'schedule-sla': (data) => sla.schedule(data.caseId),
      'check-sla': async (data, job) => {
        const result = await sla.check(data);
        if (result instanceof NotYetDue) {
          // Fired early: sleep again until the due time, without counting an attempt.
          await job.moveToDelayed(result.dueAt.getTime(), job.token);
          throw new DelayedError();
        }
        return result;
      },
      'warn-sla': (data) => sla.warn(data),
      'schedule-pledge-expiry': (data) => pledges.schedule(data.entryId),
      'expire-pledge': async (data, job) => {
        const result = await pledges.expire(data);
        if (result.outcome === 'not_yet') {
          await job.moveToDelayed(result.expiresAt.getTime(), job.token);
          throw new DelayedError();
        }
        return result.outcome;
      },
      notify: (data) => notifications.fanOut(data),
      'deliver-email': async (data, job) =>
        retryLater(job, await notifications.deliverEmail(data.deliveryId)),
      'deliver-webhook': async (data, job) =>
        retryLater(job, await notifications.deliverWebhook(data.deliveryId)),
      'make-signals': (data, job) => registered.run('make-signals', data, job),
      'signal-digests': (data, job) => registered.run('signal-digests', data, job),
      'send-digest': (data, job) => registered.run('send-digest', data, job),
      'run-bulk-action': (data, job) => registered.run('run-bulk-action', data, job),
    };
    this.duration = new Histogram({
      name: 'brug_job_duration_seconds',
      help: 'Queue job run time by queue, job name and outcome',
      labelNames: ['queue', 'name', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [metrics.registry],
    });
  }

  /** Every job name has exactly one handler, and every handler a job name. */
  checkHandlers(): void {
    const handled = Object.keys(this.handlers).sort();
    const named = [...JOB_NAMES].sort();
    if (handled.join() !== named.join()) {
      throw new Error(`Job handlers (${handled.join()}) do not match job names (${named.join()})`);
    }
    const unregistered = REGISTERED_JOB_NAMES.filter((name) => !this.registered.has(name));
    if (unregistered.length > 0) {
      throw new Error(`No handler registered for ${unregistered.join(', ')}`);
    }
  }

  onApplicationBootstrap(): void {
    this.checkHandlers();
    const connection = bullConnection(this.config, true);
    for (const queue of QUEUES) {
      const worker = new Worker(queue, (job: Job) => this.run(queue, job), {
        connection,
        prefix: this.config.redisPrefix,
        concurrency: this.config.workerConcurrency,
        lockDuration: this.config.workerLockMs,
        stalledInterval: Math.max(1000, Math.floor(this.config.workerLockMs / 2)),
        maxStalledCount: 3,
      });
      worker.on('error', (error) => this.logger.warn(`Worker ${queue}: ${error.message}`));
      worker.on('failed', (job, error) => {
        if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
          this.logger.error(`Job ${queue}/${job.name} ${job.id} failed for good: ${error.message}`);
        }
      });
      this.workers.push(worker);
    }
    this.logger.log(`Processing ${QUEUES.join(', ')}`);
  }

  /**
   * Stops taking jobs and waits for the running ones; if that takes too long (Redis gone, a job
   * stuck), closes hard: an unfinished job is taken up again by another worker after its lock.
   */
  async onApplicationShutdown(): Promise<void> {
    const graceful = Promise.all(this.workers.map((w) => w.close()));
    const timedOut = await Promise.race([
      graceful.then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 10_000).unref()),
    ]);
    if (timedOut) {
      this.logger.warn('Workers did not stop in time; closing hard');
      await Promise.all(this.workers.map((w) => w.close(true).catch(() => undefined)));
    }
  }

  private async run(queue: QueueName, job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as JobName] as
      ((data: unknown, job: Job) => Promise<unknown>) | undefined;
    if (!handler) throw new Error(`No handler for job ${queue}/${job.name}`);
    const end = this.duration.startTimer({ queue, name: job.name });
    try {
      const result = await handler(job.data, job);
      end({ outcome: 'done' });
      return result;
    } catch (error) {
      end({ outcome: error instanceof DelayedError ? 'delayed' : 'error' });
      throw error;
    }
  }
}
