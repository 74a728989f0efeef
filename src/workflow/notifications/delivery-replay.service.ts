import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CursorCodec } from '../../common/cursor';
import { InvalidCursor } from '../../common/errors';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { UnitOfWork, type ActorRef } from '../../database/unit-of-work';
import {
  REPLAY_LIMIT,
  type DeliveryListDto,
  type ListDeliveriesQuery,
  type ReplayDeliveriesDto,
  type ReplayResultDto,
} from './delivery-replay.dto';
import { QueueService } from '../queues/queue.service';
import { deliveryJobs } from './deliveries';
import type { DeliveryStatus } from './notification-delivery.entity';

interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  channel: 'email' | 'webhook';
  recipient: string;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  first_attempt_at: Date | null;
  next_attempt_at: Date | null;
  sent_at: Date | null;
  replays: number;
  created_at: Date;
  at_key: string;
}

/**
 * Sends deliveries again, one or in bulk (issue 20, ADR 41): each goes back to `pending` with
 * its attempts at zero, so it gets a whole new retry window, and a job of its own (the job id
 * names the replay). One audit event per call, with the filter and the ids. The jobs are added
 * as the last step of the unit of work: a replay Redis refuses leaves nothing changed.
 */
@Injectable()
export class DeliveryReplayService {
  private readonly cursors: CursorCodec;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly queues: QueueService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cursors = new CursorCodec(config.jwtSecret);
  }

  /**
   * Deliveries of one status (failed by default), newest first, keyset paged on (created_at,
   * id): from `notification_deliveries_status_idx`, or with a webhook or an event type from the
   * index that starts with it.
   */
  async list(query: ListDeliveriesQuery): Promise<DeliveryListDto> {
    const pageSize = query.pageSize ?? 25;
    const status = query.status ?? 'failed';
    const scope = `deliveries:${status}:${query.webhookId ?? ''}:${query.eventType ?? ''}`;
    const values: unknown[] = [status];
    const where = ['status = $1'];
    const add = (sql: (n: string) => string, value: unknown) => {
      values.push(value);
      where.push(sql(`$${values.length}`));
    };
    if (query.webhookId) {
      where.push(`channel = 'webhook'`);
      add((n) => `recipient = ${n}`, query.webhookId);
    }
    if (query.eventType) add((n) => `event_type = ${n}`, query.eventType);
    if (query.cursor) {
      const [at, id] = this.cursors.decode(query.cursor, scope);
      if (typeof at !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) {
        throw new InvalidCursor();
      }
      values.push(at, id);
      where.push(
        `(created_at, id) < ($${values.length - 1}::timestamptz, $${values.length}::uuid)`,
      );
    }
    values.push(pageSize + 1);
    const rows = await this.db.query<DeliveryRow[]>(
      `SELECT id, event_id, event_type, channel, recipient, status, attempts, last_error,
              first_attempt_at, next_attempt_at, sent_at, replays, created_at,
              created_at::text AS at_key
         FROM notification_deliveries WHERE ${where.join(' AND ')}
        ORDER BY created_at DESC, id DESC LIMIT $${values.length}`,
      values,
    );
    const page = rows.slice(0, pageSize);
    const last = page[page.length - 1];
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    return {
      items: page.map((r) => ({
        id: r.id,
        eventId: r.event_id,
        eventType: r.event_type,
        channel: r.channel,
        recipient: r.recipient,
        status: r.status,
        attempts: r.attempts,
        lastError: r.last_error,
        firstAttemptAt: iso(r.first_attempt_at),
        nextAttemptAt: iso(r.next_attempt_at),
        sentAt: iso(r.sent_at),
        replays: r.replays,
        createdAt: r.created_at.toISOString(),
      })),
      nextCursor:
        rows.length > pageSize && last ? this.cursors.encode([last.at_key, last.id], scope) : null,
    };
  }

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
