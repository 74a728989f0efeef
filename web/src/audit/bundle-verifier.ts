/**
 * Checks a Brug case bundle (`brug-audit-bundle/1`) in the browser with Web Crypto alone:
 * SHA-256 (`crypto.subtle.digest`) and Ed25519 (`crypto.subtle.verify`). Written for the
 * auditor's page on its own, apart from the server's code, so that the page checks the server
 * rather than repeating it:
 *
 * - the checkpoint: a C2SP signed note, opened with the verifier key the auditor trusts
 *   (`<name>+<key id>+<base64(0x01 || Ed25519 key)>`, key id = first 4 bytes of
 *   SHA-256(name || "\n" || 0x01 || key)), its text a C2SP tlog-checkpoint (origin, size, root);
 * - per event: the leaf text (ten fields, RFC 8785 canonical, its own index), the data against
 *   the leaf's `dataHash` (or the erasure), the RFC 9162 inclusion proof to the root;
 * - with an earlier checkpoint the auditor kept: the RFC 9162 consistency proof.
 *
 * Every failure is a named check, so the page can say which check failed for which event.
 */

export type BundleCheck =
  | 'key'
  | 'format'
  | 'checkpointSignature'
  | 'checkpointText'
  | 'leaf'
  | 'leafIndex'
  | 'dataHash'
  | 'dataMissing'
  | 'inclusionProof'
  | 'earlierCheckpoint'
  | 'consistencyMissing'
  | 'consistencyProof';

export interface EventOutcome {
  /** 1-based position in the bundle. */
  number: number;
  leafIndex: number | null;
  action: string | null;
  occurredAt: string | null;
  erased: boolean;
  failed: BundleCheck[];
}

export interface BundleOutcome {
  ok: boolean;
  /** Failures that are not about one event (key, format, checkpoint, consistency). */
  failed: BundleCheck[];
  origin: string | null;
  treeSize: number | null;
  rootHex: string | null;
  /** Whether the log was shown to have only grown since the earlier checkpoint. */
  consistency: 'checked' | 'notAsked' | 'failed';
  earlierSize: number | null;
  events: EventOutcome[];
}

type Bytes = Uint8Array<ArrayBuffer>;

/** This browser's Web Crypto has no SHA-256 or no Ed25519: check offline instead. */
export class WebCryptoMissing extends Error {
  constructor() {
    super('Web Crypto with SHA-256 and Ed25519 is not available here');
  }
}

const encoder = new TextEncoder();
const utf8 = (text: string): Bytes => encoder.encode(text);

function concat(...parts: Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

const toHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** Strict base64 (with padding) to bytes; null when it is not base64. */
export function fromBase64(text: string): Bytes | null {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return null;
  const raw = atob(text);
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

async function sha256(bytes: Uint8Array): Promise<Bytes> {
  // Web Crypto is only there in a secure context (https, or localhost).
  const subtle = (globalThis as { crypto?: { subtle?: unknown } }).crypto?.subtle;
  if (typeof subtle !== 'object') throw new WebCryptoMissing();
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Bytes));
}

// ---- RFC 9162 section 2.1: the hashes and the two proof checks

const hashLeaf = (leaf: Uint8Array) => sha256(concat(Uint8Array.of(0), leaf));
const hashChildren = (left: Uint8Array, right: Uint8Array) =>
  sha256(concat(Uint8Array.of(1), left, right));

const odd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);

/** RFC 9162 2.1.3.2: does `path` lead from leaf `index` of a tree of `size` to `root`? */
export async function inclusionHolds(
  index: number,
  size: number,
  leafHashValue: Uint8Array,
  path: Uint8Array[],
  root: Uint8Array,
): Promise<boolean> {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r: Uint8Array = leafHashValue;
  for (const p of path) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = await hashChildren(p, r);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = await hashChildren(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && sameBytes(r, root);
}

function powerOfTwo(n: number): boolean {
  let x = n;
  while (x > 1 && x % 2 === 0) x /= 2;
  return x === 1;
}

/** RFC 9162 2.1.4.2: is the tree of `first` leaves (root `firstRoot`) a prefix of `second`? */
export async function consistencyHolds(
  first: number,
  second: number,
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
  proof: Uint8Array[],
): Promise<boolean> {
  if (first > second) return false;
  if (first === second) return proof.length === 0 && sameBytes(firstRoot, secondRoot);
  if (first === 0) return true; // every tree grows out of the empty one
  if (proof.length === 0) return false;
  const path = powerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr: Uint8Array = path[0]!;
  let sr: Uint8Array = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = await hashChildren(c, fr);
      sr = await hashChildren(c, sr);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = await hashChildren(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && sameBytes(fr, firstRoot) && sameBytes(sr, secondRoot);
}

// ---- RFC 8785 canonical JSON (for values that came from JSON.parse)

export function canonical(value: unknown): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('not a JSON number');
    return String(value); // ECMAScript's Number::toString is the JCS form
  }
  if (typeof value === 'string') {
    if (/\p{Cs}/u.test(value)) throw new Error('lone surrogate');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .sort() // UTF-16 code unit order, as JCS asks
      .filter((k) => record[k] !== undefined)
      .map((k) => `${canonical(k)}:${canonical(record[k])}`);
    return `{${members.join(',')}}`;
  }
  throw new Error('not a JSON value');
}

