import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A stored complete subtree of the audit tree: 2^level leaves from leaf index·2^level. */
@Entity('audit_tree_nodes')
export class AuditTreeNodeEntity {
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'audit_tree_nodes_pkey' })
  level!: number;

  @PrimaryColumn({ type: 'bigint', primaryKeyConstraintName: 'audit_tree_nodes_pkey' })
  index!: string;

  @Column({ type: 'bytea' })
  hash!: Buffer;
}

/** Every signed checkpoint the sequencer wrote: a C2SP signed note of tlog-checkpoint text. */
@Entity('audit_checkpoints')
export class AuditCheckpointEntity {
  @PrimaryColumn({ type: 'bigint', primaryKeyConstraintName: 'audit_checkpoints_pkey' })
  treeSize!: string;

  @Column({ type: 'bytea' })
  rootHash!: Buffer;

  @Column({ type: 'text' })
  note!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

/** One erasure of events' data (docs/audit.md): who, when, on what legal basis, why. */
@Entity('audit_erasures')
export class AuditErasureEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'audit_erasures_pkey' })
  id!: string;

  @Column({ type: 'text' })
  subjectType!: string;

  @Column({ type: 'text' })
  subjectId!: string;

  @Column({ type: 'text' })
  basis!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'uuid', nullable: true })
  erasedBy!: string | null;

  @Column({ type: 'text' })
  erasedByName!: string;

  @Column({ type: 'timestamptz' })
  erasedAt!: Date;

  @Column({ type: 'integer' })
  events!: number;
}
