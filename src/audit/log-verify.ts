import { hash as sha256Once } from 'node:crypto';
import { dataHashOf } from './leaf';
import { BinaryTreeEdge, sha256Binary, type BinaryHash, type Hash } from './merkle';

/**
 * The checks of the audit tree over its leaves in index order, in constant memory: no gap,
 * each event's data matches its `dataHash` (unless erased), each leaf hash matches the stored
 * one when given, and the root at the expected checkpoint and at the end matches. Shared by the
 * server's `/audit/verify` and the offline `audit verify` of an export.
 */
export const LOG_REASONS = {
  leafGap: 'gap in leaf indexes',
  dataHash: 'data does not match dataHash',
  leafHash: 'leaf hash does not match the stored tree',
  missedCheckpoint: 'tree does not have the expected checkpoint root',
  rootMismatch: 'root does not match the signed checkpoint',
  signature: 'checkpoint signature does not verify',
  missingLeaves: 'fewer leaves than the checkpoint’s tree size',
} as const;

export type LogReason = keyof typeof LOG_REASONS;

export const LOG_REASON_CODES: Record<LogReason, string> = {
  leafGap: 'leaf_gap',
  dataHash: 'data_hash_mismatch',
  leafHash: 'leaf_hash_mismatch',
  missedCheckpoint: 'missed_checkpoint',
  rootMismatch: 'root_mismatch',
  signature: 'bad_signature',
  missingLeaves: 'missing_leaves',
};

export interface LogFailure {
  valid: false;
  leaves: number;
  firstInvalidLeafIndex: number | null;
  reason: string;
  reasonCode: string;
}

export const logFailure = (
  reason: LogReason,
  leaves: number,
  firstInvalidLeafIndex: number | null,
): LogFailure => ({
  valid: false,
  leaves,
  firstInvalidLeafIndex,
  reason: LOG_REASONS[reason],
  reasonCode: LOG_REASON_CODES[reason],
});

/** Parses `<size>:<root>` (root in base64 or 64 hex digits), as auditors write a checkpoint down. */
export function parseExpectedCheckpoint(text: string): { size: number; root: Hash } {
  const match = /^(\d{1,15}):(.+)$/.exec(text.trim());
  const root = match?.[2] ?? '';
  const hash = /^[0-9a-fA-F]{64}$/.test(root)
    ? Buffer.from(root, 'hex')
    : Buffer.from(root, 'base64');
  if (!match || hash.length !== 32) {
    throw new Error('a checkpoint is written <tree size>:<root hash in base64 or hex>');
  }
  return { size: Number(match[1]), root: hash };
}

const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');

/** Is `text[start, end)` the lowercase hex of `hash`? */
function isHexOf(hash: BinaryHash, text: Buffer, start: number, end: number): boolean {
  if (end - start !== 2 * hash.length) return false;
  for (let i = 0; i < hash.length; i++) {
    const b = hash.charCodeAt(i);
    if (
      text[start + 2 * i] !== HEX_DIGITS[b >> 4] ||
      text[start + 2 * i + 1] !== HEX_DIGITS[b & 15]
    ) {
      return false;
    }
  }
  return true;
}

/** Are `bytes[start, end)` the bytes of `hash`? */
function isBytesOf(hash: BinaryHash, bytes: Buffer, start: number, end: number): boolean {
  if (end - start !== hash.length) return false;
  for (let i = 0; i < hash.length; i++) if (bytes[start + i] !== hash.charCodeAt(i)) return false;
  return true;
}

export class LogVerifier {
  private readonly edge = new BinaryTreeEdge();
  private failure: LogFailure | null = null;
  private expectedSeen = false;

  constructor(private readonly expect?: { size: number; root: Hash }) {
    if (expect?.size === 0) this.expectedSeen = true;
  }

  get size(): number {
    return this.edge.size;
  }

  /**
   * One leaf: its index, its leaf text, its data text (null when erased) and dataHash, and the
   * leaf hash the tree stores (when checking the database).
   */
  push(
    index: number,
    leaf: string,
    data: string | null,
    dataHash: string,
    storedLeafHash?: Hash | null,
  ): LogFailure | null {
    if (this.failure) return this.failure;
    const at = this.edge.size;
    if (index !== at) return this.fail('leafGap', at);
    if (data !== null && dataHashOf(data) !== dataHash) return this.fail('dataHash', at);
    // U+0000 is the one byte 0x00 in UTF-8: the leaf prefix, encoded with the text in one go.
    const hash = sha256Once('sha256', `\u0000${leaf}`, 'binary');
    if (
      storedLeafHash !== undefined &&
      !(storedLeafHash && isBytesOf(hash, storedLeafHash, 0, storedLeafHash.length))
    ) {
      return this.fail('leafHash', at);
    }
    this.edge.push(hash);
    if (this.expect && this.edge.size === this.expect.size) {
      if (!this.edge.root().equals(this.expect.root)) return this.fail('missedCheckpoint', at);
      this.expectedSeen = true;
    }
    return null;
  }

  /**
   * The same checks for the database's rows, without a string or an object per event: the leaf
   * bytes behind their 0x00 prefix, the data bytes (null when erased), where in `row` the
   * dataHash (hex) is, and where in `stored` the tree's leaf hash is (`stored` null when the
   * tree has no such node).
   */
  pushRow(
    index: number,
    prefixedLeaf: Buffer,
    data: Buffer | null,
    row: Buffer,
    dataHashStart: number,
    dataHashEnd: number,
    stored: Buffer | null,
    storedStart: number,
    storedEnd: number,
  ): LogFailure | null {
    if (this.failure) return this.failure;
    const at = this.edge.size;
    if (index !== at) return this.fail('leafGap', at);
    if (data !== null && !isHexOf(sha256Binary(data), row, dataHashStart, dataHashEnd)) {
      return this.fail('dataHash', at);
    }
    const hash = sha256Binary(prefixedLeaf);
    if (stored === null || !isBytesOf(hash, stored, storedStart, storedEnd)) {
      return this.fail('leafHash', at);
    }
    this.edge.push(hash);
    if (this.expect && this.edge.size === this.expect.size) {
      if (!this.edge.root().equals(this.expect.root)) return this.fail('missedCheckpoint', at);
      this.expectedSeen = true;
    }
    return null;
  }

  /** The root of the leaves so far. */
  root(): Hash {
    return this.edge.root();
  }

  /** The end: the tree must have the checkpoint's size and root. */
  finish(checkpoint: { size: number; root: Hash }): LogFailure | { valid: true; root: Hash } {
    if (this.failure) return this.failure;
    if (this.edge.size < checkpoint.size) return this.fail('missingLeaves', this.edge.size);
    if (this.expect && !this.expectedSeen) return this.fail('missedCheckpoint', this.edge.size);
    const root = this.edge.root();
    if (this.edge.size !== checkpoint.size || !root.equals(checkpoint.root)) {
      return this.fail('rootMismatch', null);
    }
    return { valid: true, root };
  }

  private fail(reason: LogReason, leaf: number | null): LogFailure {
    this.failure = logFailure(reason, this.edge.size, leaf);
    return this.failure;
  }
}