// ---- C2SP signed-note and tlog-checkpoint

/** Web Crypto's key type, named through the API (the tests type-check this file without DOM). */
type VerifyingKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

export interface TrustedKey {
  name: string;
  id: Bytes;
  key: VerifyingKey;
}

/** Reads a verifier key; null when it is not one (or its key id does not match). */
export async function readVerifierKey(text: string): Promise<TrustedKey | null> {
  const parts = /^([^+\s]+)\+([0-9a-f]{8})\+(\S+)$/i.exec(text.trim());
  if (!parts) return null;
  const [, name, idHex, keyB64] = parts as unknown as [string, string, string, string];
  const raw = fromBase64(keyB64);
  if (!raw || raw.length !== 33 || raw[0] !== 0x01) return null;
  const id = (await sha256(concat(utf8(`${name}\n`), raw))).slice(0, 4);
  if (toHex(id) !== idHex.toLowerCase()) return null;
  try {
    const key = await crypto.subtle.importKey('raw', raw.slice(1), { name: 'Ed25519' }, false, [
      'verify',
    ]);
    return { name, id, key };
  } catch (error) {
    if (error instanceof Error && error.name === 'NotSupportedError') {
      throw new WebCryptoMissing();
    }
    return null;
  }
}

interface OpenedCheckpoint {
  origin: string;
  size: number;
  root: Bytes;
}

/** Opens a signed checkpoint with the key: 'signature' or 'text' when it does not open. */
export async function openSignedCheckpoint(
  note: string,
  key: TrustedKey,
): Promise<OpenedCheckpoint | 'signature' | 'text'> {
  const cut = note.lastIndexOf('\n\n');
  if (cut < 0 || !note.endsWith('\n')) return 'signature';
  const text = note.slice(0, cut + 1);
  let signed = false;
  for (const line of note.slice(cut + 2, -1).split('\n')) {
    const m = /^\u2014 (\S+) (\S+)$/.exec(line);
    if (!m) return 'signature';
    if (m[1] !== key.name) continue;
    const blob = fromBase64(m[2]!);
    if (!blob || blob.length !== 68 || !sameBytes(blob.slice(0, 4), key.id)) continue;
    signed = await crypto.subtle.verify({ name: 'Ed25519' }, key.key, blob.slice(4), utf8(text));
    if (signed) break;
  }
  if (!signed) return 'signature';
  const [origin, sizeText, rootText, ...rest] = text.split('\n');
  const root = fromBase64(rootText ?? '');
  if (!origin || !/^(0|[1-9]\d{0,15})$/.test(sizeText ?? '') || !root || root.length !== 32) {
    return 'text';
  }
  if (rest.length === 0) return 'text';
  return { origin, size: Number(sizeText), root };
}

// ---- the leaf

const LEAF_FIELDS = [
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
].join();

interface Envelope {
  index: number;
  dataHash: string;
  action: string;
  occurredAt: string;
}

function readLeaf(text: string): Envelope | null {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const e = value as Record<string, unknown>;
    if (Object.keys(e).sort().join() !== LEAF_FIELDS) return null;
    if (!Number.isSafeInteger(e.index) || (e.index as number) < 0) return null;
    if (typeof e.dataHash !== 'string' || !/^[0-9a-f]{64}$/.test(e.dataHash)) return null;
    if (canonical(e) !== text) return null;
    return e as unknown as Envelope;
  } catch {
    return null;
  }
}

