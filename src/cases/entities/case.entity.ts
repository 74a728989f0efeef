import type { ProcurementKind } from './eu-threshold.entity';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { UserEntity } from '../../auth/entities/user.entity';
import { OrganisationUnitEntity } from '../../catalogue/entities/organisation-unit.entity';
import type { CaseStatus, Priority, ProcurementStage, SupplierType } from '../case-transitions';
import type { SlaStagesFacts } from '../sla-clock';
import { CaseDomainEntity } from './case-domain.entity';

/** One raise of a case's priority by an SLA breach (see \`CasesService.recordSlaBreach\`). */
export interface PriorityRaise {
  stage: 'accept' | 'propose';
  dueAt: string;
  breachedAt: string;
  from: Priority;
  to: Priority;
}

/** bigint columns come back from pg as strings; money stays below 2^53 (10^13 cents at most). */
export const bigintAsNumber = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

export const CASE_SEARCH_EXPRESSION =
  `setweight(to_tsvector('dutch', "reference" || ' ' || coalesce("tender_reference", '') || ' ' || "title"), 'A')` +
  ` || setweight(to_tsvector('dutch', "description"), 'B')`;

/**
 * Every text of a case searched for parts of words, folded (lower case, no accents) by
 * `brug_fold()`, with a trigram GIN index (ADR 8).
 */
export const CASE_SEARCH_TEXT_EXPRESSION =
  `brug_fold("reference" || ' ' || coalesce("tender_reference", '') || ' ' || "title" || ' ' || "description"` +
  ` || ' ' || coalesce("proposal", '') || ' ' || coalesce("outcome_summary", '') || ' ' || coalesce("outcome_supplier_name", ''))`;

