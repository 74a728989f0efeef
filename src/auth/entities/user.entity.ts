import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { OrganisationUnitEntity } from '../../catalogue/entities/organisation-unit.entity';
import type { Role } from '../roles';
import { UserDomainEntity } from './user-domain.entity';

export const USER_KINDS = ['person', 'api_client'] as const;
export type UserKind = (typeof USER_KINDS)[number];

@Entity('users')
// Emails are stored lower-cased, so a plain unique index makes them unique case-insensitively.
@Index('users_email_key', ['email'], { unique: true })
@Index('users_unit_email_idx', ['organisationUnitId', 'email'])
// The admin page of API clients lists them by name.
@Index('users_api_client_idx', ['name', 'id'], { where: `"kind" = 'api_client'` })
@Check('users_email_lower', `"email" = lower("email")`)
@Check('users_role_check', `"role" IN ('buyer', 'staff', 'budget_holder', 'auditor', 'admin')`)
@Check('users_kind_check', `"kind" IN ('person', 'api_client')`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'users_pkey' })
  id!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  role!: Role;

  /**
   * A person, or the system user of an API client (an integration that signs in with the client
   * credentials grant, never with a password; ADR 35).
   */
  @Column({ type: 'text', default: 'person' })
  kind!: UserKind;

  @Column({ type: 'uuid', nullable: true })
  organisationUnitId!: string | null;

  @ManyToOne(() => OrganisationUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'organisation_unit_id',
    foreignKeyConstraintName: 'users_organisation_unit_fkey',
  })
  organisationUnit?: OrganisationUnitEntity | null;

  /** argon2id; null until a password is set (such a user cannot sign in). */
  @Column({ type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  /**
   * Carried in every token (`tv`) and compared on every request: a password change or reset,
   * deactivation and a role change add one, ending every token issued before (ADR 17).
   */
  @Column({ type: 'integer', default: 0, select: false })
  tokenVersion!: number;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Optimistic locking: counted up by every change; the ETag is this number quoted. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @OneToMany(() => UserDomainEntity, (d) => d.user)
  domains?: Relation<UserDomainEntity>[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
