import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../auth/entities/user.entity';
import { CaseEntity } from '../cases/entities/case.entity';
import type { SignalDelivery, SignalKind } from './signal-kinds';

/**
 * One signal for one person (issue 19, item 3; ADR 40), made from one outbox event: the unique
 * (event, person) key makes a redelivered event add nothing. `delivery` is the person's choice
 * when it was made; `digested_at` is set when a daily digest told of it.
 */
@Entity('signals')
@Index('signals_once', ['eventId', 'userId'], { unique: true })
@Index('signals_user_idx', ['userId', 'createdAt', 'id'])
@Index('signals_unread_idx', ['userId', 'createdAt', 'id'], { where: '"read_at" IS NULL' })
@Index('signals_digest_idx', ['userId', 'createdAt'], {
  where: `"delivery" = 'daily_digest' AND "digested_at" IS NULL`,
})
@Check(
  'signals_kind_check',
  `"kind" IN ('case_assigned', 'deadline_due_soon', 'deadline_breached', 'proposal_awaiting', 'funding_requested', 'note_shared', 'closed_as_duplicate')`,
)
@Check('signals_delivery_check', `"delivery" IN ('in_app', 'email', 'daily_digest')`)
export class SignalEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'signals_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'signals_user_fkey' })
  user?: UserEntity;

  @Column({ type: 'text' })
  kind!: SignalKind;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'signals_case_fkey' })
  case?: CaseEntity;

  /** The outbox event it was made from. */
  @Column({ type: 'uuid' })
  eventId!: string;

  /** The event's facts the inbox words it with (a deadline's stage and due time). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail!: Record<string, unknown>;

  @Column({ type: 'text' })
  delivery!: SignalDelivery;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  digestedAt!: Date | null;
}

/** A person's choice per kind; no row is the kind's default (DEFAULT_DELIVERY). */
@Entity('signal_preferences')
@Check('signal_preferences_delivery_check', `"delivery" IN ('in_app', 'email', 'daily_digest')`)
export class SignalPreferenceEntity {
  @Column({ type: 'uuid', primary: true, primaryKeyConstraintName: 'signal_preferences_pkey' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'signal_preferences_user_fkey' })
  user?: UserEntity;

  @Column({ type: 'text', primary: true, primaryKeyConstraintName: 'signal_preferences_pkey' })
  kind!: SignalKind;

  @Column({ type: 'text' })
  delivery!: SignalDelivery;
}

/** One daily digest per person and day: claimed before the mail goes, so it goes once. */
@Entity('signal_digests')
export class SignalDigestEntity {
  @Column({ type: 'uuid', primary: true, primaryKeyConstraintName: 'signal_digests_pkey' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'signal_digests_user_fkey' })
  user?: UserEntity;

  @Column({ type: 'date', primary: true, primaryKeyConstraintName: 'signal_digests_pkey' })
  day!: string;

  @Column({ type: 'integer' })
  signalCount!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  sentAt!: Date;
}
