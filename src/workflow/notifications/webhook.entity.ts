import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** A subscriber to Brug's events; every delivery is signed with its secret (HMAC-SHA256). */
@Entity('webhooks')
export class WebhookEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'webhooks_pkey' })
  id!: string;

  @Column({ type: 'text' })
  url!: string;

  @Column({ type: 'text', array: true })
  eventTypes!: string[];

  /** Never returned by the API; shown once, when the webhook is created. */
  @Column({ type: 'text', select: false })
  secret!: string;

  /** Only events of cases of these teams (none: every team). */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  teamIds!: string[];

  /** Only events of cases touching these domains (none: every domain). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  domainCodes!: string[];

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Since when every delivery failed (no success since); null while it answers. */
  @Column({ type: 'timestamptz', nullable: true })
  failingSince!: Date | null;

  /** When the administrators were emailed about this failing episode. */
  @Column({ type: 'timestamptz', nullable: true })
  failureAlertedAt!: Date | null;

  /** When Brug switched it off itself (it answered 410 Gone), and why. */
  @Column({ type: 'timestamptz', nullable: true })
  switchedOffAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  switchedOffReason!: string | null;

  /** Optimistic locking: counted up by every change; the ETag is this number quoted. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
