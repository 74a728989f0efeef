import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { type ChainedAuditEvent, ChainVerifier, eventShapeProblem } from './hash-chain';

export type ExportVerification =
  | { ok: true; events: number; headSeq: number | null; headHash: string | null }
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
): Promise<ExportVerification> {
  const verifier = new ChainVerifier({ expectHead });
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
  return { ok: true, events: result.events, headSeq: result.headSeq, headHash: result.headHash };
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
