import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * How long MeentCoop has for each stage of a case of one priority, in working days (Dutch
 * calendar) or, for very short policies and tests, in seconds (which win when set).
 */
@Entity('sla_policies')
@Check('sla_policies_priority_check', `"priority" IN ('low', 'normal', 'high', 'urgent')`)
@Check(
  'sla_policies_positive_check',
  `"accept_working_days" >= 0 AND "propose_working_days" >= 0 AND "warn_before_seconds" >= 0`,
)
export class SlaPolicyEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'sla_policies_pkey' })
  priority!: string;

  @Column({ type: 'integer' })
  acceptWorkingDays!: number;

  @Column({ type: 'integer' })
  proposeWorkingDays!: number;

  @Column({ type: 'integer', nullable: true })
  acceptSeconds!: number | null;

  @Column({ type: 'integer', nullable: true })
  proposeSeconds!: number | null;

  /** A warning goes to the team this long before each due time. */
  @Column({ type: 'integer', default: 14400 })
  warnBeforeSeconds!: number;

  /** Optimistic locking: counted up by every change; the ETag is this number quoted. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
