import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
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
  AuditReferenceDto,
  HeadDto,
  ListAuditEventsQuery,
  VerifyResultDto,
} from './dto/audit.dto';
import { chainReasonCode, ChainVerifier, type ChainedAuditEvent } from './hash-chain';

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

/**
 * The hashed content of an event as RFC 8785 canonical JSON, built by PostgreSQL: keys in
 * code-unit order, strings JSON-escaped (PostgreSQL escapes as JSON.stringify does), `data` as
 * the stored canonical text, the time with milliseconds in UTC as the writer hashed it.
 */
const CANONICAL_CONTENT = `'{"action":' || to_json(action)
  || ',"actorId":' || coalesce(to_json(actor_id)::text, 'null')
  || ',"actorName":' || to_json(actor_name) || ',"actorRole":' || to_json(actor_role)
  || ',"caseId":' || coalesce(to_json(case_id)::text, 'null')
  || ',"data":' || data
  || ',"occurredAt":' || to_json(to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
  || ',"seq":' || seq
  || ',"subjectId":' || to_json(subject_id) || ',"subjectType":' || to_json(subject_type) || '}'`;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keys of `data` whose values are domain codes (or lists, or old/new pairs of them). */
const DOMAIN_KEYS = new Set(['domainCode', 'domains', 'leadDomains', 'anyDomains']);

/**
 * The ids and domain codes an event names, to show them by name: its actor, subject and case,
 * and inside `data` every UUID-shaped string (an assignee, a koppel half, a team, a unit) and
 * the domain codes under the keys above (`domains: [{ code, role }]` included).
 */
function collectReferences(event: ChainedAuditEvent, ids: Set<string>, codes: Set<string>): void {
  for (const id of [event.actorId, event.caseId, event.subjectId]) {
    if (id && UUID.test(id)) ids.add(id.toLowerCase());
  }
  if (event.subjectType === 'domain') codes.add(event.subjectId);
  const walk = (value: unknown, domain: boolean): void => {
    if (typeof value === 'string') {
      if (UUID.test(value)) ids.add(value.toLowerCase());
      else if (domain) codes.add(value);
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, domain);
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        walk(item, DOMAIN_KEYS.has(key) || (domain && ['code', 'old', 'new'].includes(key)));
      }
    }
  };
  walk(event.data, false);
}

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

/**
 * The SQL of one page of the trail (exported for the EXPLAIN checks): every filter is served by
 * an index of `audit_events` ending in `seq`, so a page reads about a page of rows.
 */
