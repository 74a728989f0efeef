import type { EntityManager } from 'typeorm';
import { NotificationDeliveryEntity } from './notification-delivery.entity';

/** A delivery in `sending` longer than this belonged to a worker that died: it may be retaken. */
const STUCK_AFTER = "interval '5 minutes'";

/**
 * Records the deliveries of an event (one per channel and recipient; the unique key makes a
 * second fan-out add nothing) and returns the ids of those not delivered yet.
 */
export async function recordDeliveries(
  manager: EntityManager,
  event: { id: string; type: string; payload: Record<string, unknown> },
  targets: { channel: 'email' | 'webhook'; recipient: string }[],
): Promise<{ id: string; channel: 'email' | 'webhook' }[]> {
  if (targets.length === 0) return [];
  await manager.query(
    `INSERT INTO notification_deliveries (event_id, event_type, channel, recipient, payload)
     SELECT $1, $2, t.channel, t.recipient, $3::jsonb
       FROM unnest($4::text[], $5::text[]) AS t(channel, recipient)
     ON CONFLICT (event_id, channel, recipient) DO NOTHING`,
    [
      event.id,
      event.type,
      JSON.stringify(event.payload),
      targets.map((t) => t.channel),
      targets.map((t) => t.recipient),
    ],
  );
  return manager.query<{ id: string; channel: 'email' | 'webhook' }[]>(
    `SELECT id, channel FROM notification_deliveries
      WHERE event_id = $1 AND status IN ('pending', 'failed', 'sending')`,
    [event.id],
  );
}

/** Takes a delivery for sending, or null when it is sent, skipped or being sent elsewhere. */
export async function claimDelivery(
  manager: EntityManager,
  id: string,
): Promise<NotificationDeliveryEntity | null> {
  const [rows] = await manager.query<[{ id: string }[], number]>(
    `UPDATE notification_deliveries
        SET status = 'sending', attempts = attempts + 1, claimed_at = now()
      WHERE id = $1 AND (status IN ('pending', 'failed')
                         OR (status = 'sending' AND claimed_at < now() - ${STUCK_AFTER}))
      RETURNING id`,
    [id],
  );
  if (!rows[0]) return null;
  return manager.getRepository(NotificationDeliveryEntity).findOneBy({ id });
}

export async function finishDelivery(
  manager: EntityManager,
  id: string,
  outcome: { status: 'sent' | 'skipped' } | { status: 'failed'; error: string },
): Promise<void> {
  await manager.query(
    `UPDATE notification_deliveries
        SET status = $2, last_error = $3,
            sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE sent_at END
      WHERE id = $1`,
    [id, outcome.status, outcome.status === 'failed' ? outcome.error.slice(0, 2000) : null],
  );
}
