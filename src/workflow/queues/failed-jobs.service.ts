import { Injectable } from '@nestjs/common';
import { UnitOfWork, type ActorRef } from '../../database/unit-of-work';
import type { FailedJobDto } from './failed-job.dto';
import { QueueService } from './queue.service';
import { QUEUES, type QueueName } from './queues';
import { JobNotFound } from '../workflow.errors';

const encodeId = (queue: QueueName, jobId: string) =>
  Buffer.from(JSON.stringify([queue, jobId])).toString('base64url');

function decodeId(id: string): [QueueName, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(id, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      (QUEUES as readonly unknown[]).includes(value[0]) &&
      typeof value[1] === 'string'
    ) {
      return value as [QueueName, string];
    }
  } catch {
    // fall through
  }
  throw new JobNotFound();
}

/**
 * Jobs that failed their last attempt: visible to admins and re-drivable. The only way to change
 * a queue by hand (the queue dashboard is read-only, ADR 0020), so every retry is audited.
 */
@Injectable()
export class FailedJobsService {
  constructor(
    private readonly queues: QueueService,
    private readonly uow: UnitOfWork,
  ) {}

  async list(limit = 100): Promise<FailedJobDto[]> {
    const items: FailedJobDto[] = [];
    for (const name of QUEUES) {
      for (const job of await this.queues.queues[name].getFailed(0, limit - 1)) {
        if (!job.id) continue;
        items.push({
          id: encodeId(name, job.id),
          queue: name,
          name: job.name,
          data: (job.data ?? {}) as Record<string, unknown>,
          failedReason: job.failedReason ?? '',
          attemptsMade: job.attemptsMade,
          failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
        });
      }
    }
    return items.sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''));
  }

  /**
   * Runs a failed job again, with an audit event (`job.retried`: queue, job id and name). The
   * retry is the last step of the unit of work, so a retry that Redis refuses leaves no event.
   */
  async retry(actor: ActorRef, id: string): Promise<void> {
    const [queue, jobId] = decodeId(id);
    const job = await this.queues.queues[queue].getJob(jobId);
    if (!job || !(await job.isFailed())) throw new JobNotFound();
    await this.uow.run(actor, async (w) => {
      w.audit({
        action: 'job.retried',
        subjectType: 'queue_job',
        subjectId: `${queue}/${jobId}`,
        data: { queue, jobId, name: job.name, attemptsMade: job.attemptsMade },
      });
      await job.retry('failed');
    });
  }
}
