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
import { CaseSuspensionEntity } from './case-suspension.entity';

/**
 * Why a stage's due time changed: a suspension (stopped: `new_due_at` null; restarted: moved by
 * the working time suspended), an extension, the calendar (it fell on a non-working day and
 * rolled to the next working day, `rule` says which), or a breach (it passed while open; old
 * and new are the same).
 */
export const DEADLINE_CAUSES = ['suspension', 'extension', 'calendar', 'breach'] as const;
export type DeadlineCause = (typeof DEADLINE_CAUSES)[number];

/**
 * The journal of a case's SLA clock (ADR 26): every move of a stage's due time, and every stop
 * and breach, with who, when and why. Append-only, like the status history.
 */
@Entity('case_deadline_changes')
@Index('case_deadline_changes_case_idx', ['caseId', 'id'])
@Check('case_deadline_changes_stage_check', `"stage" IN ('accept', 'propose')`)
@Check(
  'case_deadline_changes_cause_check',
  `"cause" IN ('suspension', 'extension', 'calendar', 'breach')`,
)
export class CaseDeadlineChangeEntity {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    primaryKeyConstraintName: 'case_deadline_changes_pkey',
  })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_deadline_changes_case_fkey' })
  case?: CaseEntity;

  @Column({ type: 'text' })
  stage!: 'accept' | 'propose';

  @Column({ type: 'timestamptz', nullable: true })
  oldDueAt!: Date | null;

  /** null: the clock stopped (a suspension began). */
  @Column({ type: 'timestamptz', nullable: true })
  newDueAt!: Date | null;

  @Column({ type: 'text' })
  cause!: DeadlineCause;

  /** For `calendar`: why the day was not a working day (`kings_day`, `weekend`, …). */
  @Column({ type: 'text', nullable: true })
  rule!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  suspensionId!: string | null;

  @ManyToOne(() => CaseSuspensionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'suspension_id',
    foreignKeyConstraintName: 'case_deadline_changes_suspension_fkey',
  })
  suspension?: CaseSuspensionEntity | null;

  /** The time the due time moved by, in ms (for a suspension: the working time suspended). */
  @Column({ type: 'bigint', nullable: true })
  shiftMs!: string | null;

  /** null for Brug itself. */
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text' })
  actorRole!: string;

  @Column({ type: 'text' })
  actorName!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
