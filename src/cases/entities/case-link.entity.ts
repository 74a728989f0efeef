import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { CaseEntity } from './case.entity';

/**
 * How two cases hang together (issue 19, item 4; ADR 44): `related` (either way round),
 * `part_of` (the case is a sub-case of the target, one domain of a cross-domain question) and
 * `duplicate_of` (the case was closed as a duplicate of the target, which stays).
 */
export const CASE_LINK_KINDS = ['related', 'part_of', 'duplicate_of'] as const;
export type CaseLinkKind = (typeof CASE_LINK_KINDS)[number];

/**
 * One link from `case_id` to `target_id`. At most one link between two cases, whichever way
 * round (`case_links_pair_uq` on the ordered pair); a case is part of one parent and a duplicate
 * of one case at most. Written by `CaseLinks` only; append-only (a link is not changed).
 */
@Entity('case_links')
@Index('case_links_pair_uq', { synchronize: false })
@Index('case_links_one_parent', ['caseId'], { unique: true, where: `"kind" = 'part_of'` })
@Index('case_links_one_survivor', ['caseId'], { unique: true, where: `"kind" = 'duplicate_of'` })
@Index('case_links_case_idx', ['caseId', 'createdAt'])
@Index('case_links_target_idx', ['targetId', 'createdAt'])
@Check('case_links_kind_check', `"kind" IN ('related', 'part_of', 'duplicate_of')`)
@Check('case_links_not_itself_check', `"case_id" <> "target_id"`)
export class CaseLinkEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'case_links_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_links_case_fkey' })
  case?: CaseEntity;

  @Column({ type: 'text' })
  kind!: CaseLinkKind;

  @Column({ type: 'uuid' })
  targetId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'target_id', foreignKeyConstraintName: 'case_links_target_fkey' })
  target?: CaseEntity;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @Column({ type: 'text' })
  createdByRole!: string;

  @Column({ type: 'text' })
  createdByName!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
