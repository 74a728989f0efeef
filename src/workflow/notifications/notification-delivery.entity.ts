import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const DELIVERY_STATUSES = [
  'pending',
  'sending',
  'retrying',
  'sent',
  'failed',
  'skipped',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One notification to one recipient for one event: the unique key that makes every delivery
 * effect-once, however often its job runs.
 */
@Entity('notification_deliveries')
@Index('notification_deliveries_once', ['eventId', 'channel', 'recipient'], { unique: true })
@Index('notification_deliveries_status_idx', ['status', 'createdAt'])
@Index('notification_deliveries_recipient_idx', ['recipient', 'status', 'createdAt'])
@Index('notification_deliveries_type_idx', ['eventType', 'status', 'createdAt'])
@Index('notification_deliveries_open_idx', ['id'], {
  where: `"status" IN ('pending', 'retrying', 'sending')`,
})
@Check('notification_deliveries_channel_check', `"channel" IN ('email', 'webhook')`)
@Check(
  'notification_deliveries_status_check',
  `"status" IN ('pending', 'sending', 'retrying', 'sent', 'failed', 'skipped')`,
)
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'notification_deliveries_pkey' })
  id!: string;

  /** The outbox event announced. */
  @Column({ type: 'uuid' })
  eventId!: string;

  @Column({ type: 'text' })
  eventType!: string;

  @Column({ type: 'text' })
  channel!: 'email' | 'webhook';

  /** An email address, or a webhook id. */
  @Column({ type: 'text' })
  recipient!: string;

  /**
   * `retrying`: failed, tried again at `nextAttemptAt`; `failed`: gave up (its window passed, or
   * the receiver refused it for good) and keeps its last error until replayed (ADR 41).
   */
  @Column({ type: 'text', default: 'pending' })
  status!: DeliveryStatus;

  /** The event's facts (ids, from/to, stage): a retry weeks later still knows what to say. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: Record<string, unknown>;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** When a worker took it; a delivery stuck in `sending` (its worker died) may be taken again. */
  @Column({ type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  /** The start of the retry window (`NOTIFY_RETRY_FOR_MS`); a replay starts a new one. */
  @Column({ type: 'timestamptz', nullable: true })
  firstAttemptAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  /** When the event was recorded (the outbox row's time): the CloudEvents `time`. */
  @Column({ type: 'timestamptz', nullable: true })
  eventTime!: Date | null;

  /** How often an admin replayed it; part of the job id of a replay. */
  @Column({ type: 'integer', default: 0 })
  replays!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
