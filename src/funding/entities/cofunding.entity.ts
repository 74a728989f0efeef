import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { CaseEntity, bigintAsNumber } from '../../cases/entities/case.entity';
import { DomainEntity } from '../../catalogue/entities/domain.entity';
import { FundingEntryEntity } from './funding-entry.entity';

export const ITEM_STATES = ['open', 'accepted', 'declined'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

/**
 * A co-funding proposal (issue 18, item 3; ADR 36): staff ask some domains of a case to pledge an
 * amount each. Its state follows from its items (and `answer_by`); `version` counts the answers,
 * for `If-Match`. Written by `CofundingProposals` only.
 */
@Entity('cofunding_proposals')
@Index('cofunding_proposals_case_idx', ['caseId', 'createdAt'])
export class CofundingProposalEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'cofunding_proposals_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'cofunding_proposals_case_fkey' })
  case?: CaseEntity;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  /** The benefit shares' version the proposal was made from. */
  @Column({ type: 'integer' })
  sharesVersion!: number;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** Items still open after this are expired; null: no end. */
  @Column({ type: 'timestamptz', nullable: true })
  answerBy!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @Column({ type: 'text' })
  createdByRole!: string;

  @Column({ type: 'text' })
  createdByName!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

/** One domain's part of a proposal, and its answer. */
@Entity('cofunding_proposal_items')
@Index('cofunding_proposal_items_domain_idx', ['domainCode', 'proposalId'])
@Index('cofunding_proposal_items_entry_idx', ['pledgeEntryId'], {
  where: `"pledge_entry_id" IS NOT NULL`,
})
@Check(
  'cofunding_proposal_items_amount_check',
  `"amount_cents" > 0 AND "amount_cents" <= 10000000000000`,
)
@Check('cofunding_proposal_items_state_check', `"state" IN ('open', 'accepted', 'declined')`)
export class CofundingProposalItemEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'cofunding_proposal_items_pkey' })
  proposalId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'cofunding_proposal_items_pkey' })
  domainCode!: string;

  @ManyToOne(() => CofundingProposalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'proposal_id',
    foreignKeyConstraintName: 'cofunding_proposal_items_proposal_fkey',
  })
  proposal?: CofundingProposalEntity;

  @ManyToOne(() => DomainEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'domain_code',
    referencedColumnName: 'code',
    foreignKeyConstraintName: 'cofunding_proposal_items_domain_fkey',
  })
  domain?: DomainEntity;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  amountCents!: number;

  @Column({ type: 'text', default: 'open' })
  state!: ItemState;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  answeredById!: string | null;

  @Column({ type: 'text', nullable: true })
  answeredByName!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  /** The pledge an accepted item became. */
  @Column({ type: 'uuid', nullable: true })
  pledgeEntryId!: string | null;

  @ManyToOne(() => FundingEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'pledge_entry_id',
    foreignKeyConstraintName: 'cofunding_proposal_items_entry_fkey',
  })
  pledgeEntry?: FundingEntryEntity;
}

/**
 * An expiring pledge and whether Brug has dealt with it (issue 18, item 4): `done_at` set when
 * its job released what was open of it (`released_cents`, `release_entry_id`) or found nothing
 * open. Pending rows are the alarm clocks to re-create at worker start.
 */
@Entity('pledge_expiries')
@Index('pledge_expiries_pending_idx', ['expiresAt', 'entryId'], { where: `"done_at" IS NULL` })
@Index('pledge_expiries_case_idx', ['caseId', 'domainCode'])
@Check('pledge_expiries_released_check', `"released_cents" >= 0`)
export class PledgeExpiryEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pledge_expiries_pkey' })
  entryId!: string;

  @ManyToOne(() => FundingEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'pledge_expiries_entry_fkey' })
  entry?: FundingEntryEntity;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'pledge_expiries_case_fkey' })
  case?: CaseEntity;

  @Column({ type: 'text' })
  domainCode!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'bigint', default: 0, transformer: bigintAsNumber })
  releasedCents!: number;

  @Column({ type: 'uuid', nullable: true })
  releaseEntryId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt!: Date | null;
}
