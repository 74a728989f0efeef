import { createHash, hash as sha256Once } from 'node:crypto';

/**
 * The Merkle tree of the audit log, RFC 9162 (Certificate Transparency 2.0) section 2.1:
 * leaf hash `SHA-256(0x00 || leaf)`, node hash `SHA-256(0x01 || left || right)`, a tree of n
 * leaves split at the largest power of two below n. Free of storage: hashes of complete
 * subtrees come from a `NodeSource` (the sequencer stores them, tlog-tiles-like, one row per
 * complete subtree in `audit_tree_nodes`), so a proof reads O(log n) of them.
 */
export type Hash = Buffer;

/**
 * SHA-256 of one buffer with the one-shot `crypto.hash` (Node 20.12+): for the few hundred bytes
 * of a leaf or the 65 of a node it is two to three times faster than a `Hash` object per input,
 * which is most of what full verification spends (docs/benchmarks.md).
 */
export const sha256 = (bytes: Buffer): Hash => sha256Once('sha256', bytes, 'buffer');

export const leafHash = (leaf: string | Buffer): Hash => {
  // U+0000 is the one byte 0x00 in UTF-8: the prefix, encoded with the text in one go.
  if (typeof leaf === 'string') return sha256Once('sha256', `\u0000${leaf}`, 'buffer');
  const input = Buffer.allocUnsafe(leaf.length + 1);
  input[0] = 0;
  leaf.copy(input, 1);
  return sha256(input);
};

/** One buffer for every node hash's input (0x01 || left || right): hashing is synchronous. */
const NODE_INPUT = Buffer.alloc(65);

export const nodeHash = (left: Hash, right: Hash): Hash => {
  NODE_INPUT[0] = 1;
  left.copy(NODE_INPUT, 1);
  right.copy(NODE_INPUT, 33);
  return sha256(NODE_INPUT);
};

/** SHA-256 of nothing: the root of the empty tree. */
export const EMPTY_ROOT: Hash = createHash('sha256').digest();

/** A complete subtree: 2^level leaves from leaf `index * 2^level`. */
export interface NodeKey {
  level: number;
  index: number;
}

/** The stored hashes of complete subtrees. */
export type NodeSource = (level: number, index: number) => Hash;

/** The largest power of two strictly below n (n > 1). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The complete subtrees [level, index] whose concatenation is the leaves [from, to). */
export function completeSubtrees(from: number, to: number): NodeKey[] {
  const out: NodeKey[] = [];
  let at = from;
  while (at < to) {
    let level = 0;
    // Grow while the subtree stays aligned and inside the range.
    while (at % 2 ** (level + 1) === 0 && at + 2 ** (level + 1) <= to) level += 1;
    out.push({ level, index: at / 2 ** level });
    at += 2 ** level;
  }
  return out;
}

/**
 * MTH(D[from:to]) for a range the RFC's recursion reaches (aligned to a power of two at least
 * as large as the part of it that is complete): the complete subtrees folded from the right.
 */
export function rangeHash(from: number, to: number, get: NodeSource): Hash {
  const parts = completeSubtrees(from, to).map((k) => get(k.level, k.index));
  let acc = parts.pop()!;
  while (parts.length) acc = nodeHash(parts.pop()!, acc);
  return acc;
}

/** RFC 9162 2.1.3.1: the inclusion proof of leaf m in the tree of size n (m < n). */
export function inclusionProof(m: number, n: number, get: NodeSource): Hash[] {
  const proof: Hash[] = [];
  let from = 0;
  let to = n;
  // Walk down from the root, collecting the sibling at each level; the list is bottom-up.
  while (to - from > 1) {
    const k = splitPoint(to - from);
    if (m - from < k) {
      proof.unshift(rangeHash(from + k, to, get));
      to = from + k;
    } else {
      proof.unshift(rangeHash(from, from + k, get));
      from += k;
    }
  }
  return proof;
}

/** RFC 9162 2.1.4.1: the consistency proof between the trees of size m and n (0 < m <= n). */
export function consistencyProof(m: number, n: number, get: NodeSource): Hash[] {
  const out: Hash[] = [];
  const sub = (m0: number, from: number, to: number, whole: boolean): void => {
    const size = to - from;
    if (m0 === size) {
      if (!whole) out.push(rangeHash(from, to, get));
      return;
    }
    const k = splitPoint(size);
    if (m0 <= k) {
      sub(m0, from, from + k, whole);
      out.push(rangeHash(from + k, to, get));
    } else {
      sub(m0 - k, from + k, to, false);
      out.push(rangeHash(from, from + k, get));
    }
  };
  if (m < n) sub(m, 0, n, true);
  return out;
}

/** Records which nodes a computation reads (first pass), to fetch them in one query. */
export function nodesNeeded(compute: (get: NodeSource) => unknown): NodeKey[] {
  const keys = new Map<string, NodeKey>();
  const zero = Buffer.alloc(32);
  compute((level, index) => {
    keys.set(`${level}:${index}`, { level, index });
    return zero;
  });
  return [...keys.values()];
}

