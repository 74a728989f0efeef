import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One notification to one recipient for one event: the unique key that makes every delivery
 * effect-once, however often its job runs.
 */
@Entity('notification_deliveries')
@Index('notification_deliveries_once', ['eventId', 'channel', 'recipient'], { unique: true })
@Index('notification_deliveries_status_idx', ['status', 'createdAt'])
@Check('notification_deliveries_channel_check', `"channel" IN ('email', 'webhook')`)
@Check(
  'notification_deliveries_status_check',
  `"status" IN ('pending', 'sending', 'sent', 'failed', 'skipped')`,
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

  @Column({ type: 'text', default: 'pending' })
  status!: 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
