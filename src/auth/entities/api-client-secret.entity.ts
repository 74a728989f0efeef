import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * A secret of an API client (whose id is its system user's id). Stored as argon2id; at most two
 * are live at once, so a secret is rotated without downtime: add the new one, move the
 * integration over, retire the old one (ADR 35).
 */
@Entity('api_client_secrets')
@Index('api_client_secrets_client_idx', ['clientId', 'createdAt'])
export class ApiClientSecretEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'api_client_secrets_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  clientId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'api_client_secrets_client_fkey' })
  client?: UserEntity;

  @Column({ type: 'text', select: false })
  secretHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** Set when retired; a retired secret signs nothing in any more. */
  @Column({ type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;
}
