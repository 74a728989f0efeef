import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CursorCodec } from '../common/cursor';
import { InvalidCursor } from '../common/errors';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type {
  AuditEventListDto,
  HeadDto,
  ListAuditEventsQuery,
  VerifyResultDto,
} from './dto/audit.dto';
import { ChainVerifier, type ChainedAuditEvent } from './hash-chain';

interface AuditRow {
  seq: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_role: string;
  actor_name: string;
  action: string;
  subject_type: string;
  subject_id: string;
  case_id: string | null;
  data: string;
  prev_hash: string;
  hash: string;
}

const COLUMNS = `seq, occurred_at, actor_id, actor_role, actor_name, action, subject_type,
  subject_id, case_id, data, prev_hash, hash`;

/**
 * One export line per event, built by PostgreSQL. JSON escapes every control character, so a
 * line never holds a raw newline, \x01 or \x02: with those as CSV delimiter and quote, COPY
 * writes each line exactly as built, unescaped.
 */
const EXPORT_LINE = `'{"seq":' || seq
  || ',"occurredAt":' || to_json(to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
  || ',"actorId":' || coalesce(to_json(actor_id)::text, 'null')
  || ',"actorRole":' || to_json(actor_role) || ',"actorName":' || to_json(actor_name)
  || ',"action":' || to_json(action) || ',"subjectType":' || to_json(subject_type)
  || ',"subjectId":' || to_json(subject_id) || ',"caseId":' || coalesce(to_json(case_id)::text, 'null')
  || ',"data":' || data || ',"prevHash":' || to_json(prev_hash) || ',"hash":' || to_json(hash) || '}'`;

/** Rows are read in batches of this many: verification runs in constant memory. */
const BATCH = 1000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The event as the API and the export show it; `data` is parsed from the hashed text. */
function toEvent(row: AuditRow): ChainedAuditEvent {
  return {
    seq: Number(row.seq),
    occurredAt: row.occurred_at.toISOString(),
    actorId: row.actor_id,
    actorRole: row.actor_role,
    actorName: row.actor_name,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    caseId: row.case_id,
    data: JSON.parse(row.data) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Reading, verifying and exporting the audit trail (auditors and admins). */
@Injectable()
export class AuditReader {
  private readonly cursors: CursorCodec;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cursors = new CursorCodec(config.jwtSecret);
  }

  /** Keyset pages by sequence number, oldest first unless `order=desc`. */
  async list(query: ListAuditEventsQuery): Promise<AuditEventListDto> {
    const params: unknown[] = [];
    const add = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (query.subjectType) where.push(`subject_type = ${add(query.subjectType)}`);
    if (query.subjectId) where.push(`subject_id = ${add(query.subjectId)}`);
    if (query.actorId) where.push(`actor_id = ${add(query.actorId)}::uuid`);
    if (query.caseId) where.push(`case_id = ${add(query.caseId)}::uuid`);
    if (query.action) where.push(`action = ${add(query.action)}`);
    const moment = (value: string) =>
      DATE_ONLY.test(value)
        ? `(${add(value)}::date::timestamp AT TIME ZONE 'Europe/Amsterdam')`
        : `${add(value)}::timestamptz`;
    if (query.from) where.push(`occurred_at >= ${moment(query.from)}`);
    if (query.to) where.push(`occurred_at < ${moment(query.to)}`);
    const desc = query.order === 'desc';
    const { cursor: _c, pageSize: _p, ...filters } = query;
    const scope = `audit:${JSON.stringify(filters, Object.keys(filters).sort())}`;
    if (query.cursor) {
      const [after] = this.cursors.decode(query.cursor, scope);
      if (typeof after !== 'number' || !Number.isSafeInteger(after)) throw new InvalidCursor();
      where.push(`seq ${desc ? '<' : '>'} ${add(after)}::bigint`);
    }
    const pageSize = query.pageSize ?? 100;
    const rows = await this.db.query<AuditRow[]>(
      `SELECT ${COLUMNS} FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY seq ${desc ? 'DESC' : 'ASC'} LIMIT ${pageSize + 1}`,
      params,
    );
    const page = rows.slice(0, pageSize);
    const last = page[page.length - 1];
    return {
      items: page.map(toEvent),
      nextCursor:
        rows.length > pageSize && last ? this.cursors.encode([Number(last.seq)], scope) : null,
    };
  }

  async head(): Promise<HeadDto> {
    const [row] = await this.db.query<{ seq: string; hash: string; occurred_at: Date }[]>(
      'SELECT seq, hash, occurred_at FROM audit_events ORDER BY seq DESC LIMIT 1',
    );
    return row
      ? { seq: Number(row.seq), hash: row.hash, occurredAt: row.occurred_at.toISOString() }
      : { seq: null, hash: null, occurredAt: null };
  }

  /**
   * Recomputes the whole chain from the stored columns, in batches, and names the first event
   * that does not match; with `expectHead`, also checks that the chain still passes through a
   * head written down earlier (the only defence against a consistent rewrite of every hash).
   */
  async verify(expectHead?: { seq: number; hash: string }): Promise<VerifyResultDto> {
    const verifier = new ChainVerifier({ expectHead });
    let after = 0;
    for (;;) {
      const rows = await this.db.query<AuditRow[]>(
        `SELECT ${COLUMNS} FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        let event: ChainedAuditEvent;
        try {
          event = toEvent(row);
        } catch {
          return {
            valid: false,
            firstInvalidSeq: Number(row.seq),
            reason: 'data is not valid JSON',
          };
        }
        const failure = verifier.push(event);
        if (failure) return failure;
        after = event.seq;
      }
    }
    return verifier.finish();
  }

  /**
   * Streams the trail as NDJSON, oldest first, straight from PostgreSQL: `COPY … TO STDOUT`
   * produces the lines and the bytes flow from the database socket to the client with
   * backpressure (pipeline), so memory stays flat whatever the size of the trail. Each line
   * is built around the stored canonical text of `data`, with exactly the fields the offline
   * verifier expects. Stops, and frees the connection, when the client goes away.
   */
  async export(
    out: NodeJS.WritableStream,
    range: { fromSeq?: number; toSeq?: number },
  ): Promise<void> {
    // COPY takes no bind parameters; both bounds are validated integers.
    const from = Math.max(1, Math.trunc(range.fromSeq ?? 1));
    const to = Math.trunc(range.toSeq ?? Number.MAX_SAFE_INTEGER);
    const pool = (this.db.driver as unknown as { master: Pool }).master;
    const client = await pool.connect();
    let broken = false;
    try {
      const copy = client.query(
        copyTo(
          `COPY (SELECT ${EXPORT_LINE} FROM audit_events WHERE seq BETWEEN ${from} AND ${to} ORDER BY seq)
           TO STDOUT WITH (FORMAT csv, DELIMITER E'\\x01', QUOTE E'\\x02')`,
        ),
      );
      await pipeline(copy, out, { end: false });
    } catch (error) {
      broken = true;
      throw error;
    } finally {
      // A connection left in the middle of a COPY is not reusable: drop it.
      client.release(broken);
    }
  }
}
