import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One link of the hash chain. `data` holds the exact canonical JSON (RFC 8785) that was hashed,
 * as text: a jsonb column would reorder keys and rewrite numbers, and the hash would no longer
 * be reproducible from what is stored. Rows are never updated or deleted (a trigger refuses it).
 */
@Entity('audit_events')
@Index('audit_events_case_idx', ['caseId', 'seq'])
@Index('audit_events_subject_idx', ['subjectType', 'subjectId', 'seq'])
@Index('audit_events_actor_idx', ['actorId', 'seq'])
@Index('audit_events_action_idx', ['action', 'seq'])
@Index('audit_events_occurred_idx', ['occurredAt', 'seq'])
export class AuditEventEntity {
  @PrimaryColumn({ type: 'bigint', primaryKeyConstraintName: 'audit_events_pkey' })
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

  @Column({ type: 'text' })
  data!: string;

  @Column({ type: 'char', length: 64 })
  prevHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}
