import { Injectable } from '@nestjs/common';
import type { FailedJobDto } from './dto/workflow-admin.dto';
import { QueueService } from './queue.service';
import { QUEUES, type QueueName } from './queues';
import { JobNotFound } from './workflow.errors';

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

/** Jobs that failed their last attempt: visible to admins and re-drivable. */
@Injectable()
export class FailedJobsService {
  constructor(private readonly queues: QueueService) {}

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

  async retry(id: string): Promise<void> {
    const [queue, jobId] = decodeId(id);
    const job = await this.queues.queues[queue].getJob(jobId);
    if (!job || !(await job.isFailed())) throw new JobNotFound();
    await job.retry('failed');
  }
}
