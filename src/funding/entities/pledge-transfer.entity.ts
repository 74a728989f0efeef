import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { CaseEntity, bigintAsNumber } from '../../cases/entities/case.entity';
import { DomainEntity } from '../../catalogue/entities/domain.entity';

export const TRANSFER_STATES = ['open', 'accepted', 'declined'] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];

/**
 * The consent asked of a domain's budget holder to move the open pledge of a case closed as a
 * duplicate to the case that stays (issue 19, item 4; ADR 44). Until they accept, the pledge
 * stays where it is; accepting releases it there and pledges it on the survivor, in one unit of
 * work. One open request per case and domain. Written by `PledgeTransfers` only.
 */
@Entity('pledge_transfers')
@Index('pledge_transfers_one_open', ['fromCaseId', 'domainCode'], {
  unique: true,
  where: `"state" = 'open'`,
})
@Index('pledge_transfers_from_idx', ['fromCaseId', 'createdAt'])
@Index('pledge_transfers_to_idx', ['toCaseId', 'createdAt'])
@Check('pledge_transfers_state_check', `"state" IN ('open', 'accepted', 'declined')`)
@Check('pledge_transfers_amount_check', `"amount_cents" > 0`)
@Check('pledge_transfers_answer_check', `("state" = 'open') = ("answered_at" IS NULL)`)
export class PledgeTransferEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pledge_transfers_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  fromCaseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_case_id', foreignKeyConstraintName: 'pledge_transfers_from_case_fkey' })
  fromCase?: CaseEntity;

  @Column({ type: 'uuid' })
  toCaseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_case_id', foreignKeyConstraintName: 'pledge_transfers_to_case_fkey' })
  toCase?: CaseEntity;

  @Column({ type: 'text' })
  domainCode!: string;

  @ManyToOne(() => DomainEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'domain_code',
    referencedColumnName: 'code',
    foreignKeyConstraintName: 'pledge_transfers_domain_fkey',
  })
  domain?: DomainEntity;

  /** The pledge open on the duplicate when it was closed. */
  @Column({ type: 'bigint', transformer: bigintAsNumber })
  amountCents!: number;

  @Column({ type: 'text', default: 'open' })
  state!: TransferState;

  /** Counts the answers, for `If-Match`. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** What was moved (the pledge still open when the budget holder accepted). */
  @Column({ type: 'bigint', nullable: true, transformer: bigintAsNumber })
  movedCents!: number | null;

  @Column({ type: 'uuid', nullable: true })
  answeredById!: string | null;

  @Column({ type: 'text', nullable: true })
  answeredByName!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
