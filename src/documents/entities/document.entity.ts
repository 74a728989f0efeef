import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../../auth/entities/user.entity';
import { CaseEntity } from '../../cases/entities/case.entity';

export const DOCUMENT_KINDS = [
  'specification',
  'market_consultation',
  'offer',
  'clarification',
  'decision',
  'contract',
  'correspondence',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_DIRECTIONS = ['incoming', 'outgoing', 'internal'] as const;
export type DocumentDirection = (typeof DOCUMENT_DIRECTIONS)[number];

/** The same two as notes: `internal` for staff (and auditors, admins), `shared` with the buyer. */
export const DOCUMENT_VISIBILITIES = ['internal', 'shared'] as const;
export type DocumentVisibility = (typeof DOCUMENT_VISIBILITIES)[number];

/**
 * A document on a case (issue 16): its metadata and how many versions it has; the versions
 * themselves are `document_versions`, each naming its content by SHA-256.
 */
@Entity('documents')
@Index('documents_case_idx', ['caseId', 'createdAt', 'id'])
@Check(
  'documents_kind_check',
  `"kind" IN ('specification', 'market_consultation', 'offer', 'clarification', 'decision', 'contract', 'correspondence', 'other')`,
)
@Check('documents_direction_check', `"direction" IN ('incoming', 'outgoing', 'internal')`)
@Check('documents_visibility_check', `"visibility" IN ('internal', 'shared')`)
@Check(
  'documents_withdrawal_check',
  `("withdrawn_at" IS NULL) = ("withdrawal_reason" IS NULL) AND ("withdrawn_at" IS NULL) = ("withdrawn_by_id" IS NULL)`,
)
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'documents_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'documents_case_fkey' })
  case?: CaseEntity;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  kind!: DocumentKind;

  @Column({ type: 'text' })
  direction!: DocumentDirection;

  @Column({ type: 'text' })
  visibility!: DocumentVisibility;

  /** How many versions the document has; the newest is this number. */
  @Column({ type: 'integer', default: 1 })
  versionCount!: number;

  @Column({ type: 'uuid' })
  createdById!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'documents_created_by_fkey' })
  createdBy?: UserEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  withdrawnById!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'withdrawn_by_id', foreignKeyConstraintName: 'documents_withdrawn_by_fkey' })
  withdrawnBy?: UserEntity;

  @Column({ type: 'text', nullable: true })
  withdrawalReason!: string | null;

  /** Optimistic locking (ADR 18): counted up by a new version and by withdrawal. */
  @Column({ type: 'integer', default: 1 })
  version!: number;
}
