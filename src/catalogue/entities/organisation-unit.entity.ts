import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const ORGANISATION_UNIT_KINDS = ['municipal', 'meentcoop_team'] as const;
export type OrganisationUnitKind = (typeof ORGANISATION_UNIT_KINDS)[number];

/** A municipal unit (where buyers work) or a MeentCoop team (where staff work). */
@Entity('organisation_units')
@Index('organisation_units_code_key', ['code'], { unique: true })
@Index('organisation_units_kind_idx', ['kind', 'code'])
@Check('organisation_units_code_kebab', `"code" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
@Check('organisation_units_kind_check', `"kind" IN ('municipal', 'meentcoop_team')`)
export class OrganisationUnitEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'organisation_units_pkey' })
  id!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: OrganisationUnitKind;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Optimistic locking: counted up by every change; the ETag is this number quoted. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
