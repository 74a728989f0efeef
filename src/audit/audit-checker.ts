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
import { LeafBuilder } from './leaf-row';
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
   * The rows of a query in PostgreSQL's binary COPY format, for the hot path of verification:
   * no column is converted to text and back. `each` gets a buffer and where each of the row's
   * `width` fields starts and ends in it (a NULL field has `start = -1`). A row split across
   * chunks is joined once.
   */
  private async copyBinary(
    sql: string,
    width: number,
    each: (row: Buffer, starts: Int32Array, ends: Int32Array) => boolean,
  ): Promise<void> {
    const pool = (this.db.driver as unknown as { master: Pool }).master;
    const client: PoolClient = await pool.connect();
    let broken = false;
    const starts = new Int32Array(width);
    const ends = new Int32Array(width);
    try {
      const copy = client.query(copyTo(`COPY (${sql}) TO STDOUT WITH (FORMAT binary)`));
      let buf: Buffer = Buffer.alloc(0);
      let headerRead = false;
      let done = false;
      for await (const chunk of copy as AsyncIterable<Buffer>) {
        buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
        let at = 0;
        if (!headerRead) {
          // PGCOPY\n\377\r\n\0, flags (int32), header extension length (int32) and extension.
          if (buf.length < 19) continue;
          if (buf.toString('latin1', 0, 11) !== 'PGCOPY\n\xff\r\n\0') {
            throw new Error('not a binary COPY stream');
          }
          at = 19 + buf.readUInt32BE(15);
          headerRead = true;
        }
        while (!done && at + 2 <= buf.length) {
          const fields = buf.readInt16BE(at);
          if (fields === -1) {
            done = true;
            at += 2;
            break;
          }
          if (fields !== width) throw new Error(`COPY row of ${fields} fields, not ${width}`);
          let p = at + 2;
          let complete = true;
          for (let f = 0; f < width; f++) {
            if (p + 4 > buf.length) {
              complete = false;
              break;
            }
            const length = buf.readInt32BE(p);
            p += 4;
            if (length === -1) {
              starts[f] = -1;
              ends[f] = -1;
              continue;
            }
            if (p + length > buf.length) {
              complete = false;
              break;
            }
            starts[f] = p;
            ends[f] = p + length;
            p += length;
          }
          if (!complete) break;
          if (!each(buf, starts, ends)) {
            broken = true;
            copy.destroy();
            return;
          }
          at = p;
        }
        buf = at < buf.length ? Buffer.from(buf.subarray(at)) : Buffer.alloc(0);
      }
      if (!done) throw new Error('the binary COPY stream ended early');
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
    // The envelope's columns as stored, in binary; the leaf bytes are built here from them
    // (`LeafBuilder`: the same bytes `leafSql` builds for the sequencer) rather than as text by
    // PostgreSQL, which was most of the time verification took (docs/benchmarks.md).
    const leaves = new LeafBuilder();
    const dataHash = { start: 0, end: 0 };
    const stored = { start: 0, end: 0 };
    await this.copyBinary(
      `SELECT e.leaf_index, e.occurred_at, e.actor_id, e.actor_role, e.actor_name, e.action,
              e.subject_type, e.subject_id, e.case_id, e.data_hash, e.data, n.hash
         FROM audit_events e
         LEFT JOIN audit_tree_nodes n ON n.level = 0 AND n.index = e.leaf_index
        WHERE e.leaf_index < ${Math.trunc(signed.size)} ORDER BY e.leaf_index`,
      12,
      (row, starts, ends) => {
        const leaf = leaves.build(row, starts, ends);
        dataHash.start = leaves.dataHashStart;
        dataHash.end = leaves.dataHashEnd;
        stored.start = starts[11]!;
        stored.end = ends[11]!;
        state.failure = verifier.pushRow(
          leaves.index,
          leaf,
          starts[10] === -1 ? null : row.subarray(starts[10], ends[10]),
          row,
          dataHash,
          stored,
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
