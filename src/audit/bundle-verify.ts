import { canonicalJson } from './canonical-json';
import { dataHashOf, parseLeaf } from './leaf';
import { leafHash, verifyConsistency, verifyInclusion } from './merkle';
import { openCheckpoint, parseVerifierKey, type Checkpoint } from './signed-note';

/** What `audit verify-bundle` found: per event, and the problems by event and check. */
export interface BundleVerification {
  ok: boolean;
  treeSize: number | null;
  events: { leafIndex: number | null; ok: boolean; erased: boolean }[];
  problems: { event: number | null; leafIndex: number | null; check: string; reason: string }[];
}

const fromB64 = (items: unknown): Buffer[] | null =>
  Array.isArray(items) && items.every((h) => typeof h === 'string')
    ? items.map((h: string) => Buffer.from(h, 'base64'))
    : null;

/**
 * Checks a case bundle (`GET /cases/{id}/audit/bundle`) with nothing but SHA-256 and Ed25519:
 * the checkpoint's signature by the verifier key, each event's leaf (canonical, its index), its
 * data against `dataHash` (or that it was erased), its inclusion proof to the checkpoint's root,
 * and, given a checkpoint the auditor kept, that the log only grew since (consistency proof).
 */
export function verifyBundle(
  bundle: unknown,
  verifierKey: string,
  earlierCheckpoint?: string,
): BundleVerification {
  const result: BundleVerification = { ok: false, treeSize: null, events: [], problems: [] };
  const problem = (event: number | null, leafIndex: number | null, check: string, reason: string) =>
    result.problems.push({ event, leafIndex, check, reason });
  let key;
  try {
    key = parseVerifierKey(verifierKey);
  } catch (error) {
    problem(null, null, 'key', error instanceof Error ? error.message : String(error));
    return result;
  }
  const b = bundle as Record<string, unknown>;
  if (typeof b !== 'object' || b === null || b.format !== 'brug-audit-bundle/1') {
    problem(null, null, 'format', 'not a Brug audit bundle (format brug-audit-bundle/1)');
    return result;
  }
  const opened = openCheckpoint(typeof b.checkpoint === 'string' ? b.checkpoint : '', key);
  if (!opened.ok) {
    problem(null, null, 'checkpoint signature', opened.reason);
    return result;
  }
  const checkpoint: Checkpoint = opened.checkpoint;
  result.treeSize = checkpoint.size;
  const events = Array.isArray(b.events) ? (b.events as Record<string, unknown>[]) : [];
  events.forEach((event, i) => {
    const n = i + 1;
    const index = Number.isSafeInteger(event.leafIndex) ? (event.leafIndex as number) : null;
    const before = result.problems.length;
    const leaf = typeof event.leaf === 'string' ? event.leaf : '';
    const envelope = parseLeaf(leaf);
    if (typeof envelope === 'string') {
      problem(n, index, 'leaf', envelope);
    } else {
      if (envelope.index !== index) problem(n, index, 'leaf index', 'leaf names another index');
      if (event.data === null || event.data === undefined) {
        if (!event.erased) problem(n, index, 'data', 'data missing and not erased');
      } else {
        let hash: string;
        try {
          hash = dataHashOf(canonicalJson(event.data));
        } catch {
          hash = ''; // data JSON cannot hold: it matches no hash
        }
        if (hash !== envelope.dataHash)
          problem(n, index, 'dataHash', 'data does not match dataHash');
      }
    }
    const proof = fromB64(event.inclusionProof);
    if (
      index === null ||
      !proof ||
      !verifyInclusion(index, checkpoint.size, leafHash(leaf), proof, checkpoint.root)
    ) {
      problem(n, index, 'inclusion proof', 'does not lead to the checkpoint’s root');
    }
    result.events.push({
      leafIndex: index,
      ok: result.problems.length === before,
      erased: event.data === null && Boolean(event.erased),
    });
  });
  if (earlierCheckpoint !== undefined) checkGrowth(b, key, earlierCheckpoint, checkpoint, problem);
  result.ok = result.problems.length === 0;
  return result;
}

function checkGrowth(
  b: Record<string, unknown>,
  key: ReturnType<typeof parseVerifierKey>,
  earlierNote: string,
  checkpoint: Checkpoint,
  problem: (event: null, leafIndex: null, check: string, reason: string) => void,
): void {
  const earlier = openCheckpoint(earlierNote, key);
  if (!earlier.ok) {
    problem(null, null, 'earlier checkpoint signature', earlier.reason);
    return;
  }
  const old = earlier.checkpoint;
  if (old.size === 0) return; // every log grew from the empty one
  if (old.size > checkpoint.size) {
    problem(null, null, 'consistency proof', 'the earlier checkpoint is larger than this one');
    return;
  }
  const c = b.consistency as { fromSize?: unknown; proof?: unknown } | undefined;
  const proof = old.size === checkpoint.size ? [] : fromB64(c?.proof);
  if (old.size !== checkpoint.size && c?.fromSize !== old.size) {
    problem(
      null,
      null,
      'consistency proof',
      `no proof from tree size ${old.size} (ask with ?since=${old.size})`,
    );
    return;
  }
  if (!proof || !verifyConsistency(old.size, checkpoint.size, old.root, checkpoint.root, proof)) {
    problem(
      null,
      null,
      'consistency proof',
      'the log did not only grow since the earlier checkpoint',
    );
  }
}
