import type { Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, PoolClient } from 'pg';
import { to as copyTo, type CopyToStreamQuery } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { writeWhole } from '../common/write-batched';
import { AuditLogReader } from './audit-log';
import type { VerifyResultDto } from './dto/audit.dto';
import { chainReasonCode, type ChainFailure, ChainVerifier } from './hash-chain';
import { BinaryCopyRows, int64 } from './binary-copy';
import { EXPORT_COLUMNS, EXPORT_FIELDS, ExportLines } from './export-line';
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

/** The export's batches on the wire: each leaves in one socket write. */
const EXPORT_BATCH_BYTES = 1 << 20;

/**
 * Verifying and exporting the audit log. Both stream from PostgreSQL with COPY (constant memory
 * whatever the size of the log); this process hashes.
 */
interface VerifyOptions {
  expectHead?: { seq: number; hash: string };
  expectCheckpoint?: { size: number; root: Buffer };
}

@Injectable()
export class AuditChecker {
  /** The verification running in this process, if any (the next waits for it). */
  private verifying: Promise<unknown> = Promise.resolve();

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
   * chain of the events from before the tree (with the head an auditor kept, if any). One
   * verification at a time in this process: each holds two connections and a core while it runs.
   */
  verify(options: VerifyOptions): Promise<VerifyResultDto> {
    const run = this.verifying.then(() => this.verifyNow(options));
    this.verifying = run.catch(() => undefined);
    return run;
  }

  private async verifyNow(options: VerifyOptions): Promise<VerifyResultDto> {
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
    const failure = await this.verifyLeaves(verifier, Math.trunc(signed.size));
    const end = failure ?? verifier.finish(signed);
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

  /**
   * Every leaf below `size` through `verifier`, in leaf order. Two binary COPYs on two
   * connections, read side by side: the events' envelope columns and data, and the tree's leaf
   * hashes (level 0). Joined in SQL they made PostgreSQL sort the leaf hashes before the first
   * row (on disk beyond `work_mem`); apart, each is an index scan in leaf order that streams from
   * its first row, and PostgreSQL produces them on the other core while this process hashes.
   * The leaf bytes are built here from the columns (`LeafBuilder`: the same bytes `leafSql`
   * builds for the sequencer) rather than as text by PostgreSQL (docs/benchmarks.md).
   */
  private async verifyLeaves(verifier: LogVerifier, size: number): Promise<LogFailure | null> {
    const pool = (this.db.driver as unknown as { master: Pool }).master;
    const clients: PoolClient[] = [];
    const copies: CopyToStreamQuery[] = [];
    let broken = false;
    try {
      // Verifications run one at a time (`verify`), so one holding a connection never waits
      // for a second one that another verification holds.
      for (const sql of [
        `SELECT leaf_index, occurred_at, actor_id, actor_role, actor_name, action,
                subject_type, subject_id, case_id, data_hash, data
           FROM audit_events WHERE leaf_index < ${size} ORDER BY leaf_index`,
        `SELECT index, hash FROM audit_tree_nodes
          WHERE level = 0 AND index < ${size} ORDER BY index`,
      ]) {
        const client = await pool.connect();
        clients.push(client);
        copies.push(client.query(copyTo(`COPY (${sql}) TO STDOUT WITH (FORMAT binary)`)));
      }
      const events = new BinaryCopyRows(copies[0]!, 11);
      const nodes = new BinaryCopyRows(copies[1]!, 2);
      const leaves = new LeafBuilder();
      const { starts, ends } = events;
      // The level-0 node last read (its index), ahead of or at the leaf being checked.
      let nodeIndex = -1;
      for (;;) {
        const row = events.next();
        if (row === null) {
          await events.more();
          continue;
        }
        if (!row) break;
        const buf = events.buf;
        const leaf = leaves.build(buf, starts, ends);
        const index = leaves.index;
        while (nodeIndex < index) {
          const next = nodes.next();
          if (next === null) await nodes.more();
          else nodeIndex = next ? int64(nodes.buf, nodes.starts[0]!) : Infinity;
        }
        const failure = verifier.pushRow(
          index,
          leaf,
          starts[10] === -1 ? null : buf.subarray(starts[10], ends[10]),
          buf,
          leaves.dataHashStart,
          leaves.dataHashEnd,
          nodeIndex === index ? nodes.buf : null,
          nodes.starts[1]!,
          nodes.ends[1]!,
        );
        if (failure) {
          broken = true;
          return failure;
        }
      }
      await events.finish();
      // The leaf hashes left unread (none, unless the tree has more level-0 nodes than leaves).
      for (let next = nodes.next(); next !== false; next = nodes.next()) {
        if (next === null) await nodes.more();
      }
      await nodes.finish();
      return null;
    } catch (error) {
      broken = true;
      throw error;
    } finally {
      if (broken) for (const copy of copies) copy.destroy();
      for (const client of clients) client.release(broken);
    }
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
   * PostgreSQL with backpressure; `fromSeq`/`toSeq` keep to a range of event numbers. `out`
   * must be done with each chunk when it calls back (a socket, a file): the buffers are reused.
   */
  async export(out: Writable, range: { fromSeq?: number; toSeq?: number }): Promise<void> {
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
          `COPY (SELECT ${EXPORT_COLUMNS} FROM audit_events e
                  WHERE e.leaf_index < ${size} AND e.seq BETWEEN ${from} AND ${to}
                  ORDER BY e.leaf_index) TO STDOUT WITH (FORMAT binary)`,
        ),
      );
      // PostgreSQL reads the rows, this process writes the lines: the work of an export is
      // shared by two processes (and cores) instead of done by PostgreSQL alone.
      // One batch is written while the next is built (in the other of two buffers).
      const rows = new BinaryCopyRows(copy, EXPORT_FIELDS);
      const lines = new ExportLines(EXPORT_BATCH_BYTES);
      let writing: Promise<void> = Promise.resolve();
      for (;;) {
        const next = rows.next();
        if (next === null) {
          await rows.more();
          continue;
        }
        if (!next) break;
        if (lines.add(rows.buf, rows.starts, rows.ends)) {
          await writing;
          writing = writeWhole(out, lines.take());
          // Failing before it is awaited (the client left): not an unhandled rejection.
          writing.catch(() => undefined);
        }
      }
      await writing;
      if (lines.size > 0) await writeWhole(out, lines.take());
      await rows.finish();
    } catch (error) {
      broken = true;
      throw error;
    } finally {
      client.release(broken);
    }
  }
}