/** A NodeSource over fetched nodes; a missing node is an error (the store lost it). */
export function nodeMap(rows: { level: number; index: number; hash: Hash }[]): NodeSource {
  const map = new Map(rows.map((r) => [`${r.level}:${r.index}`, r.hash]));
  return (level, index) => {
    const hash = map.get(`${level}:${index}`);
    if (!hash) throw new Error(`tree node ${level}/${index} is missing`);
    return hash;
  };
}

/**
 * The right edge of a growing tree (a "compact range"): the hashes of the complete subtrees
 * that make up the first `size` leaves, largest first. Appending a leaf yields the new complete
 * subtrees to store; the root folds the edge.
 */
export class TreeEdge {
  constructor(
    public size = 0,
    private readonly edge: Hash[] = [],
  ) {}

  /** The nodes on the right edge of a tree of `size` leaves, largest first. */
  static keys(size: number): NodeKey[] {
    return completeSubtrees(0, size);
  }

  /** Appends a leaf hash; returns every complete subtree it completes, the leaf included. */
  append(leaf: Hash): { level: number; index: number; hash: Hash }[] {
    const made = [{ level: 0, index: this.size, hash: leaf }];
    let hash = leaf;
    let level = 0;
    let index = this.size;
    while (index % 2 === 1) {
      hash = nodeHash(this.edge.pop()!, hash);
      level += 1;
      index = (index - 1) / 2;
      made.push({ level, index, hash });
    }
    this.edge.push(hash);
    this.size += 1;
    return made;
  }

  /** Appends a leaf hash, keeping only the edge (for verification: nothing to store). */
  push(leaf: Hash): void {
    let hash = leaf;
    for (let index = this.size; index % 2 === 1; index = (index - 1) / 2) {
      hash = nodeHash(this.edge.pop()!, hash);
    }
    this.edge.push(hash);
    this.size += 1;
  }

  root(): Hash {
    if (this.edge.length === 0) return EMPTY_ROOT;
    let acc = this.edge[this.edge.length - 1]!;
    for (let i = this.edge.length - 2; i >= 0; i--) acc = nodeHash(this.edge[i]!, acc);
    return acc;
  }
}

/**
 * A hash as a "binary" string: one character per byte (latin1), as `crypto.hash` returns it with
 * the `latin1` output encoding. For full verification only: a one-shot hash that returns a
 * string costs about a third of one that returns a `Buffer` (allocating the Buffer is most of
 * the call for inputs of a few hundred bytes; docs/benchmarks.md), and verification hashes a
 * few times per leaf.
 */
export type BinaryHash = string;

/** SHA-256 of one buffer as a binary string. */
export const sha256Binary = (bytes: Buffer): BinaryHash => sha256Once('sha256', bytes, 'binary');

/** One buffer for every node hash's input of `binaryNodeHash` (hashing is synchronous). */
const BINARY_NODE_INPUT = Buffer.alloc(65);

export const binaryNodeHash = (left: BinaryHash, right: BinaryHash): BinaryHash => {
  const input = BINARY_NODE_INPUT;
  input[0] = 1;
  for (let i = 0; i < 32; i++) input[1 + i] = left.charCodeAt(i);
  for (let i = 0; i < 32; i++) input[33 + i] = right.charCodeAt(i);
  return sha256Once('sha256', BINARY_NODE_INPUT, 'binary');
};

/** `TreeEdge.push` and `root` over binary-string hashes, for verification (nothing to store). */
export class BinaryTreeEdge {
  size = 0;
  private readonly edge: BinaryHash[] = [];

  push(leaf: BinaryHash): void {
    let hash = leaf;
    for (let index = this.size; index % 2 === 1; index = (index - 1) / 2) {
      hash = binaryNodeHash(this.edge.pop()!, hash);
    }
    this.edge.push(hash);
    this.size += 1;
  }

  root(): Hash {
    if (this.edge.length === 0) return EMPTY_ROOT;
    let acc = this.edge[this.edge.length - 1]!;
    for (let i = this.edge.length - 2; i >= 0; i--) acc = binaryNodeHash(this.edge[i]!, acc);
    return Buffer.from(acc, 'latin1');
  }
}

/** RFC 9162 2.1.3.2: does `proof` show leaf `m` (hash `leaf`) in the tree of size n with `root`? */
export function verifyInclusion(
  m: number,
  n: number,
  leaf: Hash,
  proof: Hash[],
  root: Hash,
): boolean {
  if (m >= n) return false;
  let fn = m;
  let sn = n - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 2.1.4.2: does `proof` show the tree (m, root1) is a prefix of (n, root2)? */
export function verifyConsistency(
  m: number,
  n: number,
  root1: Hash,
  root2: Hash,
  proof: Hash[],
): boolean {
  if (m > n || m < 1) return false;
  if (m === n) return proof.length === 0 && root1.equals(root2);
  const path = [...proof];
  if ((m & (m - 1)) === 0) path.unshift(root1);
  if (path.length === 0) return false;
  let fn = m - 1;
  let sn = n - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(root1) && sr.equals(root2);
}
