import { Check, Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A policy domain of the municipality (energy, housing, care, …); its code never changes. */
@Entity('domains')
@Check('domains_code_kebab', `"code" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
export class DomainEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'domains_pkey' })
  code!: string;

  @Column({ type: 'text' })
  nameNl!: string;

  @Column({ type: 'text' })
  nameEn!: string;

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
