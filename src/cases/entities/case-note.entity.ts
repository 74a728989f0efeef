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
import { CaseEntity } from './case.entity';

export const NOTE_VISIBILITIES = ['internal', 'shared'] as const;
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];

/** The body folded (lower case, no accents) for matching parts of words (ADR 8). */
export const NOTE_SEARCH_TEXT_EXPRESSION = `brug_fold("body")`;

/** A note on a case: `internal` for MeentCoop (and auditors), `shared` with the municipality. */
@Entity('case_notes')
@Index('case_notes_case_idx', ['caseId', 'createdAt', 'id'])
@Index('case_notes_search_text_idx', { synchronize: false })
@Check('case_notes_visibility_check', `"visibility" IN ('internal', 'shared')`)
export class CaseNoteEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'case_notes_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_notes_case_fkey' })
  case?: CaseEntity;

  @Column({ type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'case_notes_author_fkey' })
  author?: UserEntity;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text' })
  visibility!: NoteVisibility;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** Trigram GIN index (gin_trgm_ops), so search finds a word inside a note's compounds. */
  @Column({
    type: 'text',
    generatedType: 'STORED',
    asExpression: NOTE_SEARCH_TEXT_EXPRESSION,
    select: false,
    insert: false,
    update: false,
  })
  searchText?: string;
}
