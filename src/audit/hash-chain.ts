import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/**
 * The rules of the audit hash chain, free of any storage: how an event's hash is computed and how
 * a sequence of events is checked (see docs/audit.md).
 *
 * hash = lowercase hex SHA-256 of the UTF-8 bytes of `prevHash + canonicalJson(content)`, where
 * content is exactly the ten fields of `AuditEventContent`; the first event (seq 1) links to
 * `GENESIS_HASH`.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** What is hashed: exactly these ten fields, nothing else. */
export interface AuditEventContent {
  seq: number;
  /** ISO 8601 UTC with milliseconds, e.g. 2026-11-28T10:00:00.000Z */
  occurredAt: string;
  actorId: string | null;
  actorRole: string;
  actorName: string;
  action: string;
  subjectType: string;
  subjectId: string;
  caseId: string | null;
  data: Record<string, unknown>;
}

export interface ChainedAuditEvent extends AuditEventContent {
  prevHash: string;
  hash: string;
}

export type ChainResult =
  | { valid: true; events: number; headSeq: number | null; headHash: string | null }
  | { valid: false; firstInvalidSeq: number | null; reason: string; events: number };

export type ChainFailure = Extract<ChainResult, { valid: false }>;

/** The reasons a verifier gives, exactly. `malformed event` is followed by `: <what>`. */
export const CHAIN_REASONS = {
  gap: 'gap in sequence',
  outOfOrder: 'sequence out of order',
  brokenLink: 'broken link',
  hashMismatch: 'hash mismatch',
  missedHead: 'does not pass through the expected head',
  malformed: 'malformed event',
} as const;

/**
 * The stable code of each reason (the verify answer's `reasonCode`), for clients that say it
 * in their own language (ADR 23); `reason` stays the English text.
 */
export const CHAIN_REASON_CODES: Record<keyof typeof CHAIN_REASONS, string> = {
  gap: 'gap',
  outOfOrder: 'out_of_order',
  brokenLink: 'broken_link',
  hashMismatch: 'hash_mismatch',
  missedHead: 'missed_head',
  malformed: 'malformed',
};

/** The code of a reason a verifier gave (`malformed event: …` is `malformed`). */
export function chainReasonCode(reason: string): string {
  const key = (Object.keys(CHAIN_REASONS) as (keyof typeof CHAIN_REASONS)[]).find(
    (k) => reason === CHAIN_REASONS[k] || reason.startsWith(`${CHAIN_REASONS[k]}:`),
  );
  return key ? CHAIN_REASON_CODES[key] : 'malformed';
}

const HASH = /^[0-9a-f]{64}$/;
const OCCURRED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function hashEvent(prevHash: string, content: AuditEventContent): string {
  const hashed: AuditEventContent = {
    seq: content.seq,
    occurredAt: content.occurredAt,
    actorId: content.actorId,
    actorRole: content.actorRole,
    actorName: content.actorName,
    action: content.action,
    subjectType: content.subjectType,
    subjectId: content.subjectId,
    caseId: content.caseId,
    data: content.data,
  };
  return createHash('sha256')
    .update(prevHash + canonicalJson(hashed), 'utf8')
    .digest('hex');
}

/**
 * What is wrong with the shape of a would-be event (a field missing or of the wrong type), or
 * null when it has every field of a `ChainedAuditEvent` with the right type. Fields beyond those
 * twelve are not looked at here.
 */
export function eventShapeProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'not a JSON object';
  }
  const event = value as Record<string, unknown>;
  const { seq, occurredAt, data } = event;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) {
    return 'seq must be a positive integer';
  }
  if (typeof occurredAt !== 'string' || !OCCURRED_AT.test(occurredAt)) {
    return 'occurredAt must be an ISO 8601 UTC time with milliseconds';
  }
  for (const field of ['actorRole', 'actorName', 'action', 'subjectType', 'subjectId'] as const) {
    if (typeof event[field] !== 'string') return `${field} must be a string`;
  }
  for (const field of ['actorId', 'caseId'] as const) {
    if (event[field] !== null && typeof event[field] !== 'string') {
      return `${field} must be a string or null`;
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return 'data must be a JSON object';
  }
  for (const field of ['prevHash', 'hash'] as const) {
    const hash = event[field];
    if (typeof hash !== 'string' || !HASH.test(hash)) {
      return `${field} must be 64 lowercase hexadecimal digits`;
    }
  }
  return null;
}

/**
 * Checks a chain one event at a time, oldest first, in constant memory. The first event may start
 * anywhere (an export from `fromSeq`), but an event with seq 1 must link to `GENESIS_HASH`. It
 * stops at the first failure: later pushes return that same failure. `events` counts the events
 * that were found valid.
 *
 * Without `expectHead`, a chain that was rewritten consistently (one change, every later hash
 * recomputed) is valid; with the head an auditor wrote down earlier, it is not.
 */
export class ChainVerifier {
  private readonly expectHead: { seq: number; hash: string } | undefined;
  private last: { seq: number; hash: string } | null = null;
  private count = 0;
  private headSeen = false;
  private failure: ChainFailure | null = null;

  private readonly fromGenesis: boolean;

  /**
   * `fromGenesis`: the chain must start at seq 1 (a whole trail, as the database holds it), so a
   * deleted first event is found too; an export from `fromSeq` may start anywhere.
   */
  constructor(options?: { expectHead?: { seq: number; hash: string }; fromGenesis?: boolean }) {
    const head = options?.expectHead;
    this.expectHead = head && { seq: head.seq, hash: head.hash.toLowerCase() };
    this.fromGenesis = options?.fromGenesis ?? false;
  }

