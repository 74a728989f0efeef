import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { batchedChunks } from '../common/batched-chunks';
import { AuditLogReader } from './audit-log';
import type { VerifyResultDto } from './dto/audit.dto';
import { chainReasonCode, type ChainFailure, ChainVerifier } from './hash-chain';
import { leafSql } from './leaf';
import { type LogFailure, logFailure, LogVerifier } from './log-verify';
import { EMPTY_ROOT } from './merkle';
import { openCheckpoint, parseVerifierKey } from './signed-note';

/** COPY in CSV mode with \x01/\x02 as delimiter and quote: JSON never holds either (ADR 6). */
const RAW = `TO STDOUT WITH (FORMAT csv, DELIMITER E'\\x01', QUOTE E'\\x02')`;
const ISO = `to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The content the old chain hashed (events from before the tree, ADR 30), as the writer built it. */
const CHAINED_CONTENT = `'{"action":' || to_json(action)
  || ',"actorId":' || coalesce(to_json(actor_id)::text, 'null')
  || ',"actorName":' || to_json(actor_name) || ',"actorRole":' || to_json(actor_role)
  || ',"caseId":' || coalesce(to_json(case_id)::text, 'null')
  || ',"data":' || data || ',"occurredAt":' || to_json(${ISO}) || ',"seq":' || seq
  || ',"subjectId":' || to_json(subject_id) || ',"subjectType":' || to_json(subject_type) || '}'`;

/** The export's pieces on the wire (see batchedChunks). */
const EXPORT_CHUNK_BYTES = 1 << 20;

/** One export line per event, built by PostgreSQL, in leaf order (see docs/audit.md). */
const EXPORT_LINE = `'{"seq":' || e.seq || ',"leafIndex":' || e.leaf_index
  || ',"occurredAt":' || to_json(to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
  || ',"actorId":' || coalesce(to_json(e.actor_id)::text, 'null')
  || ',"actorRole":' || to_json(e.actor_role) || ',"actorName":' || to_json(e.actor_name)
  || ',"action":' || to_json(e.action) || ',"subjectType":' || to_json(e.subject_type)
  || ',"subjectId":' || to_json(e.subject_id) || ',"caseId":' || coalesce(to_json(e.case_id)::text, 'null')
  || ',"data":' || coalesce(e.data, 'null') || ',"dataHash":"' || e.data_hash || '"'
  || CASE WHEN x.id IS NULL THEN '' ELSE ',"erased":' || json_build_object('at',
       to_char(x.erased_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'by', x.erased_by_name,
       'basis', x.basis, 'eventLeafIndex', (SELECT leaf_index FROM audit_events z
         WHERE z.subject_type = 'audit_erasure' AND z.subject_id = x.id::text ORDER BY z.seq LIMIT 1))::text END
  || ',"prevHash":' || coalesce(to_json(e.prev_hash)::text, 'null')
  || ',"hash":' || coalesce(to_json(e.hash)::text, 'null') || '}'`;

/**
 * Verifying and exporting the audit log. Both stream from PostgreSQL with COPY (constant memory
 * whatever the size of the log); this process hashes.
 */
@Injectable()
export class AuditChecker {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly log: AuditLogReader,
  ) {}

  /** Lines of a COPY on a connection of its own, dropped afterwards if the COPY was abandoned. */
  private async copyLines(sql: string, each: (fields: string[]) => boolean): Promise<void> {
    const pool = (this.db.driver as unknown as { master: Pool }).master;
    const client: PoolClient = await pool.connect();
    let broken = false;
    try {
      const copy = client.query(copyTo(`COPY (${sql}) ${RAW}`));
      let rest = '';
      const decoder = new StringDecoder('utf8');
      for await (const chunk of copy as AsyncIterable<Buffer>) {
        const lines = (rest + decoder.write(chunk)).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) {
          if (!each(line.split('\x01'))) {
            broken = true;
            copy.destroy();
            return;
          }
        }
      }
    } catch (error) {
      broken = true;
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /**
   * Recomputes the tree from the leaves (every dataHash, every stored leaf hash, the root of the
   * latest signed checkpoint and, when given, of the checkpoint an auditor kept) and the hash
   * chain of the events from before the tree (with the head an auditor kept, if any).
   */
  async verify(options: {
    expectHead?: { seq: number; hash: string };
    expectCheckpoint?: { size: number; root: Buffer };
  }): Promise<VerifyResultDto> {
    const checkpoint = await this.log.checkpoint();
    const chain = await this.verifyChain(options.expectHead);
    if (!chain.valid) return chain;
    let signed = { size: 0, root: EMPTY_ROOT };
    if (checkpoint) {
      const opened = openCheckpoint(checkpoint.note, parseVerifierKey(this.log.verifierKey));
      if (!opened.ok || opened.checkpoint.size !== checkpoint.size) {
        return { ...chain, ...logFailure('signature', 0, null) };
      }
      signed = opened.checkpoint;
    }
    const verifier = new LogVerifier(options.expectCheckpoint);
    const state: { failure: LogFailure | null } = { failure: null };
    await this.copyLines(
      `SELECT e.leaf_index, ${leafSql('e.leaf_index', 'e.')}, e.data_hash, e.data, encode(n.hash, 'hex')
         FROM audit_events e
         LEFT JOIN audit_tree_nodes n ON n.level = 0 AND n.index = e.leaf_index
        WHERE e.leaf_index < ${Math.trunc(signed.size)} ORDER BY e.leaf_index`,
      ([index, leaf, dataHash, data, stored]) => {
        state.failure = verifier.push(
          Number(index),
          leaf ?? '',
          data ? data : null,
          dataHash ?? '',
          stored ? Buffer.from(stored, 'hex') : null,
        );
        return state.failure === null;
      },
    );
    const end = state.failure ?? verifier.finish(signed);
    if (!end.valid) return { ...chain, ...end };
    return {
      ...chain,
      valid: true,
      leaves: verifier.size,
      treeSize: signed.size,
      rootHash: signed.root.toString('base64'),
      checkpoint: checkpoint?.note ?? null,
    };
  }

  /** The hash chain of the events from before the tree (ADR 30), as before. */
  private async verifyChain(expectHead?: { seq: number; hash: string }): Promise<VerifyResultDto> {
    const verifier = new ChainVerifier({ expectHead, fromGenesis: true });
    const state: { failure: ChainFailure | null } = { failure: null };
    await this.copyLines(
      `SELECT seq, prev_hash, hash, CASE WHEN data IS NULL THEN NULL ELSE ${CHAINED_CONTENT} END
         FROM audit_events WHERE hash IS NOT NULL ORDER BY seq`,
      ([seq, prevHash, hash, canonical]) => {
        const link = { seq: Number(seq), prevHash: prevHash ?? '', hash: hash ?? '' };
        // An erased event's content is gone: its link is checked, its content by the tree.
        state.failure = canonical
          ? verifier.pushCanonical(link, canonical)
          : verifier.pushUnchecked(link);
        return state.failure === null;
      },
    );
    const result = state.failure ?? verifier.finish();
    return result.valid ? result : { ...result, reasonCode: chainReasonCode(result.reason) };
  }

  /**
   * Streams the log as NDJSON in leaf order (what a checkpoint covers), straight from
   * PostgreSQL with backpressure; `fromSeq`/`toSeq` keep to a range of event numbers.
   */
  async export(
    out: NodeJS.WritableStream,
    range: { fromSeq?: number; toSeq?: number },
  ): Promise<void> {
    // COPY takes no bind parameters; every bound is a validated integer.
    const from = Math.max(1, Math.trunc(range.fromSeq ?? 1));
    const to = Math.trunc(range.toSeq ?? Number.MAX_SAFE_INTEGER);
    const size = Math.trunc((await this.log.checkpoint())?.size ?? 0);
    const pool = (this.db.driver as unknown as { master: Pool }).master;
    const client = await pool.connect();
    let broken = false;
    try {
      const copy = client.query(
        copyTo(
          `COPY (SELECT ${EXPORT_LINE} FROM audit_events e LEFT JOIN audit_erasures x ON x.id = e.erasure_id
                  WHERE e.leaf_index < ${size} AND e.seq BETWEEN ${from} AND ${to}
                  ORDER BY e.leaf_index) ${RAW}`,
        ),
      );
      // Written in pieces of 1 MiB rather than as read from PostgreSQL's socket (8–64 kB).
      await pipeline(copy, batchedChunks(EXPORT_CHUNK_BYTES), out, { end: false });
    } catch (error) {
      broken = true;
      throw error;
    } finally {
      client.release(broken);
    }
  }
}
