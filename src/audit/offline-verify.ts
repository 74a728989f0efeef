import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { canonicalJson } from './canonical-json';
import { type ChainedAuditEvent, ChainVerifier, eventShapeProblem } from './hash-chain';
import { type LeafEnvelope, leafText } from './leaf';
import { LogVerifier } from './log-verify';
import { openCheckpoint, parseVerifierKey } from './signed-note';

export type ExportVerification =
  | {
      ok: true;
      events: number;
      headSeq: number | null;
      headHash: string | null;
      /** The tree the file's leaves make (export of issue 15 onwards). */
      leaves: number;
      root: string | null;
    }
  | { ok: false; line: number; seq: number | null; reason: string };

/** The fields of an exported event. Any other field would sit outside the hash, so it is refused. */
const FIELDS = new Set([
  'seq',
  'occurredAt',
  'actorId',
  'actorRole',
  'actorName',
  'action',
  'subjectType',
  'subjectId',
  'caseId',
  'data',
  'prevHash',
  'hash',
]);

/** Fields of an export line of the audit log (issue 15): the old ones may be null. */
const LOG_FIELDS = new Set([...FIELDS, 'leafIndex', 'dataHash', 'erased']);

/**
 * Verifies an audit export (`GET /api/v1/audit/export`: NDJSON, one `ChainedAuditEvent` a line,
 * oldest first) without a database, reading it line by line so that memory stays constant
 * whatever the file's size. Empty lines are allowed only at the end. Line numbers are 1-based;
 * when the file ends before the expected head, `line` is the line after the last event.
 * Rejects (throws) only when the file cannot be read.
 */
export async function verifyExportFile(
  path: string,
  expectHead?: { seq: number; hash: string },
  checkpoint?: { note: string; verifierKey: string },
): Promise<ExportVerification> {
  const verifier = new ChainVerifier({ expectHead });
  const tree = new LogVerifier();
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  let lastEventLine = 0;
  let firstEmptyLine: number | null = null;
  try {
    for await (const raw of lines) {
      lineNumber += 1;
      const text = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (text.trim() === '') {
        firstEmptyLine ??= lineNumber;
        continue;
      }
      if (firstEmptyLine !== null) {
        return { ok: false, line: firstEmptyLine, seq: null, reason: 'unparsable line: empty' };
      }
      lastEventLine = lineNumber;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return { ok: false, line: lineNumber, seq: null, reason: `unparsable line: ${detail}` };
      }
      if (isLogLine(value)) {
        const failure = pushLogLine(value, verifier, tree);
        if (failure) return { ok: false, line: lineNumber, seq: seqOf(value), reason: failure };
        continue;
      }
      const problem = shapeProblem(value);
      if (problem) {
        return { ok: false, line: lineNumber, seq: seqOf(value), reason: problem };
      }
      const failure = verifier.push(value as ChainedAuditEvent);
      if (failure) {
        return {
          ok: false,
          line: lineNumber,
          seq: failure.firstInvalidSeq,
          reason: failure.reason,
        };
      }
    }
  } finally {
    lines.close();
    input.destroy();
  }
  const result = verifier.finish();
  if (!result.valid) {
    return {
      ok: false,
      line: lastEventLine + 1,
      seq: result.firstInvalidSeq,
      reason: result.reason,
    };
  }
  let root: string;
  if (checkpoint) {
    let opened;
    try {
      opened = openCheckpoint(checkpoint.note, parseVerifierKey(checkpoint.verifierKey));
    } catch (error) {
      opened = {
        ok: false as const,
        reason: error instanceof Error ? error.message : String(error),
      };
    }
    if (!opened.ok) {
      return {
        ok: false,
        line: lastEventLine + 1,
        seq: null,
        reason: `checkpoint: ${opened.reason}`,
      };
    }
    const end = tree.finish(opened.checkpoint);
    if (!end.valid) {
      return { ok: false, line: lastEventLine + 1, seq: null, reason: end.reason };
    }
    root = end.root.toString('base64');
  } else {
    root = tree.root().toString('base64');
  }
  return {
    ok: true,
    events: result.events,
    headSeq: result.headSeq,
    headHash: result.headHash,
    leaves: tree.size,
    root,
  };
}

function isLogLine(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && 'leafIndex' in value;
}

/**
 * A line of the audit log's export: its leaf rebuilt from the envelope fields, its data against
 * dataHash (unless erased), its place in the tree; and, for an event from before the tree, its
 * link in the old chain (ADR 30). Returns the reason it fails, or null.
 */
function pushLogLine(
  line: Record<string, unknown>,
  chain: ChainVerifier,
  tree: LogVerifier,
): string | null {
  const extra = Object.keys(line).find((key) => !LOG_FIELDS.has(key));
  if (extra !== undefined) return `malformed event: unexpected field "${extra}"`;
  const { leafIndex, dataHash, data } = line;
  if (!Number.isSafeInteger(leafIndex) || typeof dataHash !== 'string') {
    return 'malformed event: leafIndex and dataHash are required';
  }
  const erased = data === null;
  if (erased && !line.erased) return 'malformed event: data is null but not erased';
  let leaf: string;
  let canonicalData: string | null;
  try {
    leaf = leafText({ ...(line as unknown as LeafEnvelope), index: leafIndex as number });
    canonicalData = erased ? null : canonicalJson(data);
  } catch (error) {
    return `malformed event: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (line.hash !== null && line.hash !== undefined) {
    const { leafIndex: _l, dataHash: _d, erased: _e, ...event } = line;
    const failure = erased
      ? chain.pushUnchecked(event as unknown as ChainedAuditEvent)
      : chain.push(event as unknown as ChainedAuditEvent);
    if (failure) return failure.reason;
  }
  const failure = tree.push(leafIndex as number, leaf, canonicalData, dataHash);
  return failure ? failure.reason : null;
}

function shapeProblem(value: unknown): string | null {
  const problem = eventShapeProblem(value);
  if (problem) return `malformed event: ${problem}`;
  const extra = Object.keys(value as object).find((key) => !FIELDS.has(key));
  return extra === undefined ? null : `malformed event: unexpected field "${extra}"`;
}

function seqOf(value: unknown): number | null {
  if (typeof value !== 'object' || value === null) return null;
  const seq = (value as { seq?: unknown }).seq;
  return typeof seq === 'number' && Number.isSafeInteger(seq) ? seq : null;
}
