import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
} from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * A person's TOTP second factor (RFC 6238). Unconfirmed until the person entered a code from
 * their app; only a confirmed one is asked for at sign-in. The secret is encrypted (ADR 35).
 */
@Entity('user_second_factors')
export class UserSecondFactorEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'user_second_factors_pkey' })
  userId!: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'user_second_factors_user_fkey' })
  user?: UserEntity;

  /** AES-256-GCM of the base32 secret: `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
  @Column({ type: 'text', select: false })
  secretEncrypted!: string;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  /** The last 30-second step a code was accepted for: a code is accepted once (RFC 6238 §5.2). */
  @Column({ type: 'bigint', nullable: true })
  lastUsedStep!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** Recovery codes, shown once at enrolment; stored as SHA-256 digests, each usable once. */
@Entity('user_recovery_codes')
export class UserRecoveryCodeEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'user_recovery_codes_pkey' })
  userId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'user_recovery_codes_pkey' })
  codeDigest!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'user_recovery_codes_user_fkey' })
  user?: UserEntity;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
