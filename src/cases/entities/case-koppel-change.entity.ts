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

/** How a koppel came to change: set by routing, moved by taking the case on, or changed by staff. */
export const KOPPEL_CHANGE_KINDS = ['routed', 'taken_on', 'changed'] as const;
export type KoppelChangeKind = (typeof KOPPEL_CHANGE_KINDS)[number];

/**
 * The history of a case's koppel (ADR 24): every change of either half, and of the team that
 * moved with the MeentCoop half, with who, when and why. Append-only, like the status history.
 */
@Entity('case_koppel_changes')
@Index('case_koppel_changes_case_idx', ['caseId', 'id'])
@Check('case_koppel_changes_kind_check', `"kind" IN ('routed', 'taken_on', 'changed')`)
export class CaseKoppelChangeEntity {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    primaryKeyConstraintName: 'case_koppel_changes_pkey',
  })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_koppel_changes_case_fkey' })
  case?: CaseEntity;

  @Column({ type: 'text' })
  kind!: KoppelChangeKind;

  /** Ids as they were; users are never deleted, so names are read when shown. */
  @Column({ type: 'uuid', nullable: true })
  fromMeentcoopId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  toMeentcoopId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  fromMunicipalId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  toMunicipalId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  fromTeamId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  toTeamId!: string | null;

  /** null for routing (the rule is in the audit trail); required for a person's change. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** null for Brug itself (routing). */
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text' })
  actorRole!: string;

  @Column({ type: 'text' })
  actorName!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
