import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CaseEntity } from '../../cases/entities/case.entity';
import { DomainEntity } from '../../catalogue/entities/domain.entity';

/** A whole share: 100 % in basis points (1 basis point = 0.01 %). */
export const WHOLE_SHARE_BP = 10_000;

/** What a domain's budget holder says of its share. */
export const SHARE_ANSWERS = ['agreed', 'disputed'] as const;
export type ShareAnswer = (typeof SHARE_ANSWERS)[number];

/**
 * How much each domain a case touches benefits from it, in basis points (issue 18, ADR 36): the
 * shares in force, one row per (case, domain), written by `BenefitShares` only. Replaced as a
 * whole when staff set new shares (`version` counts the sets; the history is in
 * `benefit_share_versions`); a budget holder's answer (agreed, disputed) is kept on the row
 * until the shares are set again. A case without rows has the default: its lead domain 100 %.
 */
@Entity('benefit_shares')
@Index('benefit_shares_domain_idx', ['domainCode', 'caseId'])
@Check('benefit_shares_basis_points_check', `"basis_points" >= 0 AND "basis_points" <= 10000`)
@Check(
  'benefit_shares_answer_check',
  `("answer" IS NULL AND "answer_at" IS NULL) OR ("answer" IN ('agreed', 'disputed') AND "answer_at" IS NOT NULL)`,
)
export class BenefitShareEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'benefit_shares_pkey' })
  caseId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'benefit_shares_pkey' })
  domainCode!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'benefit_shares_case_fkey' })
  case?: CaseEntity;

  @ManyToOne(() => DomainEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'domain_code',
    referencedColumnName: 'code',
    foreignKeyConstraintName: 'benefit_shares_domain_fkey',
  })
  domain?: DomainEntity;

  /** The set (`benefit_share_versions.version`) this share belongs to. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'integer' })
  basisPoints!: number;

  @Column({ type: 'text', nullable: true })
  answer!: ShareAnswer | null;

  @Column({ type: 'text', nullable: true })
  answerReason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  answerById!: string | null;

  @Column({ type: 'text', nullable: true })
  answerByName!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answerAt!: Date | null;
}

/**
 * Every set of benefit shares a case has had, append-only (the database refuses UPDATE, DELETE
 * and TRUNCATE): version 1, 2, … per case, the shares as set (`[{ domainCode, basisPoints }]`),
 * the reasoning, who set them and when.
 */
@Entity('benefit_share_versions')
@Check('benefit_share_versions_version_check', `"version" >= 1`)
export class BenefitShareVersionEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'benefit_share_versions_pkey' })
  caseId!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'benefit_share_versions_pkey' })
  version!: number;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'benefit_share_versions_case_fkey' })
  case?: CaseEntity;

  @Column({ type: 'jsonb' })
  shares!: { domainCode: string; basisPoints: number }[];

  @Column({ type: 'text' })
  reasoning!: string;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text' })
  actorRole!: string;

  @Column({ type: 'text' })
  actorName!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  setAt!: Date;
}