  push(event: ChainedAuditEvent): ChainFailure | null {
    if (this.failure) return this.failure;
    const shape = eventShapeProblem(event);
    if (shape) {
      const seq = (event as { seq?: unknown }).seq;
      return this.fail({
        firstInvalidSeq: typeof seq === 'number' && Number.isSafeInteger(seq) ? seq : null,
        reason: `${CHAIN_REASONS.malformed}: ${shape}`,
      });
    }
    return this.accept(event, () => hashEvent(event.prevHash, event));
  }

  /**
   * The same checks for an event whose canonical JSON (the exact text after `prevHash` that
   * was hashed) is already built, e.g. by the database: no parsing, no re-serialising.
   */
  pushCanonical(
    link: { seq: number; prevHash: string; hash: string },
    canonical: string,
  ): ChainFailure | null {
    if (this.failure) return this.failure;
    return this.accept(link, () =>
      createHash('sha256')
        .update(link.prevHash + canonical, 'utf8')
        .digest('hex'),
    );
  }

  /**
   * An event whose content is no longer stored (its data was erased): its place in the chain
   * (seq, link) is checked, its hash is taken as stored; the tree checks its content instead.
   */
  pushUnchecked(link: { seq: number; prevHash: string; hash: string }): ChainFailure | null {
    if (this.failure) return this.failure;
    return this.accept(link, () => link.hash);
  }

  private fail(problem: { firstInvalidSeq: number | null; reason: string }): ChainFailure {
    this.failure = { valid: false, events: this.count, ...problem };
    return this.failure;
  }

  private accept(
    link: { seq: number; prevHash: string; hash: string },
    computeHash: () => string,
  ): ChainFailure | null {
    const problem = this.check(link, computeHash);
    if (problem) return this.fail(problem);
    this.last = { seq: link.seq, hash: link.hash };
    this.count += 1;
    return null;
  }

  finish(): ChainResult {
    if (this.failure) return this.failure;
    if (this.expectHead && !this.headSeen) {
      this.failure = {
        valid: false,
        firstInvalidSeq: this.expectHead.seq,
        reason: CHAIN_REASONS.missedHead,
        events: this.count,
      };
      return this.failure;
    }
    return {
      valid: true,
      events: this.count,
      headSeq: this.last?.seq ?? null,
      headHash: this.last?.hash ?? null,
    };
  }

  private check(
    event: { seq: number; prevHash: string; hash: string },
    computeHash: () => string,
  ): { firstInvalidSeq: number | null; reason: string } | null {
    const at = (reason: string) => ({ firstInvalidSeq: event.seq, reason });
    const head = this.expectHead;
    if (this.last === null) {
      if (head && event.seq > head.seq) {
        // The chain starts after the head, so it cannot pass through it.
        return { firstInvalidSeq: head.seq, reason: CHAIN_REASONS.missedHead };
      }
      if (this.fromGenesis && event.seq !== 1) return at(CHAIN_REASONS.gap);
      if (event.seq === 1 && event.prevHash !== GENESIS_HASH) return at(CHAIN_REASONS.brokenLink);
    } else {
      const expected = this.last.seq + 1;
      if (event.seq > expected) return at(CHAIN_REASONS.gap);
      if (event.seq < expected) return at(CHAIN_REASONS.outOfOrder);
      if (event.prevHash !== this.last.hash) return at(CHAIN_REASONS.brokenLink);
    }
    let computed: string;
    try {
      computed = computeHash();
    } catch (error) {
      return at(
        `${CHAIN_REASONS.malformed}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (computed !== event.hash) return at(CHAIN_REASONS.hashMismatch);
    if (head && event.seq === head.seq) {
      if (event.hash !== head.hash) return at(CHAIN_REASONS.missedHead);
      this.headSeen = true;
    }
    return null;
  }
}

/** Reads a head written as `<seq>:<64 hex digits>`, as `audit verify` prints it. */
export function parseHead(text: string): { seq: number; hash: string } {
  const match = /^([1-9]\d*):([0-9a-fA-F]{64})$/.exec(text.trim());
  const seq = match?.[1] === undefined ? NaN : Number(match[1]);
  if (!match?.[2] || !Number.isSafeInteger(seq)) {
    throw new Error(
      `A head is written <seq>:<hash>, a positive sequence number and 64 hexadecimal digits ` +
        `(e.g. 1234:${'ab'.repeat(32)}); got "${text}".`,
    );
  }
  return { seq, hash: match[2].toLowerCase() };
}

/**
 * The canonical JSON of an event's content, split around its `seq` (which only the database
 * knows when it appends): `prefix + seq + suffix === canonicalJson(content)`. Keys in RFC 8785
 * order: action, actorId, actorName, actorRole, caseId, data, occurredAt, seq, subjectId,
 * subjectType.
 */
export function canonicalAroundSeq(content: Omit<AuditEventContent, 'seq'>): {
  prefix: string;
  suffix: string;
} {
  const j = canonicalJson;
  return {
    prefix:
      `{"action":${j(content.action)},"actorId":${j(content.actorId)}` +
      `,"actorName":${j(content.actorName)},"actorRole":${j(content.actorRole)}` +
      `,"caseId":${j(content.caseId)},"data":${j(content.data)}` +
      `,"occurredAt":${j(content.occurredAt)},"seq":`,
    suffix: `,"subjectId":${j(content.subjectId)},"subjectType":${j(content.subjectType)}}`,
  };
}
