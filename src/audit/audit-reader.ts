import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CursorCodec } from '../common/cursor';
import { InvalidCursor } from '../common/errors';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ERASED_COLUMNS, erasedOf } from './audit-log';
import type {
  AuditEventDto,
  AuditEventListDto,
  AuditReferenceDto,
  ListAuditEventsQuery,
} from './dto/audit.dto';

interface AuditRow {
  seq: string;
  leaf_index: string | null;
  occurred_at: Date;
  actor_id: string | null;
  actor_role: string;
  actor_name: string;
  action: string;
  subject_type: string;
  subject_id: string;
  case_id: string | null;
  data: string | null;
  data_hash: string;
  prev_hash: string | null;
  hash: string | null;
  e_at: Date | null;
  e_by: string | null;
  e_basis: string | null;
  e_leaf: string | null;
}

const COLUMNS = `seq, leaf_index, occurred_at, actor_id, actor_role, actor_name, action,
  subject_type, subject_id, case_id, data, data_hash, prev_hash, hash, erasure_id`;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keys of `data` whose values are domain codes (or lists, or old/new pairs of them). */
const DOMAIN_KEYS = new Set(['domainCode', 'domains', 'leadDomains', 'anyDomains']);

/**
 * The ids and domain codes an event names, to show them by name: its actor, subject and case,
 * and inside `data` every UUID-shaped string (an assignee, a koppel half, a team, a unit) and
 * the domain codes under the keys above (`domains: [{ code, role }]` included).
 */
function collectReferences(event: AuditEventDto, ids: Set<string>, codes: Set<string>): void {
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
function toEvent(row: AuditRow): AuditEventDto {
  const erased = erasedOf(row);
  return {
    seq: Number(row.seq),
    leafIndex: row.leaf_index === null ? null : Number(row.leaf_index),
    occurredAt: row.occurred_at.toISOString(),
    actorId: row.actor_id,
    actorRole: row.actor_role,
    actorName: row.actor_name,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    caseId: row.case_id,
    data: row.data === null ? null : (JSON.parse(row.data) as Record<string, unknown>),
    dataHash: row.data_hash,
    ...(erased ? { erased } : {}),
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
    sql: `SELECT e.*, ${ERASED_COLUMNS}
        FROM (SELECT ${COLUMNS} FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
               ORDER BY seq ${desc ? 'DESC' : 'ASC'} LIMIT ${pageSize + 1}) e
        LEFT JOIN audit_erasures x ON x.id = e.erasure_id
       ORDER BY e.seq ${desc ? 'DESC' : 'ASC'}`,
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
  private async references(events: AuditEventDto[]): Promise<Record<string, AuditReferenceDto>> {
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
}
