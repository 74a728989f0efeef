import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { AuditErasureEntity } from './audit-log.entity';

/**
 * One audit event, and (once sequenced) one leaf of the audit tree. `data` holds the exact
 * canonical JSON (RFC 8785) whose SHA-256 is `dataHash`, as text: a jsonb column would reorder
 * keys and rewrite numbers. Written without a lock in the change's transaction; the sequencer
 * gives it `leafIndex` later. Two updates only (a trigger refuses anything else): the leaf index,
 * once, and the erasure of `data`. `prevHash`/`hash` are the hash chain of the events from before
 * the tree (ADR 30); null for later events.
 */
@Entity('audit_events')
@Index('audit_events_case_idx', ['caseId', 'seq'])
@Index('audit_events_subject_idx', ['subjectType', 'subjectId', 'seq'])
@Index('audit_events_actor_idx', ['actorId', 'seq'])
@Index('audit_events_action_idx', ['action', 'seq'])
@Index('audit_events_occurred_idx', ['occurredAt', 'seq'])
@Index('audit_events_leaf_idx', ['leafIndex'], { unique: true })
@Index('audit_events_unsequenced_idx', ['seq'], { where: 'leaf_index IS NULL' })
@Index('audit_events_chained_idx', ['seq'], { where: 'hash IS NOT NULL' })
export class AuditEventEntity {
  @PrimaryGeneratedColumn('increment', {
    type: 'bigint',
    primaryKeyConstraintName: 'audit_events_pkey',
  })
  seq!: string;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text' })
  actorRole!: string;

  /** The actor's display name at the time: names change, the trail must not. */
  @Column({ type: 'text' })
  actorName!: string;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  subjectType!: string;

  @Column({ type: 'text' })
  subjectId!: string;

  @Column({ type: 'uuid', nullable: true })
  caseId!: string | null;

  /** null once erased. */
  @Column({ type: 'text', nullable: true })
  data!: string | null;

  @Column({ type: 'char', length: 64 })
  dataHash!: string;

  @Column({ type: 'bigint', nullable: true })
  leafIndex!: string | null;

  /** When the change wrote it (at most its commit). */
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  writtenAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sequencedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  erasureId!: string | null;

  @ManyToOne(() => AuditErasureEntity)
  @JoinColumn({ name: 'erasure_id', foreignKeyConstraintName: 'audit_events_erasure_fkey' })
  erasure?: Relation<AuditErasureEntity>;

  @Column({ type: 'char', length: 64, nullable: true })
  prevHash!: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  hash!: string | null;
}
