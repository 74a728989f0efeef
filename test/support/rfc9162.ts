import { createHash } from 'node:crypto';

/**
 * An RFC 9162 Merkle tree and RFC 8785 canonical JSON written for the tests, apart from Brug's
 * own (src/audit/merkle.ts, canonical-json.ts): the recursive definitions of the RFCs, slow and
 * plain, to check Brug's results against something it did not compute.
 */
const sha256 = (...parts: Buffer[]): Buffer =>
  createHash('sha256').update(Buffer.concat(parts)).digest();

/** MTH(D[n]) over leaf inputs (RFC 9162 2.1.1). */
export function merkleTreeHash(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return sha256(Buffer.of(0), leaves[0]!);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha256(Buffer.of(1), merkleTreeHash(leaves.slice(0, k)), merkleTreeHash(leaves.slice(k)));
}

/** JSON with object keys sorted by UTF-16 code units: RFC 8785 for the values audit data holds. */
export function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${sortedJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The leaf bytes of an event as docs/audit.md describes them, built from the API's fields. */
export function envelopeOf(event: {
  leafIndex: number;
  occurredAt: string;
  actorId: string | null;
  actorRole: string;
  actorName: string;
  action: string;
  subjectType: string;
  subjectId: string;
  caseId: string | null;
  dataHash: string;
}): string {
  return sortedJson({
    index: event.leafIndex,
    occurredAt: event.occurredAt,
    actorId: event.actorId,
    actorRole: event.actorRole,
    actorName: event.actorName,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    caseId: event.caseId,
    dataHash: event.dataHash,
  });
}

export const sha256Hex = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex');