export function buildAuditListQuery(
  query: ListAuditEventsQuery,
  after: number | undefined,
  pageSize: number,
): { sql: string; params: unknown[] } {
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
  // By reference: the case's id from its unique index (an InitPlan), then the case index of
  // the trail; every event under the case (notes, funding entries) carries its case_id.
  if (query.caseReference) {
    where.push(
      `case_id = (SELECT id FROM cases WHERE reference = ${add(query.caseReference.toUpperCase())})`,
    );
  }
  const moment = (value: string) =>
    DATE_ONLY.test(value)
      ? `(${add(value)}::date::timestamp AT TIME ZONE 'Europe/Amsterdam')`
      : `${add(value)}::timestamptz`;
  if (query.from) where.push(`occurred_at >= ${moment(query.from)}`);
  if (query.to) where.push(`occurred_at < ${moment(query.to)}`);
  const desc = query.order === 'desc';
  if (after !== undefined) where.push(`seq ${desc ? '<' : '>'} ${add(after)}::bigint`);
  return {
    sql: `SELECT ${COLUMNS} FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY seq ${desc ? 'DESC' : 'ASC'} LIMIT ${pageSize + 1}`,
    params,
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
    const { cursor: _c, pageSize: _p, ...filters } = query;
    const scope = `audit:${JSON.stringify(filters, Object.keys(filters).sort())}`;
    let after: number | undefined;
    if (query.cursor) {
      const [seq] = this.cursors.decode(query.cursor, scope);
      if (typeof seq !== 'number' || !Number.isSafeInteger(seq)) throw new InvalidCursor();
      after = seq;
    }
    const pageSize = query.pageSize ?? 100;
    const { sql, params } = buildAuditListQuery(query, after, pageSize);
    const rows = await this.db.query<AuditRow[]>(sql, params);
    const page = rows.slice(0, pageSize);
    const last = page[page.length - 1];
    const items = page.map(toEvent);
    return {
      items,
      nextCursor:
        rows.length > pageSize && last ? this.cursors.encode([Number(last.seq)], scope) : null,
      references: await this.references(items),
    };
  }

  /**
   * The names behind the ids and domain codes of a page of events, in one query whatever the
   * number of events and actors (each part looks its keys up by primary key). Current names:
   * `actorName` on the event stays the name at the time.
   */
  private async references(
    events: ChainedAuditEvent[],
  ): Promise<Record<string, AuditReferenceDto>> {
    const ids = new Set<string>();
    const codes = new Set<string>();
    for (const event of events) collectReferences(event, ids, codes);
    if (ids.size === 0 && codes.size === 0) return {};
    const rows = await this.db.query<
      { key: string; kind: AuditReferenceDto['kind']; name: string; name_en: string | null }[]
    >(
      `SELECT id::text AS key, 'user' AS kind, name, NULL AS name_en FROM users WHERE id = ANY($1::uuid[])
       UNION ALL
       SELECT id::text, 'unit', name, NULL FROM organisation_units WHERE id = ANY($1::uuid[])
       UNION ALL
       SELECT id::text, 'case', reference, NULL FROM cases WHERE id = ANY($1::uuid[])
       UNION ALL
       SELECT code, 'domain', name_nl, name_en FROM domains WHERE code = ANY($2::text[])`,
      [[...ids], [...codes]],
    );
    const references: Record<string, AuditReferenceDto> = {};
    for (const row of rows) {
      references[row.key] = {
        kind: row.kind,
        name: row.name,
        ...(row.name_en ? { nameEn: row.name_en } : {}),
      };
    }
    return references;
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
   * Recomputes the whole chain and names the first event that does not match; with
   * `expectHead`, also checks that the chain still passes through a head written down earlier
   * (the only defence against a consistent rewrite of every hash). PostgreSQL streams each
   * event's canonical JSON (built from the columns, `data` being the stored canonical text) with
   * COPY; this process hashes and links them, in constant memory.
   */
  async verify(expectHead?: { seq: number; hash: string }): Promise<VerifyResultDto> {
    const verifier = new ChainVerifier({ expectHead, fromGenesis: true });
    const pool = (this.db.driver as unknown as { master: Pool }).master;
    const client = await pool.connect();
    let broken = false;
    try {
      const copy = client.query(
        copyTo(
          `COPY (SELECT seq, prev_hash, hash, ${CANONICAL_CONTENT} FROM audit_events ORDER BY seq)
           TO STDOUT WITH (FORMAT csv, DELIMITER E'\\x01', QUOTE E'\\x02')`,
        ),
      );
      let rest = '';
      // A chunk may end inside a multi-byte character: decode across chunk boundaries.
      const decoder = new StringDecoder('utf8');
      for await (const chunk of copy as AsyncIterable<Buffer>) {
        const lines = (rest + decoder.write(chunk)).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) {
          const [seq, prevHash, hash, canonical] = line.split('\x01');
          const failure = verifier.pushCanonical(
            { seq: Number(seq), prevHash: prevHash ?? '', hash: hash ?? '' },
            canonical ?? '',
          );
          if (failure) {
            // Stop reading: the COPY is abandoned, so its connection is not reused.
            broken = true;
            copy.destroy();
            return { ...failure, reasonCode: chainReasonCode(failure.reason) };
          }
        }
      }
      const result = verifier.finish();
      return result.valid ? result : { ...result, reasonCode: chainReasonCode(result.reason) };
    } catch (error) {
      broken = true;
      throw error;
    } finally {
      client.release(broken);
    }
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
