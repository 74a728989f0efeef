import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type FieldError, ValidationFailed } from '../common/errors';
import { CheckpointNotFound } from './audit.errors';
import { AuditSigner } from './audit-signer';
import { leafSql } from './leaf';
import {
  consistencyProof,
  inclusionProof,
  nodeMap,
  nodesNeeded,
  type Hash,
  type NodeKey,
  type NodeSource,
} from './merkle';

export interface StoredCheckpoint {
  size: number;
  root: Buffer;
  note: string;
  createdAt: Date;
}

/** An event of a case bundle: everything needed to check it against the bundle's checkpoint. */
export interface BundleEvent {
  leafIndex: number;
  /** The exact text whose RFC 9162 leaf hash is in the tree. */
  leaf: string;
  data: Record<string, unknown> | null;
  erased?: ErasedDto;
  inclusionProof: string[];
}

export interface ErasedDto {
  at: string;
  by: string;
  basis: string;
  eventLeafIndex: number | null;
}

export interface CaseBundle {
  format: 'brug-audit-bundle/1';
  caseId: string;
  checkpoint: string;
  verifierKey: string;
  treeSize: number;
  events: BundleEvent[];
  /** Events of the case that are not in a checkpoint yet (sequenced within seconds). */
  pending: number;
  consistency?: { fromSize: number; proof: string[] };
}

const tooLarge = (field: string, max: number): FieldError => ({
  field,
  code: 'out_of_range',
  message: `must not be greater than ${max}`,
  params: { max },
});

const b64 = (hashes: Hash[]): string[] => hashes.map((h) => h.toString('base64'));

/** The erasure of an event as exports and bundles show it (SQL columns e_at, e_by, e_basis, e_leaf). */
export const ERASED_COLUMNS = `x.erased_at AS e_at, x.erased_by_name AS e_by, x.basis AS e_basis,
  (SELECT leaf_index FROM audit_events z WHERE z.subject_type = 'audit_erasure'
     AND z.subject_id = x.id::text ORDER BY z.seq LIMIT 1) AS e_leaf`;

export function erasedOf(row: {
  e_at: Date | null;
  e_by: string | null;
  e_basis: string | null;
  e_leaf: string | null;
}): ErasedDto | undefined {
  if (!row.e_at) return undefined;
  return {
    at: row.e_at.toISOString(),
    by: row.e_by ?? '',
    basis: row.e_basis ?? '',
    eventLeafIndex: row.e_leaf === null ? null : Number(row.e_leaf),
  };
}

/**
 * The audit tree as auditors read it: checkpoints, inclusion and consistency proofs (RFC 9162)
 * from the stored complete subtrees, in one query for the nodes of any number of proofs, and
 * the self-contained bundle of one case.
 */
