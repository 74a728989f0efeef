import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Client } from 'pg';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { AUDIT_SEQUENCER_LOCK } from './audit-writer';
import { AuditSigner } from './audit-signer';
import { leafSql } from './leaf';
import { leafHash, nodeMap, TreeEdge, type Hash } from './merkle';
import { checkpointText } from './signed-note';

/** How long a standby waits between attempts to become the sequencer. */
const STANDBY_MS = 500;

/** The queries of one batch, on the sequencer's own connection (which holds the lock). */
type Query = <R>(sql: string, params?: unknown[]) => Promise<R[]>;

/**
 * Turns committed audit events into leaves of the audit tree (ADR 29). Every worker process
 * runs one; a PostgreSQL session advisory lock elects exactly one among them, and the others
 * try again every half second, so when the sequencer's process dies (its connection closes,
 * the lock and any half-done batch go with it) another takes over within a second or so.
 *
 * Each batch, in one transaction on the connection that holds the lock: the committed events
 * without a leaf, oldest `seq` first, get the next leaf indexes; their leaf hashes and every
 * complete subtree they complete go into `audit_tree_nodes`; a signed checkpoint of the new tree
 * goes into `audit_checkpoints`. Every few hundred milliseconds, at once again when a batch was
 * full.
 */
@Injectable()
export class AuditSequencer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditSequencer');
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private client: Client | undefined;
  private edge: TreeEdge | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly signer: AuditSigner,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.client?.end().catch(() => undefined);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (!(await this.lead())) {
          await this.sleep(STANDBY_MS);
          continue;
        }
        const sequenced = await this.batch();
        if (sequenced < this.config.auditSequencerBatch) {
          await this.sleep(this.config.auditSequencerPollMs);
        }
      } catch (error) {
        // Connection lost or a batch failed: start over (the lock went with the connection).
        this.logger.warn(
          `audit sequencer: ${error instanceof Error ? error.message : String(error)}`,
        );
        await this.client?.end().catch(() => undefined);
        this.client = undefined;
        this.edge = undefined;
        if (this.running) await this.sleep(STANDBY_MS);
      }
    }
  }

  /** True when this process holds the sequencer's lock (taking it if free). */
  private async lead(): Promise<boolean> {
    if (this.client) return true;
    const client = new Client({
      connectionString: this.config.databaseUrl,
      application_name: 'brug-audit-sequencer',
    });
    client.on('error', () => undefined);
    await client.connect();
    try {
      const { rows } = await client.query<{ ok: boolean }>(
        'SELECT pg_try_advisory_lock($1) AS ok',
        [AUDIT_SEQUENCER_LOCK],
      );
      if (!rows[0]?.ok) {
        await client.end();
        return false;
      }
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    this.logger.log(
      `This process is now the audit sequencer (verifier key ${this.signer.verifierKey})`,
    );
    return true;
  }

  /** Sequences one batch; returns how many events it gave a leaf. */
  async batch(): Promise<number> {
    const client = this.client!;
    const q: Query = async <R>(sql: string, params?: unknown[]) =>
      (await client.query(sql, params)).rows as R[];
    await q('BEGIN');
    try {
      const count = await this.sequence(q);
      await q('COMMIT');
      return count;
    } catch (error) {
      await q('ROLLBACK').catch(() => undefined);
      this.edge = undefined;
      throw error;
    }
  }

  private async sequence(q: Query): Promise<number> {
    const [latest] = await q<{ size: string }>(
      'SELECT tree_size AS size FROM audit_checkpoints ORDER BY tree_size DESC LIMIT 1',
    );
    const size = Number(latest?.size ?? 0);
    const edge = this.edge?.size === size ? this.edge : await this.loadEdge(q, size);
    this.edge = undefined; // restored only when the batch commits
    const rows = await q<{ seq: string; leaf: string }>(
      `SELECT seq, ${leafSql(`$1::bigint + row_number() OVER (ORDER BY seq) - 1`)} AS leaf
         FROM (SELECT * FROM audit_events WHERE leaf_index IS NULL ORDER BY seq LIMIT $2) e
        ORDER BY seq`,
      [size, this.config.auditSequencerBatch],
    );
    if (rows.length === 0) {
      this.edge = edge;
      return 0;
    }
    const levels: number[] = [];
    const indexes: number[] = [];
    const hashes: Hash[] = [];
    for (const row of rows) {
      for (const node of edge.append(leafHash(row.leaf))) {
        levels.push(node.level);
        indexes.push(node.index);
        hashes.push(node.hash);
      }
    }
    await q(
      `UPDATE audit_events e SET leaf_index = $2::bigint + v.n - 1, sequenced_at = clock_timestamp()
         FROM unnest($1::bigint[]) WITH ORDINALITY AS v(seq, n)
        WHERE e.seq = v.seq`,
      [rows.map((r) => r.seq), size],
    );
    await q(
      `INSERT INTO audit_tree_nodes (level, index, hash)
       SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[])`,
      [levels, indexes, hashes],
    );
    const root = edge.root();
    const note = this.signer.sign(
      checkpointText({ origin: this.config.auditOrigin, size: edge.size, root }),
    );
    await q('INSERT INTO audit_checkpoints (tree_size, root_hash, note) VALUES ($1, $2, $3)', [
      edge.size,
      root,
      note,
    ]);
    this.edge = edge;
    return rows.length;
  }

  private async loadEdge(q: Query, size: number): Promise<TreeEdge> {
    const keys = TreeEdge.keys(size);
    if (keys.length === 0) return new TreeEdge();
    const rows = await q<{ level: number; index: string; hash: Buffer }>(
      `SELECT level, index, hash FROM audit_tree_nodes
        WHERE (level, index) IN (SELECT * FROM unnest($1::smallint[], $2::bigint[]))`,
      [keys.map((k) => k.level), keys.map((k) => k.index)],
    );
    const get = nodeMap(rows.map((r) => ({ ...r, index: Number(r.index) })));
    return new TreeEdge(
      size,
      keys.map((k) => get(k.level, k.index)),
    );
  }
}
