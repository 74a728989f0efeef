import type { EntityManager } from 'typeorm';
import type { JobItem } from '../queues/queues';
import { NotificationDeliveryEntity } from './notification-delivery.entity';

/** A delivery in `sending` longer than this belonged to a worker that died: it may be retaken. */
export const STUCK_AFTER_MS = 5 * 60_000;
const STUCK_AFTER = `interval '${STUCK_AFTER_MS / 1000} seconds'`;

/**
 * The job id of a delivery: its own id, and for a replay the replay's number with it (the job
 * of the delivery's first round is kept in the failed set, and BullMQ drops an id it holds).
 */
export const deliveryJobId = (d: { id: string; replays: number }): string =>
  d.replays > 0 ? `${d.id}-replay-${d.replays}` : d.id;

/** The jobs of some deliveries (for `QueueService.add`), each at the time of its next attempt. */
export function deliveryJobs(
  deliveries: { id: string; channel: 'email' | 'webhook'; replays: number; at?: Date | null }[],
  now = Date.now(),
): { job: JobItem; jobId: string; delayMs: number }[] {
  return deliveries.map((d) => ({
    job: {
      queue: 'notifications',
      name: d.channel === 'email' ? 'deliver-email' : 'deliver-webhook',
      data: { deliveryId: d.id },
    },
    jobId: deliveryJobId(d),
    delayMs: d.at ? d.at.getTime() - now : 0,
  }));
}

/**
 * Records the deliveries of an event (one per channel and recipient; the unique key makes a
 * second fan-out add nothing) and returns those not delivered yet.
 */
export async function recordDeliveries(
  manager: EntityManager,
  event: { id: string; type: string; payload: Record<string, unknown>; time: Date | null },
  targets: { channel: 'email' | 'webhook'; recipient: string }[],
): Promise<{ id: string; channel: 'email' | 'webhook'; replays: number }[]> {
  if (targets.length === 0) return [];
  await manager.query(
    `INSERT INTO notification_deliveries (event_id, event_type, channel, recipient, payload, event_time)
     SELECT $1, $2, t.channel, t.recipient, $3::jsonb, $6
       FROM unnest($4::text[], $5::text[]) AS t(channel, recipient)
     ON CONFLICT (event_id, channel, recipient) DO NOTHING`,
    [
      event.id,
      event.type,
      JSON.stringify(event.payload),
      targets.map((t) => t.channel),
      targets.map((t) => t.recipient),
      event.time,
    ],
  );
  return manager.query<{ id: string; channel: 'email' | 'webhook'; replays: number }[]>(
    `SELECT id, channel, replays FROM notification_deliveries
      WHERE event_id = $1 AND status IN ('pending', 'retrying', 'failed', 'sending')`,
    [event.id],
  );
}

export type Claim =
  | { state: 'claimed'; delivery: NotificationDeliveryEntity }
  /** Being sent by a worker now, or by one that died: look again when it may be retaken. */
  | { state: 'busy'; retakeAt: Date }
  /** Sent or skipped already: nothing to do. */
  | { state: 'done' };

/**
 * Takes a delivery for sending: counts the attempt, and starts its retry window at its first
 * attempt. `failed` is taken too: the failed job of a delivery is re-run by an admin
 * (`POST /admin/failed-jobs/{id}/retry`) or by a recovery replay.
 */
export async function claimDelivery(manager: EntityManager, id: string): Promise<Claim> {
  const [rows] = await manager.query<[{ id: string }[], number]>(
    `UPDATE notification_deliveries
        SET status = 'sending', attempts = attempts + 1, claimed_at = now(),
            first_attempt_at = COALESCE(first_attempt_at, now()), next_attempt_at = NULL
      WHERE id = $1 AND (status IN ('pending', 'retrying', 'failed')
                         OR (status = 'sending' AND claimed_at < now() - ${STUCK_AFTER}))
      RETURNING id`,
    [id],
  );
  if (rows[0]) {
    const delivery = await manager.getRepository(NotificationDeliveryEntity).findOneBy({ id });
    if (delivery) return { state: 'claimed', delivery };
  }
  const [row] = await manager.query<{ status: string; claimed_at: Date | null }[]>(
    `SELECT status, claimed_at FROM notification_deliveries WHERE id = $1`,
    [id],
  );
  if (row?.status === 'sending' && row.claimed_at) {
    return { state: 'busy', retakeAt: new Date(row.claimed_at.getTime() + STUCK_AFTER_MS + 1000) };
  }
  return { state: 'done' };
}

export type Outcome =
  | { status: 'sent' | 'skipped' }
  | { status: 'retrying'; error: string; nextAttemptAt: Date }
  | { status: 'failed'; error: string };

export async function finishDelivery(
  manager: EntityManager,
  id: string,
  outcome: Outcome,
): Promise<void> {
  const error = 'error' in outcome ? outcome.error.slice(0, 2000) : null;
  await manager.query(
    `UPDATE notification_deliveries
        SET status = $2, last_error = $3, next_attempt_at = $4,
            sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE sent_at END
      WHERE id = $1`,
    [id, outcome.status, error, outcome.status === 'retrying' ? outcome.nextAttemptAt : null],
  );
}