const base64List = (value: unknown): Bytes[] | null => {
  if (!Array.isArray(value)) return null;
  const out = value.map((v) => (typeof v === 'string' ? fromBase64(v) : null));
  return out.every((h) => h !== null && h.length === 32) ? (out as Bytes[]) : null;
};

// ---- the bundle

async function checkEvent(
  raw: unknown,
  number: number,
  checkpoint: OpenedCheckpoint,
): Promise<EventOutcome> {
  const event = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const index = Number.isSafeInteger(event.leafIndex) ? (event.leafIndex as number) : null;
  const leafText = typeof event.leaf === 'string' ? event.leaf : '';
  const envelope = readLeaf(leafText);
  const failed: BundleCheck[] = [];
  const erased = event.data === null && typeof event.erased === 'object' && event.erased !== null;
  if (!envelope) {
    failed.push('leaf');
  } else {
    if (envelope.index !== index) failed.push('leafIndex');
    if (event.data === null || event.data === undefined) {
      if (!erased) failed.push('dataMissing');
    } else {
      let hash = '';
      try {
        hash = toHex(await sha256(utf8(canonical(event.data))));
      } catch {
        // data JSON cannot carry matches no hash
      }
      if (hash !== envelope.dataHash) failed.push('dataHash');
    }
  }
  const proof = base64List(event.inclusionProof);
  if (
    index === null ||
    !proof ||
    !(await inclusionHolds(
      index,
      checkpoint.size,
      await hashLeaf(utf8(leafText)),
      proof,
      checkpoint.root,
    ))
  ) {
    failed.push('inclusionProof');
  }
  return {
    number,
    leafIndex: index,
    action: envelope?.action ?? null,
    occurredAt: envelope?.occurredAt ?? null,
    erased,
    failed,
  };
}

/**
 * Verifies a bundle (already parsed from JSON) with the key the auditor trusts and, optionally,
 * a checkpoint (signed-note text) they kept from before.
 */
export async function verifyBundleInBrowser(
  bundle: unknown,
  verifierKey: string,
  earlierCheckpoint?: string,
): Promise<BundleOutcome> {
  const outcome: BundleOutcome = {
    ok: false,
    failed: [],
    origin: null,
    treeSize: null,
    rootHex: null,
    consistency: 'notAsked',
    earlierSize: null,
    events: [],
  };
  const key = await readVerifierKey(verifierKey);
  if (!key) return { ...outcome, failed: ['key'] };
  const b = (typeof bundle === 'object' && bundle !== null ? bundle : {}) as Record<
    string,
    unknown
  >;
  if (b.format !== 'brug-audit-bundle/1' || !Array.isArray(b.events)) {
    return { ...outcome, failed: ['format'] };
  }
  const opened = await openSignedCheckpoint(
    typeof b.checkpoint === 'string' ? b.checkpoint : '',
    key,
  );
  if (typeof opened === 'string') {
    return {
      ...outcome,
      failed: [opened === 'signature' ? 'checkpointSignature' : 'checkpointText'],
    };
  }
  outcome.origin = opened.origin;
  outcome.treeSize = opened.size;
  outcome.rootHex = toHex(opened.root);
  outcome.events = await Promise.all(b.events.map((e, i) => checkEvent(e, i + 1, opened)));
  if (earlierCheckpoint !== undefined) {
    const earlier = await openSignedCheckpoint(earlierCheckpoint, key);
    if (typeof earlier === 'string') {
      outcome.failed.push('earlierCheckpoint');
    } else {
      outcome.earlierSize = earlier.size;
      const c = (b.consistency ?? {}) as { fromSize?: unknown; proof?: unknown };
      const trivial = earlier.size === opened.size || earlier.size === 0;
      if (!trivial && earlier.size < opened.size && c.fromSize !== earlier.size) {
        outcome.consistency = 'failed';
        outcome.failed.push('consistencyMissing');
      } else {
        const proof = trivial ? [] : base64List(c.proof);
        const grew =
          earlier.origin === opened.origin &&
          proof !== null &&
          (await consistencyHolds(earlier.size, opened.size, earlier.root, opened.root, proof));
        outcome.consistency = grew ? 'checked' : 'failed';
        if (!grew) outcome.failed.push('consistencyProof');
      }
    }
  }
  outcome.ok = outcome.failed.length === 0 && outcome.events.every((e) => e.failed.length === 0);
  return outcome;
}