export const OUTCOME_KINDS = ['awarded', 'duplicate'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/**
 * A purchasing question filed by a municipal buyer. Every filter of `GET /cases` has an index
 * that also serves the keyset order (sort key, id); full text search has a GIN index over a
 * generated `tsvector` (Dutch configuration). Both search indexes take new entries directly, with
 * no pending list to merge (`fastupdate = off`, ADR 56).
 */
@Entity('cases')
@Index('cases_reference_key', ['reference'], { unique: true })
@Index('cases_filed_idx', ['filedAt', 'id'])
@Index('cases_status_filed_idx', ['status', 'filedAt', 'id'])
@Index('cases_unit_filed_idx', ['organisationUnitId', 'filedAt', 'id'])
@Index('cases_team_filed_idx', ['teamId', 'filedAt', 'id'])
@Index('cases_assignee_filed_idx', ['assigneeId', 'filedAt', 'id'])
@Index('cases_priority_filed_idx', ['priority', 'filedAt', 'id'])
@Index('cases_priority_rank_idx', ['priorityRank', 'filedAt', 'id'])
@Index('cases_deadline_sort_idx', { synchronize: false })
@Index('cases_filed_by_idx', ['filedById'])
@Index('cases_value_idx', ['estimatedValueCents', 'id'])
@Index('cases_buyer_idx', ['buyerName', 'id'])
@Index('cases_open_koppel_idx', { synchronize: false })
@Index('cases_open_deadlines_idx', { synchronize: false })
@Index('cases_search_idx', { synchronize: false })
@Index('cases_search_text_idx', { synchronize: false })
@Index('cases_accept_due_idx', { synchronize: false })
@Index('cases_propose_due_idx', { synchronize: false })
@Index('cases_suspended_filed_idx', { synchronize: false })
@Index('cases_open_filed_idx', { synchronize: false })
@Index('cases_closed_idx', { synchronize: false })
@Index('cases_accept_by_idx', { synchronize: false })
@Index('cases_propose_by_idx', { synchronize: false })
@Check(
  'cases_status_check',
  `"status" IN ('filed', 'routed', 'accepted', 'in_progress', 'proposed', 'resolved', 'declined', 'withdrawn')`,
)
@Index('cases_tender_reference_idx', ['tenderReference'], {
  where: `"tender_reference" IS NOT NULL`,
})
@Check(
  'cases_procurement_kind_check',
  `"procurement_kind" IS NULL OR "procurement_kind" IN ('supplies', 'services', 'works', 'social_and_other_specific_services')`,
)
@Check('cases_priority_check', `"priority" IN ('low', 'normal', 'high', 'urgent')`)
@Check(
  'cases_stage_check',
  `"procurement_stage" IN ('planning', 'tender', 'award', 'contract', 'implementation')`,
)
@Check(
  'cases_estimated_value_check',
  `"estimated_value_cents" >= 0 AND "estimated_value_cents" <= 10000000000000`,
)
@Check(
  'cases_outcome_supplier_type_check',
  `"outcome_supplier_type" IS NULL OR "outcome_supplier_type" IN ('cooperative', 'collective', 'foundation_or_association', 'social_enterprise', 'private_company', 'public_body')`,
)
@Check(
  'cases_outcome_kind_check',
  `"outcome_kind" IS NULL OR ("status" = 'resolved' AND "outcome_kind" IN ('awarded', 'duplicate'))`,
)
@Check('cases_outcome_when_resolved', `("status" = 'resolved') = ("outcome_summary" IS NOT NULL)`)
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'cases_pkey' })
  id!: string;

  /** BRUG-<year>-<6 digits>, from a per-year sequence (`next_case_reference()`). */
  @Column({ type: 'text' })
  reference!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'text', nullable: true })
  tenderReference!: string | null;

  @Column({ type: 'text', default: 'planning' })
  procurementStage!: ProcurementStage;

  /** What is bought, for the EU threshold in force (issue 18, ADR 36); null: not said yet. */
  @Column({ type: 'text', nullable: true })
  procurementKind!: ProcurementKind | null;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  estimatedValueCents!: number;

  @Column({ type: 'text', default: 'normal' })
  priority!: Priority;

  /** For sorting by priority: urgent 4 … low 1, derived by the database. */
  @Column({
    type: 'smallint',
    generatedType: 'STORED',
    asExpression: `CASE "priority" WHEN 'urgent' THEN 4 WHEN 'high' THEN 3 WHEN 'normal' THEN 2 ELSE 1 END`,
    insert: false,
    update: false,
  })
  priorityRank!: number;

  @Column({ type: 'date', nullable: true })
  deadline!: string | null;

  @Column({ type: 'text', default: 'filed' })
  status!: CaseStatus;

  @Column({ type: 'uuid' })
  organisationUnitId!: string;

  @ManyToOne(() => OrganisationUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_unit_id', foreignKeyConstraintName: 'cases_unit_fkey' })
  organisationUnit?: OrganisationUnitEntity;

  @Column({ type: 'uuid' })
  filedById!: string;

  /**
   * The filing person's name, for sorting by buyer (one b-tree with id): kept by the database
   * (triggers on \`cases\` and on renaming a user), never written by the code.
   */
  @Column({ type: 'text', default: '', insert: false, update: false })
  buyerName!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'filed_by_id', foreignKeyConstraintName: 'cases_filed_by_fkey' })
  filedBy?: UserEntity;

  @Column({ type: 'uuid', nullable: true })
  teamId!: string | null;

  @ManyToOne(() => OrganisationUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'cases_team_fkey' })
  team?: OrganisationUnitEntity | null;

  @Column({ type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'cases_assignee_fkey' })
  assignee?: UserEntity | null;

  /** The MeentCoop half of the koppel: set by routing, moved by taking on or by staff (ADR 24). */
  @Column({ type: 'uuid', nullable: true })
  koppelMeentcoopId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'koppel_meentcoop_id', foreignKeyConstraintName: 'cases_koppel_fkey' })
  koppelMeentcoop?: UserEntity | null;

  /**
   * The municipal half of the koppel: the buyer who filed (filled by a trigger on insert when
   * left out), until staff name a colleague (ADR 24). History in `case_koppel_changes`.
   */
  @Column({ type: 'uuid' })
  koppelMunicipalId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'koppel_municipal_id',
    foreignKeyConstraintName: 'cases_koppel_municipal_fkey',
  })
  koppelMunicipal?: UserEntity;

  @Column({ type: 'timestamptz', nullable: true })
  routedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  acceptBy!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  proposeBy!: Date | null;

  /** SLA stages whose due time passed while they were open (`accept`, `propose`). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  slaBreached!: string[];

  /** SLA stages whose warning went out (so it goes out once). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  slaWarned!: string[];

  /**
   * Each raise of the priority by an SLA breach, oldest first: \`{ stage, dueAt, breachedAt,
   * from, to }\` (shown on the case page as the reason of its priority).
   */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  priorityRaises!: PriorityRaise[];

  /** Set while the SLA clock is suspended (ADR 26); the suspension is in `case_suspensions`. */
  @Column({ type: 'timestamptz', nullable: true })
  suspendedSince!: Date | null;

  /**
   * Per SLA stage what the case keeps besides its due time: its length at routing, how it is
   * counted, when it was breached, what extensions added (see `sla-clock.ts`).
   */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  slaStages!: SlaStagesFacts;

  @Column({ type: 'text', nullable: true })
  proposal!: string | null;

  @Column({ type: 'text', nullable: true })
  outcomeSummary!: string | null;

  @Column({ type: 'text', nullable: true })
  outcomeSupplierName!: string | null;

  @Column({ type: 'text', nullable: true })
  outcomeSupplierType!: SupplierType | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintAsNumber })
  outcomeAwardedValueCents!: number | null;

  /** How a resolved case was resolved: awarded to a supplier, or closed as a duplicate (ADR 44). */
  @Column({ type: 'text', nullable: true })
  outcomeKind!: OutcomeKind | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  filedAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  /** Dutch full text over reference, title, tender reference and description (GIN index). */
  @Column({
    type: 'tsvector',
    generatedType: 'STORED',
    asExpression: CASE_SEARCH_EXPRESSION,
    select: false,
    insert: false,
    update: false,
  })
  search?: string;

  /** Folded text for matching parts of words (trigram GIN index, gin_trgm_ops). */
  @Column({
    type: 'text',
    generatedType: 'STORED',
    asExpression: CASE_SEARCH_TEXT_EXPRESSION,
    select: false,
    insert: false,
    update: false,
  })
  searchText?: string;

  /** Optimistic locking: every write is `… WHERE id = $1 AND version = $2`. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @OneToMany(() => CaseDomainEntity, (d) => d.case)
  domains?: Relation<CaseDomainEntity>[];
}
