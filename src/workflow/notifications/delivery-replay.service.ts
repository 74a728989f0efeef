import { Injectable } from '@nestjs/common';
import { UnitOfWork, type ActorRef } from '../../database/unit-of-work';
import {
  REPLAY_LIMIT,
  type ReplayDeliveriesDto,
  type ReplayResultDto,
} from './delivery-replay.dto';
import { QueueService } from '../queues/queue.service';
import { deliveryJobs } from './deliveries';

/**
 * Sends deliveries again, one or in bulk (issue 20, ADR 41): each goes back to `pending` with
 * its attempts at zero, so it gets a whole new retry window, and a job of its own (the job id
 * names the replay). One audit event per call, with the filter and the ids. The jobs are added
 * as the last step of the unit of work: a replay Redis refuses leaves nothing changed.
 */
@Injectable()
export class DeliveryReplayService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly queues: QueueService,
  ) {}

  async replay(actor: ActorRef, filter: ReplayDeliveriesDto): Promise<ReplayResultDto> {
    const values: unknown[] = [filter.status ?? 'failed'];
    const where = ['status = $1'];
    const add = (sql: (n: string) => string, value: unknown) => {
      values.push(value);
      where.push(sql(`$${values.length}`));
    };
    if (filter.deliveryIds) add((n) => `id = ANY(${n}::uuid[])`, filter.deliveryIds);
    if (filter.webhookId) {
      where.push(`channel = 'webhook'`);
      add((n) => `recipient = ${n}`, filter.webhookId);
    }
    if (filter.channel) add((n) => `channel = ${n}`, filter.channel);
    if (filter.eventType) add((n) => `event_type = ${n}`, filter.eventType);
    if (filter.from) add((n) => `created_at >= ${n}::timestamptz`, filter.from);
    if (filter.to) add((n) => `created_at < ${n}::timestamptz`, filter.to);
    const matching = where.join(' AND ');
    return this.uow.run(actor, async (w) => {
      const [rows] = await w.manager.query<
        [{ id: string; channel: 'email' | 'webhook'; replays: number }[], number]
      >(
        `WITH picked AS (
           SELECT id FROM notification_deliveries WHERE ${matching}
            ORDER BY created_at, id LIMIT ${REPLAY_LIMIT} FOR UPDATE SKIP LOCKED)
         UPDATE notification_deliveries d
            SET status = 'pending', attempts = 0, first_attempt_at = NULL, next_attempt_at = NULL,
                claimed_at = NULL, replays = d.replays + 1
           FROM picked WHERE d.id = picked.id
         RETURNING d.id, d.channel, d.replays`,
        values,
      );
      const [{ more }] = await w.manager.query<[{ more: boolean }]>(
        `SELECT EXISTS (SELECT 1 FROM notification_deliveries WHERE ${matching}) AS more`,
        values,
      );
      w.audit({
        action: 'deliveries.replayed',
        subjectType: 'notification_delivery',
        subjectId: rows.length === 1 ? rows[0]!.id : 'bulk',
        data: {
          filter: { ...filter, status: filter.status ?? 'failed' },
          count: rows.length,
          deliveryIds: rows.slice(0, 100).map((r) => r.id),
        },
      });
      await this.queues.add(deliveryJobs(rows));
      return { replayed: rows.length, more };
    });
  }
}
