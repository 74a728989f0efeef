import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { OrganisationUnitEntity } from '../../catalogue/entities/organisation-unit.entity';
import { bigintAsNumber } from '../../cases/entities/case.entity';

/**
 * One routing rule: the first active rule (by position) whose conditions all hold names the
 * MeentCoop team of a filed case. An empty condition matches everything.
 */
@Entity('routing_rules')
@Index('routing_rules_position_idx', ['position', 'id'])
export class RoutingRuleEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'routing_rules_pkey' })
  id!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  name!: string;

  /** The case's lead domain is one of these (empty: any). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  leadDomains!: string[];

  /** The case touches at least one of these (empty: any). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  anyDomains!: string[];

  @Column({ type: 'bigint', nullable: true, transformer: bigintAsNumber })
  minValueCents!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintAsNumber })
  maxValueCents!: number | null;

  /** The case's priority is one of these (empty: any). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  priorities!: string[];

  @Column({ type: 'uuid' })
  teamId!: string;

  @ManyToOne(() => OrganisationUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'routing_rules_team_fkey' })
  team?: OrganisationUnitEntity;

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
