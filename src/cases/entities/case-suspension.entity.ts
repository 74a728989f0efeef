import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { CaseEntity } from './case.entity';

/** Why a case waits, so its SLA clock stands still (ADR 26). */
export const SUSPENSION_KINDS = [
  'waiting_for_buyer',
  'waiting_for_funding',
  'waiting_for_third_party',
  'other',
] as const;
export type SuspensionKind = (typeof SUSPENSION_KINDS)[number];

/**
 * Why a suspension ended: staff restarted the clock, the buyer answered a case waiting for them
 * (Brug restarts it), or the case left its last open stage (nothing left to stand still).
 */
export const SUSPENSION_END_CAUSES = ['staff', 'buyer_note', 'stage_closed'] as const;
export type SuspensionEndCause = (typeof SUSPENSION_END_CAUSES)[number];

/**
 * One stop of a case's SLA clock: from `started_at` until `ended_at` (null while it lasts; at
 * most one such row per case, by a unique partial index). The moves of the due times it caused
 * are rows of `case_deadline_changes`.
 */
@Entity('case_suspensions')
@Index('case_suspensions_case_idx', ['caseId', 'startedAt'])
@Index('case_suspensions_one_current', { synchronize: false })
@Index('case_suspensions_started_idx', { synchronize: false })
@Index('case_suspensions_ended_idx', { synchronize: false })
@Check(
  'case_suspensions_kind_check',
  `"kind" IN ('waiting_for_buyer', 'waiting_for_funding', 'waiting_for_third_party', 'other')`,
)
@Check(
  'case_suspensions_end_check',
  `("ended_at" IS NULL) = ("ended_because" IS NULL) AND ("ended_because" IS NULL OR "ended_because" IN ('staff', 'buyer_note', 'stage_closed'))`,
)
export class CaseSuspensionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'case_suspensions_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_suspensions_case_fkey' })
  case?: CaseEntity;

  @Column({ type: 'text' })
  kind!: SuspensionKind;

  @Column({ type: 'text' })
  reason!: string;

  /** What staff expect, for the reader; the clock restarts only when someone ends it. */
  @Column({ type: 'date', nullable: true })
  expectedEnd!: string | null;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  startedById!: string | null;

  @Column({ type: 'text' })
  startedByRole!: string;

  @Column({ type: 'text' })
  startedByName!: string;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  endedBecause!: SuspensionEndCause | null;

  /** null for Brug itself (the buyer's note ended it). */
  @Column({ type: 'uuid', nullable: true })
  endedById!: string | null;

  @Column({ type: 'text', nullable: true })
  endedByRole!: string | null;

  @Column({ type: 'text', nullable: true })
  endedByName!: string | null;
}
