import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { PledgeExpiries, type ExpiryOutcome } from '../../funding/pledge-expiries';
import { QueueService } from '../queues/queue.service';
import { jobIds, type JobItem } from '../queues/queues';

const RECONCILE_PAGE = 500;

type ExpiryJob = { job: JobItem; jobId: string; delayMs: number };

/**
 * The alarm clocks of expiring pledges (issue 18, item 4; ADR 36), like the SLA deadlines: one
 * delayed job per pending expiry with a stable id, fired at `expiresAt`; the handler checks the
 * stored state (`PledgeExpiries.expire`), so a job run twice, or after the pledge was committed,
 * does nothing more. The database holds the truth: the jobs are re-created from the pending rows
 * at every worker start and after Redis lost its data (JobRecovery).
 */
@Injectable()
export class PledgeExpiryJobs {
  private readonly logger = new Logger('PledgeExpiry');

  constructor(
    private readonly expiries: PledgeExpiries,
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  private jobOf(entryId: string, expiresAt: Date, now: number): ExpiryJob {
    return {
      job: {
        queue: 'sla',
        name: 'expire-pledge',
        data: { entryId, expiresAt: expiresAt.toISOString() },
      },
      jobId: jobIds.expirePledge(entryId),
      delayMs: Math.max(0, expiresAt.getTime() - now),
    };
  }

  /** After a pledge with `expiresAt` was recorded: its alarm clock. */
  async schedule(entryId: string): Promise<void> {
    const pending = await this.expiries.pending(entryId);
    if (!pending) return;
    await this.queues.add([this.jobOf(entryId, pending.expiresAt, this.clock.now().getTime())]);
  }

  /** At the expiry: what was open of the pledge is released (or nothing, when nothing is). */
  async expire(data: { entryId: string }): Promise<ExpiryOutcome> {
    const result = await this.expiries.expire(data.entryId, this.clock.now());
    if (result.outcome === 'released') {
      this.logger.log(`Pledge ${data.entryId} expired: ${result.amountCents} cents released`);
    }
    return result;
  }

  /** Re-creates the missing jobs of every pending expiry; returns how many it added. */
  async reconcile(pageSize = RECONCILE_PAGE): Promise<number> {
    let after: string | null = null;
    let added = 0;
    for (;;) {
      const page = await this.expiries.pendingPage(after, pageSize);
      if (page.length === 0) break;
      const now = this.clock.now().getTime();
      const jobs = page.map((p) => this.jobOf(p.entryId, p.expiresAt, now));
      const missing = new Set(
        await this.queues.missing(
          'sla',
          jobs.map((j) => j.jobId),
        ),
      );
      const lost = jobs.filter((j) => missing.has(j.jobId));
      await this.queues.add(lost);
      added += lost.length;
      after = page[page.length - 1]!.entryId;
    }
    return added;
  }
}
