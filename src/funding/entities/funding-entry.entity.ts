import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { CaseEntity, bigintAsNumber } from '../../cases/entities/case.entity';
import { DomainEntity } from '../../catalogue/entities/domain.entity';

export const FUNDING_KINDS = ['pledge', 'commit', 'disburse', 'release'] as const;
export type FundingKind = (typeof FUNDING_KINDS)[number];

export const RELEASE_FROM = ['pledge', 'commitment'] as const;
export type ReleaseFrom = (typeof RELEASE_FROM)[number];

/** Why Brug recorded an entry itself (null: a person recorded it). */
export const ENTRY_REASONS = ['case_closed', 'expired'] as const;
export type EntryReason = (typeof ENTRY_REASONS)[number];

/** The largest amount of one entry: the largest estimated value of a case (10^13 cents). */
export const MAX_ENTRY_CENTS = 10_000_000_000_000;

/**
 * One entry of the funding ledger: money of one policy domain pledged, committed, disbursed or
 * released for one case. Append-only: the database refuses UPDATE, DELETE and TRUNCATE
 * (triggers); a mistake is corrected by a new entry. Balances are derived by summing entries
 * (see `ledger-sql.ts`), never stored.
 */
@Entity('funding_entries')
@Index('funding_entries_seq_key', ['seq'], { unique: true })
// A case's entries in order (the entries list) and its balances per domain.
@Index('funding_entries_case_idx', ['caseId', 'seq'])
// The foreign key to domains (a domain is never deleted while entries refer to it).
@Index('funding_entries_domain_idx', ['domainCode', 'caseId'])
@Check('funding_entries_kind_check', `"kind" IN ('pledge', 'commit', 'disburse', 'release')`)
@Check(
  'funding_entries_release_from_check',
  `("kind" = 'release' AND "release_from" IN ('pledge', 'commitment')) OR ("kind" <> 'release' AND "release_from" IS NULL)`,
)
@Check(
  'funding_entries_amount_check',
  `"amount_cents" > 0 AND "amount_cents" <= ${MAX_ENTRY_CENTS}`,
)
@Check(
  'funding_entries_pledge_converted_check',
  `"pledge_converted_cents" >= 0 AND "pledge_converted_cents" <= "amount_cents" AND ("kind" = 'commit' OR "pledge_converted_cents" = 0)`,
)
@Check(
  'funding_entries_reason_check',
  `"reason" IS NULL OR ("reason" IN ('case_closed', 'expired') AND "kind" = 'release')`,
)
@Check('funding_entries_expires_check', `"expires_at" IS NULL OR "kind" = 'pledge'`)
export class FundingEntryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'funding_entries_pkey' })
  id!: string;

  /** The order of entries (of one case: the order in which they were recorded, under its lock). */
  @Column({
    type: 'bigint',
    generated: 'identity',
    generatedIdentity: 'ALWAYS',
    insert: false,
    update: false,
  })
  seq!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'funding_entries_case_fkey' })
  case?: CaseEntity;

  @Column({ type: 'text' })
  domainCode!: string;

  @ManyToOne(() => DomainEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'domain_code',
    referencedColumnName: 'code',
    foreignKeyConstraintName: 'funding_entries_domain_fkey',
  })
  domain?: DomainEntity;

  @Column({ type: 'text' })
  kind!: FundingKind;

  /** Only for `release`: what the money is given back from. */
  @Column({ type: 'text', nullable: true })
  releaseFrom!: ReleaseFrom | null;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  amountCents!: number;

  /**
   * Only for `commit`: how much of the open pledge this commitment turned into committed money
   * (up to the amount, never more than was pledged). Decided under the case's lock when the
   * entry is recorded, so every balance is a plain sum of entries (ADR 9).
   */
  @Column({ type: 'bigint', default: 0, transformer: bigintAsNumber })
  pledgeConvertedCents!: number;

  /** The budget line (kostenplaats) the money comes from. */
  @Column({ type: 'text', nullable: true })
  budgetLine!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /**
   * Why Brug recorded the entry itself: `case_closed`, the release of an open pledge when the
   * case was declined or withdrawn (ADR 21). Null for the entries people record.
   */
  @Column({ type: 'text', nullable: true })
  reason!: EntryReason | null;

  /**
   * Only for `pledge`: when Brug releases what is still open of it (issue 18, ADR 36; see
   * `pledge_expiries`).
   */
  @Column({ type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  /** Who recorded it, as they were at the time (null for Brug itself). */
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text' })
  actorRole!: string;

  @Column({ type: 'text' })
  actorName!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
