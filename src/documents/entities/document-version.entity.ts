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
import { DocumentEntity } from './document.entity';

/**
 * One version of a document, kept for ever (append-only): the content is named by its SHA-256,
 * under which the store keeps it (the same bytes twice are stored once).
 */
@Entity('document_versions')
@Index('document_versions_number_key', ['documentId', 'number'], { unique: true })
@Index('document_versions_sha256_idx', ['sha256'])
@Check('document_versions_sha256_check', `"sha256" ~ '^[0-9a-f]{64}$'`)
@Check('document_versions_size_check', `"size_bytes" > 0`)
export class DocumentVersionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'document_versions_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  documentId!: string;

  @ManyToOne(() => DocumentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'document_versions_document_fkey' })
  document?: DocumentEntity;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'text' })
  fileName!: string;

  @Column({ type: 'text' })
  mediaType!: string;

  @Column({ type: 'bigint' })
  sizeBytes!: string;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ type: 'uuid' })
  uploadedById!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'uploaded_by_id',
    foreignKeyConstraintName: 'document_versions_uploaded_by_fkey',
  })
  uploadedBy?: UserEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  uploadedAt!: Date;
}
