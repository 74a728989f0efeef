import {
  createHash,
  createPrivateKey,
  createPublicKey,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

/**
 * C2SP `signed-note` with Ed25519 (signature type 0x01) and C2SP `tlog-checkpoint`, with
 * node:crypto only. A note is its text (every line ending in a newline), an empty line, and
 * signature lines `— <key name> <base64(key id || signature)>`; the key id is the first four
 * bytes of SHA-256(name || "\n" || 0x01 || public key). A verifier key is written
 * `<name>+<key id in 8 hex digits>+<base64(0x01 || public key)>`.
 */
const ED25519 = 0x01;
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');
const SIGNATURE_PREFIX = '\u2014 ';

export interface NoteSigner {
  name: string;
  /** The verifier key, to publish. */
  verifierKey: string;
  sign(text: string): string;
}

export interface NoteVerifier {
  name: string;
  keyId: Buffer;
  key: KeyObject;
}

const keyIdOf = (name: string, publicKey: Buffer): Buffer =>
  createHash('sha256')
    .update(`${name}\n`)
    .update(Buffer.of(ED25519))
    .update(publicKey)
    .digest()
    .subarray(0, 4);

/** A key name: no whitespace and no "+" (signed-note). */
export function validKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+]/u.test(name);
}

/** The signer for a 32-byte Ed25519 seed under a key name. */
export function noteSigner(name: string, seed: Buffer): NoteSigner {
  if (seed.length !== 32) throw new Error('an Ed25519 key is 32 bytes');
  if (!validKeyName(name)) throw new Error('a key name has no spaces and no "+"');
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey)
    .export({ format: 'der', type: 'spki' })
    .subarray(SPKI_ED25519.length);
  const keyId = keyIdOf(name, publicKey);
  const verifierKey = `${name}+${keyId.toString('hex')}+${Buffer.concat([Buffer.of(ED25519), publicKey]).toString('base64')}`;
  return {
    name,
    verifierKey,
    sign(text) {
      if (!text.endsWith('\n')) throw new Error('a note text ends with a newline');
      const signature = sign(null, Buffer.from(text, 'utf8'), privateKey);
      const blob = Buffer.concat([keyId, signature]).toString('base64');
      return `${text}\n${SIGNATURE_PREFIX}${name} ${blob}\n`;
    },
  };
}

/** Reads a verifier key `<name>+<hash>+<base64 key>`; throws with what is wrong. */
export function parseVerifierKey(text: string): NoteVerifier {
  // The name has no "+"; the key id is 8 hex digits; the base64 key may hold "+" itself.
  const match = /^([^+\s]+)\+([0-9a-fA-F]{8})\+([A-Za-z0-9+/=]+)$/.exec(text.trim());
  const [, name, hash, keyText] = match ?? [];
  if (!name || !hash || !keyText) {
    throw new Error('a verifier key is written <name>+<8 hex digits>+<base64 key>');
  }
  const raw = Buffer.from(keyText, 'base64');
  if (raw.length !== 33 || raw[0] !== ED25519) throw new Error('not an Ed25519 verifier key');
  const publicKey = raw.subarray(1);
  const keyId = keyIdOf(name, publicKey);
  if (keyId.toString('hex') !== hash.toLowerCase()) {
    throw new Error('the key id does not match the name and key');
  }
  const key = createPublicKey({
    key: Buffer.concat([SPKI_ED25519, publicKey]),
    format: 'der',
    type: 'spki',
  });
  return { name, keyId, key };
}

/** The text of a note whose signature by `verifier` holds, or a reason why not. */
export function openNote(
  note: string,
  verifier: NoteVerifier,
): { ok: true; text: string } | { ok: false; reason: string } {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return { ok: false, reason: 'not a signed note' };
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  for (const line of lines) {
    if (!line.startsWith(SIGNATURE_PREFIX))
      return { ok: false, reason: 'malformed signature line' };
    const [name, blob] = line.slice(SIGNATURE_PREFIX.length).split(' ');
    if (name !== verifier.name || !blob) continue;
    const raw = Buffer.from(blob, 'base64');
    if (raw.length !== 68 || !raw.subarray(0, 4).equals(verifier.keyId)) continue;
    if (verify(null, Buffer.from(text, 'utf8'), verifier.key, raw.subarray(4))) {
      return { ok: true, text };
    }
    return { ok: false, reason: 'signature does not verify with the key' };
  }
  return { ok: false, reason: 'no signature by the key' };
}

export interface Checkpoint {
  origin: string;
  size: number;
  root: Buffer;
}

/** The C2SP tlog-checkpoint body: origin, tree size, base64 root hash. */
export const checkpointText = (c: Checkpoint): string =>
  `${c.origin}\n${c.size}\n${c.root.toString('base64')}\n`;

/** Parses a checkpoint body (the text of its note); throws with what is wrong. */
export function parseCheckpointText(text: string): Checkpoint {
  const [origin, size, root] = text.split('\n');
  const root32 = Buffer.from(root ?? '', 'base64');
  if (!origin || !/^(0|[1-9]\d{0,15})$/.test(size ?? '') || root32.length !== 32) {
    throw new Error('not a checkpoint: origin, tree size and base64 root hash expected');
  }
  return { origin, size: Number(size), root: root32 };
}

/** Opens a signed checkpoint: its signature by the key, then its body. */
export function openCheckpoint(
  note: string,
  verifier: NoteVerifier,
): { ok: true; checkpoint: Checkpoint } | { ok: false; reason: string } {
  const opened = openNote(note, verifier);
  if (!opened.ok) return opened;
  try {
    return { ok: true, checkpoint: parseCheckpointText(opened.text) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
