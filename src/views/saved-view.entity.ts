import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '../auth/entities/user.entity';
import { OrganisationUnitEntity } from '../catalogue/entities/organisation-unit.entity';
import type { ViewFilters } from './view-filters';

/**
 * A saved view of the case list (issue 19, item 1; ADR 38): a name, the list filters, the sort
 * and the columns. Personal, or shared with the organisation unit its owner belongs to (a
 * MeentCoop team for staff, a municipal unit for buyers).
 */
@Entity('saved_views')
@Index('saved_views_owner_idx', ['ownerId', 'name', 'id'])
@Index('saved_views_shared_unit_idx', ['sharedWithUnitId', 'name', 'id'], {
  where: '"shared_with_unit_id" IS NOT NULL',
})
@Check('saved_views_name_check', `char_length("name") BETWEEN 1 AND 100`)
export class SavedViewEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'saved_views_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  ownerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'saved_views_owner_fkey' })
  owner?: UserEntity;

  @Column({ type: 'text' })
  name!: string;

  /** The owner's unit when the view is shared with it; null for a personal view. */
  @Column({ type: 'uuid', nullable: true })
  sharedWithUnitId!: string | null;

  @ManyToOne(() => OrganisationUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'shared_with_unit_id',
    foreignKeyConstraintName: 'saved_views_shared_with_unit_fkey',
  })
  sharedWithUnit?: OrganisationUnitEntity | null;

  @Column({ type: 'jsonb' })
  filters!: ViewFilters;

  @Column({ type: 'text' })
  sort!: string;

  @Column({ type: 'text', array: true })
  columns!: string[];

  /** Optimistic locking: counted up by every change; the ETag is this number quoted. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
