import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bigintAsNumber } from './case.entity';

export const PROCUREMENT_KINDS = [
  'supplies',
  'services',
  'works',
  'social_and_other_specific_services',
] as const;
export type ProcurementKind = (typeof PROCUREMENT_KINDS)[number];

/**
 * The European procurement threshold for decentralised authorities of one kind of contract in
 * one period (issue 18, item 6; ADR 36). Seeded with 2024–2025 and 2026–2027; an administrator
 * adds the next periods (`POST /eu-thresholds`). Periods of a kind do not overlap (checked by
 * `EuThresholds.add` under a lock).
 */
@Entity('eu_thresholds')
@Index('eu_thresholds_kind_from_key', ['kind', 'validFrom'], { unique: true })
@Check(
  'eu_thresholds_kind_check',
  `"kind" IN ('supplies', 'services', 'works', 'social_and_other_specific_services')`,
)
@Check('eu_thresholds_period_check', `"valid_to" >= "valid_from"`)
@Check('eu_thresholds_amount_check', `"amount_cents" > 0 AND "amount_cents" <= 10000000000000`)
export class EuThresholdEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'eu_thresholds_pkey' })
  id!: string;

  @Column({ type: 'text' })
  kind!: ProcurementKind;

  @Column({ type: 'date' })
  validFrom!: string;

  @Column({ type: 'date' })
  validTo!: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  amountCents!: number;

  @Column({ type: 'text' })
  addedByName!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  addedAt!: Date;
}
