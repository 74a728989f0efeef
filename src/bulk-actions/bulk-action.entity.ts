import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { UserEntity } from '../auth/entities/user.entity';
import type { ViewFilters } from '../views/view-filters';

export const BULK_ACTIONS = ['assign', 'take_on', 'transition'] as const;
export type BulkActionKind = (typeof BULK_ACTIONS)[number];

export const BULK_SELECTIONS = ['cases', 'filters'] as const;
export type BulkSelection = (typeof BULK_SELECTIONS)[number];

export const BULK_STATES = ['queued', 'running', 'finished'] as const;
export type BulkState = (typeof BULK_STATES)[number];

export const BULK_OUTCOMES = ['done', 'skipped', 'failed'] as const;
export type BulkOutcome = (typeof BULK_OUTCOMES)[number];

/** What a bulk action does to each case, besides its kind (as requested). */
export interface BulkParams {
  assigneeId?: string;
  to?: string;
  reason?: string;
  moveKoppel?: boolean;
}

/**
 * One bulk action on the work queue (issue 19, item 2; ADR 39): who asked, what to do, how the
 * cases were chosen, and where the job is. Its cases and their outcomes are BulkActionItemEntity.
 */
@Entity('bulk_actions')
@Index('bulk_actions_requested_by_idx', ['requestedById', 'createdAt', 'id'])
@Check('bulk_actions_action_check', `"action" IN ('assign', 'take_on', 'transition')`)
@Check('bulk_actions_selection_check', `"selection" IN ('cases', 'filters')`)
@Check('bulk_actions_state_check', `"state" IN ('queued', 'running', 'finished')`)
@Check('bulk_actions_total_check', `"total" BETWEEN 1 AND 1000`)
export class BulkActionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'bulk_actions_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  requestedById!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'requested_by_id',
    foreignKeyConstraintName: 'bulk_actions_requested_by_fkey',
  })
  requestedBy?: UserEntity;

  @Column({ type: 'text' })
  action!: BulkActionKind;

  @Column({ type: 'jsonb' })
  params!: BulkParams;

  @Column({ type: 'text' })
  selection!: BulkSelection;

  /** The list filters the cases were chosen by (a view's), when not picked one by one. */
  @Column({ type: 'jsonb', nullable: true })
  filters!: ViewFilters | null;

  @Column({ type: 'text', default: 'queued' })
  state!: BulkState;

  @Column({ type: 'integer' })
  total!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}

/**
 * One case of a bulk action: the version the person saw when selecting it (null when chosen by
 * filters), and its outcome once the job reached it, written in the case's own unit of work.
 */
@Entity('bulk_action_items')
@Unique('bulk_action_items_case_uq', ['bulkActionId', 'caseId'])
@Index('bulk_action_items_outcome_idx', ['bulkActionId', 'outcome', 'position'])
@Check('bulk_action_items_outcome_check', `"outcome" IN ('done', 'skipped', 'failed')`)
@Check(
  'bulk_action_items_reason_check',
  `("outcome" IS NULL OR "outcome" = 'done') = ("reason" IS NULL)`,
)
export class BulkActionItemEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'bulk_action_items_pkey' })
  bulkActionId!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'bulk_action_items_pkey' })
  position!: number;

  @ManyToOne(() => BulkActionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'bulk_action_id',
    foreignKeyConstraintName: 'bulk_action_items_bulk_action_fkey',
  })
  bulkAction?: BulkActionEntity;

  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  @Column({ type: 'integer', nullable: true })
  expectedVersion!: number | null;

  @Column({ type: 'text', nullable: true })
  outcome!: BulkOutcome | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
