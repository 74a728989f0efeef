import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/**
 * What a leaf of the audit tree commits to: the event's envelope in RFC 8785 canonical JSON,
 * with `dataHash` (lowercase hex SHA-256 of the canonical data text) instead of the data, so
 * the data can be erased without touching the tree (docs/audit.md, ADR 29).
 */
export interface LeafEnvelope {
  index: number;
  /** ISO 8601 UTC with milliseconds. */
  occurredAt: string;
  actorId: string | null;
  actorRole: string;
  actorName: string;
  action: string;
  subjectType: string;
  subjectId: string;
  caseId: string | null;
  dataHash: string;
}

export const ENVELOPE_FIELDS = [
  'action',
  'actorId',
  'actorName',
  'actorRole',
  'caseId',
  'dataHash',
  'index',
  'occurredAt',
  'subjectId',
  'subjectType',
] as const;

/** The hash of an event's data: over the exact canonical text that is stored. */
export const dataHashOf = (canonicalData: string | Buffer): string =>
  hash('sha256', canonicalData, 'hex');

/** The leaf bytes of an envelope (exactly its ten fields). */
export function leafText(envelope: LeafEnvelope): string {
  const picked: Record<string, unknown> = {};
  for (const field of ENVELOPE_FIELDS) picked[field] = envelope[field];
  return canonicalJson(picked);
}

/**
 * The same leaf text built by PostgreSQL from the columns of `audit_events` (keys in code-unit
 * order; PostgreSQL's JSON string escaping is JSON.stringify's), with `index` from the SQL
 * expression given (the stored `leaf_index`, or the one the sequencer is about to assign) and
 * the columns of the table alias `t` (e.g. `e.`).
 */
export const leafSql = (index: string, t = ''): string => `'{"action":' || to_json(${t}action)
  || ',"actorId":' || coalesce(to_json(${t}actor_id)::text, 'null')
  || ',"actorName":' || to_json(${t}actor_name) || ',"actorRole":' || to_json(${t}actor_role)
  || ',"caseId":' || coalesce(to_json(${t}case_id)::text, 'null')
  || ',"dataHash":"' || ${t}data_hash || '"'
  || ',"index":' || (${index})
  || ',"occurredAt":' || to_json(to_char(${t}occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
  || ',"subjectId":' || to_json(${t}subject_id) || ',"subjectType":' || to_json(${t}subject_type) || '}'`;

const HEX64 = /^[0-9a-f]{64}$/;
const OCCURRED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Parses leaf text into an envelope, or says what is wrong with it. */
export function parseLeaf(text: string): LeafEnvelope | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'leaf is not JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'leaf is not a JSON object';
  }
  const e = value as Record<string, unknown>;
  const keys = Object.keys(e).sort();
  if (keys.join() !== [...ENVELOPE_FIELDS].join()) return 'leaf does not have the ten fields';
  if (!Number.isSafeInteger(e.index) || (e.index as number) < 0) return 'leaf index malformed';
  if (typeof e.dataHash !== 'string' || !HEX64.test(e.dataHash)) return 'dataHash malformed';
  if (typeof e.occurredAt !== 'string' || !OCCURRED_AT.test(e.occurredAt)) {
    return 'occurredAt malformed';
  }
  const envelope = e as unknown as LeafEnvelope;
  try {
    if (leafText(envelope) !== text) return 'leaf is not in canonical form';
  } catch {
    return 'leaf is not canonical JSON';
  }
  return envelope;
}
