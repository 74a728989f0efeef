import type { JobsOptions } from 'bullmq';
import type { AppConfig } from '../../config/config';
import type { SlaStage } from '../../events/events';

/**
 * Queue and job names are string constants: renaming a class must never orphan queued jobs.
 */
export const QUEUES = ['routing', 'sla', 'notifications', 'signals', 'bulk'] as const;
export type QueueName = (typeof QUEUES)[number];

/** Every job, as one typed union: a job carries ids (and the facts of its event), not state. */
export type JobItem =
  | { queue: 'routing'; name: 'route-case'; data: { caseId: string; eventId: string } }
  | { queue: 'sla'; name: 'schedule-sla'; data: { caseId: string } }
  | { queue: 'sla'; name: 'check-sla'; data: { caseId: string; stage: SlaStage; dueAt: string } }
  | { queue: 'sla'; name: 'warn-sla'; data: { caseId: string; stage: SlaStage; dueAt: string } }
  // Expiring pledges (issue 18, ADR 36): schedule the alarm clock, and ring it.
  | { queue: 'sla'; name: 'schedule-pledge-expiry'; data: { entryId: string } }
  | { queue: 'sla'; name: 'expire-pledge'; data: { entryId: string; expiresAt: string } }
  | {
      queue: 'notifications';
      name: 'notify';
      data: { eventId: string; type: string; payload: Record<string, unknown> };
    }
  | { queue: 'notifications'; name: 'deliver-email'; data: { deliveryId: string } }
  | { queue: 'notifications'; name: 'deliver-webhook'; data: { deliveryId: string } }
  // The signals inbox (issue 19, item 3; ADR 40): handled by `signals`, registered at start.
  | {
      queue: 'signals';
      name: 'make-signals';
      data: { eventId: string; type: string; payload: Record<string, unknown> };
    }
  | { queue: 'signals'; name: 'signal-digests'; data: Record<string, never> }
  | { queue: 'signals'; name: 'send-digest'; data: { userId: string; day: string } }
  // A bulk action on the work queue, case by case (issue 19, ADR 39).
  | { queue: 'bulk'; name: 'run-bulk-action'; data: { bulkActionId: string } };

export type JobName = JobItem['name'];
export const JOB_NAMES: readonly JobName[] = [
  'route-case',
  'schedule-sla',
  'check-sla',
  'warn-sla',
  'schedule-pledge-expiry',
  'expire-pledge',
  'notify',
  'deliver-email',
  'deliver-webhook',
  'make-signals',
  'signal-digests',
  'send-digest',
  'run-bulk-action',
];

/** The jobs another feature handles (it registers its handlers in `JobHandlers` at start). */
export const REGISTERED_JOB_NAMES = [
  'make-signals',
  'signal-digests',
  'send-digest',
  'run-bulk-action',
] as const;
export type RegisteredJobName = (typeof REGISTERED_JOB_NAMES)[number];

/** How long a completed job is kept: within it, a second add of its id is dropped. */
export const COMPLETED_KEPT_SECONDS = 24 * 3600;

/**
 * The retry policy of every job, in one place: attempts and exponential backoff from the
 * configuration, completed jobs kept a day (ids deduplicate replays meanwhile), failed jobs kept
 * until an admin retries them.
 */
export function jobOptions(config: AppConfig, jobId: string, delayMs = 0): JobsOptions {
  return {
    jobId,
    delay: Math.max(0, delayMs),
    attempts: config.jobAttempts,
    backoff: { type: 'exponential', delay: config.jobBackoffMs },
    removeOnComplete: { age: COMPLETED_KEPT_SECONDS, count: 10_000 },
    removeOnFail: false,
  };
}

/**
 * Job ids that are stable for what they do, so a second add of the same work is dropped. A
 * deadline job's id names its due time: when a suspension or an extension moves the due time
 * (ADR 26), the alarm for the new time is a new job, even while the old one is kept as completed.
 */
export const jobIds = {
  check: (caseId: string, stage: SlaStage, dueAt: Date) =>
    `check-${stage}-${caseId}-${dueAt.getTime()}`,
  warn: (caseId: string, stage: SlaStage, dueAt: Date) =>
    `warn-${stage}-${caseId}-${dueAt.getTime()}`,
  expirePledge: (entryId: string) => `expire-pledge-${entryId}`,
  digest: (userId: string, day: string) => `digest-${userId}-${day}`,
};