@Injectable()
export class AuditLogReader {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly signer: AuditSigner,
  ) {}

  get verifierKey(): string {
    return this.signer.verifierKey;
  }

  /** The latest checkpoint, or the one of tree size `size`; null when there is none. */
  async checkpoint(size?: number): Promise<StoredCheckpoint | null> {
    const rows = await this.db.query<
      { tree_size: string; root_hash: Buffer; note: string; created_at: Date }[]
    >(
      size === undefined
        ? 'SELECT * FROM audit_checkpoints ORDER BY tree_size DESC LIMIT 1'
        : 'SELECT * FROM audit_checkpoints WHERE tree_size = $1',
      size === undefined ? [] : [size],
    );
    const row = rows[0];
    return row
      ? {
          size: Number(row.tree_size),
          root: row.root_hash,
          note: row.note,
          createdAt: row.created_at,
        }
      : null;
  }

  async checkpointOrFail(size?: number): Promise<StoredCheckpoint> {
    const found = await this.checkpoint(size);
    if (!found) throw new CheckpointNotFound(size);
    return found;
  }

  /** Runs computations over tree nodes with every node they read fetched in one query. */
  private async withNodes<T>(compute: (get: NodeSource) => T): Promise<T> {
    const keys: NodeKey[] = nodesNeeded(compute);
    const rows = keys.length
      ? await this.db.query<{ level: number; index: string; hash: Buffer }[]>(
          `SELECT level, index, hash FROM audit_tree_nodes
            WHERE (level, index) IN (SELECT * FROM unnest($1::smallint[], $2::bigint[]))`,
          [keys.map((k) => k.level), keys.map((k) => k.index)],
        )
      : [];
    return compute(nodeMap(rows.map((r) => ({ ...r, index: Number(r.index) }))));
  }

  /** The sizes must name a checkpoint that exists (a tree the log has signed). */
  private async signedSize(size: number, field: string): Promise<void> {
    const latest = await this.checkpoint();
    if (!latest || size > latest.size) {
      throw new ValidationFailed([tooLarge(field, latest?.size ?? 0)]);
    }
  }

  async inclusion(leafIndex: number, treeSize: number): Promise<string[]> {
    await this.signedSize(treeSize, 'treeSize');
    if (leafIndex >= treeSize) {
      throw new ValidationFailed([tooLarge('leafIndex', treeSize - 1)]);
    }
    return b64(await this.withNodes((get) => inclusionProof(leafIndex, treeSize, get)));
  }

  async consistency(from: number, to: number): Promise<string[]> {
    await this.signedSize(to, 'to');
    if (from > to) throw new ValidationFailed([tooLarge('from', to)]);
    return b64(await this.withNodes((get) => consistencyProof(from, to, get)));
  }

  /**
   * One case's events with their leaves, data (or erasure) and inclusion proofs to the latest
   * checkpoint, that checkpoint and the verifier key: all a verifier needs. With `since`, the
   * consistency proof from that earlier tree size too.
   */
  async caseBundle(caseId: string, since?: number): Promise<CaseBundle> {
    const checkpoint = await this.checkpoint();
    const size = checkpoint?.size ?? 0;
    if (since !== undefined && since > size) {
      throw new ValidationFailed([tooLarge('since', size)]);
    }
    const rows = await this.db.query<
      {
        leaf_index: string | null;
        leaf: string | null;
        data: string | null;
        e_at: Date | null;
        e_by: string | null;
        e_basis: string | null;
        e_leaf: string | null;
      }[]
    >(
      `SELECT e.leaf_index, CASE WHEN e.leaf_index < $2 THEN ${leafSql('e.leaf_index', 'e.')} END AS leaf,
              e.data, ${ERASED_COLUMNS}
         FROM audit_events e LEFT JOIN audit_erasures x ON x.id = e.erasure_id
        WHERE e.case_id = $1 ORDER BY e.seq`,
      [caseId, size],
    );
    const inTree = rows.filter((r) => r.leaf !== null);
    const proofs = await this.withNodes((get) => ({
      inclusion: inTree.map((r) => inclusionProof(Number(r.leaf_index), size, get)),
      consistency:
        since !== undefined && since > 0 ? consistencyProof(since, size, get) : undefined,
    }));
    return {
      format: 'brug-audit-bundle/1',
      caseId,
      checkpoint: checkpoint?.note ?? '',
      verifierKey: this.signer.verifierKey,
      treeSize: size,
      events: inTree.map((r, i) => {
        const erased = erasedOf(r);
        return {
          leafIndex: Number(r.leaf_index),
          leaf: r.leaf!,
          data: r.data === null ? null : (JSON.parse(r.data) as Record<string, unknown>),
          ...(erased ? { erased } : {}),
          inclusionProof: b64(proofs.inclusion[i]!),
        };
      }),
      pending: rows.length - inTree.length,
      ...(proofs.consistency
        ? { consistency: { fromSize: since!, proof: b64(proofs.consistency) } }
        : {}),
    };
  }
}
