import { webcrypto } from 'node:crypto';
import { verifyBundle } from '../src/audit/bundle-verify';
import { canonicalJson } from '../src/audit/canonical-json';
import { dataHashOf, leafText } from '../src/audit/leaf';
import { consistencyProof, inclusionProof, type NodeSource } from '../src/audit/merkle';
import { checkpointText, noteSigner } from '../src/audit/signed-note';
import {
  consistencyHolds,
  inclusionHolds,
  verifyBundleInBrowser,
  type BundleOutcome,
} from '../web/src/audit/bundle-verifier';
import { merkleTreeHash } from './support/rfc9162';

// The page's verifier runs on Web Crypto; Node has the same API (SHA-256 and Ed25519).
if (!(globalThis as { crypto?: unknown }).crypto) Object.assign(globalThis, { crypto: webcrypto });

/**
 * Issue 15, item 6: the auditor's in-browser verifier (web/src/audit/bundle-verifier.ts, its own
 * code) against proofs Brug's server code makes and a tree the tests build apart from both
 * (test/support/rfc9162.ts): every inclusion and consistency proof of small trees holds and a
 * changed hash fails; and on bundles, every kind of tampering is found and named by check, the
 * same events the offline command (`verifyBundle`) names.
 */
const signer = noteSigner('brug.test/audit', Buffer.alloc(32, 3));
const otherKey = noteSigner('brug.test/audit', Buffer.alloc(32, 4)).verifierKey;

/** Complete subtrees of `leaves`, from the tests' own tree hash. */
const nodesOf =
  (leaves: Buffer[]): NodeSource =>
  (level, index) =>
    merkleTreeHash(leaves.slice(index * 2 ** level, (index + 1) * 2 ** level));

const leafInputs = (n: number) => Array.from({ length: n }, (_, i) => Buffer.from(`leaf ${i}`));

const flipFirstByte = (hash: Uint8Array): Uint8Array => {
  const copy = Uint8Array.from(hash);
  copy[0] = copy[0]! ^ 1;
  return copy;
};

describe('RFC 9162 proofs in the page’s verifier', () => {
  it('accepts every inclusion proof of trees of 1 to 20 leaves and refuses a changed one', async () => {
    for (let n = 1; n <= 20; n++) {
      const leaves = leafInputs(n);
      const get = nodesOf(leaves);
      const root = merkleTreeHash(leaves);
      for (let m = 0; m < n; m++) {
        const proof = inclusionProof(m, n, get);
        const leafHash = merkleTreeHash([leaves[m]!]);
        await expect(inclusionHolds(m, n, leafHash, proof, root)).resolves.toBe(true);
        await expect(inclusionHolds(m, n, flipFirstByte(leafHash), proof, root)).resolves.toBe(
          false,
        );
        if (proof.length) {
          const bad = [flipFirstByte(proof[0]!), ...proof.slice(1)];
          await expect(inclusionHolds(m, n, leafHash, bad, root)).resolves.toBe(false);
        }
        if (m + 1 < n) {
          await expect(inclusionHolds(m + 1, n, leafHash, proof, root)).resolves.toBe(false);
        }
      }
    }
  });

  it('accepts every consistency proof between trees of up to 20 leaves and refuses a changed one', async () => {
    for (let n = 1; n <= 20; n++) {
      const leaves = leafInputs(n);
      const get = nodesOf(leaves);
      const root = merkleTreeHash(leaves);
      for (let m = 1; m <= n; m++) {
        const old = merkleTreeHash(leaves.slice(0, m));
        const proof = consistencyProof(m, n, get);
        await expect(consistencyHolds(m, n, old, root, proof)).resolves.toBe(true);
        await expect(consistencyHolds(m, n, flipFirstByte(old), root, proof)).resolves.toBe(false);
        if (proof.length) {
          const bad = [...proof.slice(0, -1), flipFirstByte(proof.at(-1)!)];
          await expect(consistencyHolds(m, n, old, root, bad)).resolves.toBe(false);
        }
      }
    }
  });
});

describe('bundles in the page’s verifier', () => {
  const SIZE = 13;
  const CASE = '0b7f6a52-55c0-4d6e-9d3b-2b7c9f0e1a11';
  const OF_CASE = [2, 5, 8, 11];
  const events = Array.from({ length: SIZE }, (_, i) => {
    const data = { n: i, title: `Titel ${i}`, note: 'één' };
    return {
      data,
      leaf: leafText({
        index: i,
        occurredAt: new Date(Date.UTC(2026, 11, 5, 10, 0, i)).toISOString(),
        actorId: null,
        actorRole: 'system',
        actorName: 'Brug',
        action: i === 2 ? 'case.filed' : 'case.updated',
        subjectType: 'case',
        subjectId: OF_CASE.includes(i) ? CASE : `other-${i}`,
        caseId: OF_CASE.includes(i) ? CASE : null,
        dataHash: dataHashOf(canonicalJson(data)),
      }),
    };
  });
  const leaves = events.map((e) => Buffer.from(e.leaf, 'utf8'));
  const get = nodesOf(leaves);
  const note = (size: number, root = merkleTreeHash(leaves.slice(0, size))) =>
    signer.sign(checkpointText({ origin: 'brug.test/audit', size, root }));

  /** A bundle as GET /cases/{id}/audit/bundle writes it (event 8's data erased). */
  function bundle(since?: number): Record<string, unknown> & { events: Record<string, unknown>[] } {
    return {
      format: 'brug-audit-bundle/1',
      caseId: CASE,
      checkpoint: note(SIZE),
      verifierKey: signer.verifierKey,
      treeSize: SIZE,
      pending: 0,
      events: OF_CASE.map((i) => ({
        leafIndex: i,
        leaf: events[i]!.leaf,
        data: i === 8 ? null : events[i]!.data,
        ...(i === 8
          ? { erased: { at: '2026-12-05T11:00:00.000Z', by: 'Ada', basis: 'avg_verwijdering' } }
          : {}),
        inclusionProof: inclusionProof(i, SIZE, get).map((h) => h.toString('base64')),
      })),
      ...(since
        ? {
            consistency: {
              fromSize: since,
              proof: consistencyProof(since, SIZE, get).map((h) => h.toString('base64')),
            },
          }
        : {}),
    };
  }

  /** Failed checks per event number, and the bundle's own, as the page reports them. */
  const failures = (o: BundleOutcome) => ({
    bundle: o.failed,
    events: Object.fromEntries(
      o.events.filter((e) => e.failed.length).map((e) => [e.number, e.failed]),
    ),
  });

  /** The events the offline command names (1-based), to agree with the page. */
  const offlineEvents = (b: unknown, key: string, earlier?: string) =>
    [...new Set(verifyBundle(b, key, earlier).problems.map((p) => p.event))]
      .filter((e) => e !== null)
      .sort();

  it('a bundle as Brug writes it is in order, an erased event says so, the log only grew', async () => {
    for (const since of [1, 7, 8, SIZE]) {
      const outcome = await verifyBundleInBrowser(bundle(since), signer.verifierKey, note(since));
      expect(failures(outcome)).toEqual({ bundle: [], events: {} });
      expect(outcome).toMatchObject({ ok: true, treeSize: SIZE, consistency: 'checked' });
      expect(outcome.events.map((e) => [e.leafIndex, e.erased])).toEqual([
        [2, false],
        [5, false],
        [8, true],
        [11, false],
      ]);
      expect(verifyBundle(bundle(since), signer.verifierKey, note(since)).ok).toBe(true);
    }
    const plain = await verifyBundleInBrowser(bundle(), signer.verifierKey);
    expect(plain).toMatchObject({ ok: true, consistency: 'notAsked', origin: 'brug.test/audit' });
    expect(plain.events[0]!.action).toBe('case.filed');
  });

  it('names the event and the check of each kind of tampering, as the offline command does', async () => {
    const cases: [string, (b: ReturnType<typeof bundle>) => void, Record<number, string[]>][] = [
      [
        'one byte of the data',
        (b) => (b.events[1]!.data = { ...events[5]!.data, n: 6 }),
        { 2: ['dataHash'] },
      ],
      [
        'one byte of the envelope',
        (b) => (b.events[3]!.leaf = (b.events[3]!.leaf as string).replace('"Brug"', '"Bruh"')),
        { 4: ['inclusionProof'] },
      ],
      [
        'one byte of a proof',
        (b) => {
          const proof = [...(b.events[0]!.inclusionProof as string[])];
          proof[1] = Buffer.from(flipFirstByte(Buffer.from(proof[1]!, 'base64'))).toString(
            'base64',
          );
          b.events[0]!.inclusionProof = proof;
        },
        { 1: ['inclusionProof'] },
      ],
      [
        'another leaf index',
        (b) => (b.events[3]!.leafIndex = 12),
        { 4: ['leafIndex', 'inclusionProof'] },
      ],
      ['data gone without an erasure', (b) => (b.events[0]!.data = null), { 1: ['dataMissing'] }],
      [
        'the leaf not canonical',
        (b) => (b.events[1]!.leaf = ` ${b.events[1]!.leaf as string}`),
        { 2: ['leaf', 'inclusionProof'] },
      ],
    ];
    for (const [what, change, expected] of cases) {
      const b = bundle();
      change(b);
      const outcome = await verifyBundleInBrowser(b, signer.verifierKey);
      expect({ what, ...failures(outcome) }).toEqual({ what, bundle: [], events: expected });
      expect({ what, events: offlineEvents(b, signer.verifierKey) }).toEqual({
        what,
        events: Object.keys(expected).map(Number),
      });
    }
  });

  it('another key, a changed checkpoint and a log that did not only grow fail, by name', async () => {
    const other = await verifyBundleInBrowser(bundle(), otherKey);
    expect(failures(other)).toEqual({ bundle: ['checkpointSignature'], events: {} });
    expect(other.ok).toBe(false);

    const changed = bundle();
    changed.checkpoint = (changed.checkpoint as string).replace(`\n${SIZE}\n`, `\n${SIZE + 1}\n`);
    expect((await verifyBundleInBrowser(changed, signer.verifierKey)).failed).toEqual([
      'checkpointSignature',
    ]);

    expect((await verifyBundleInBrowser(bundle(), 'not a key')).failed).toEqual(['key']);
    expect((await verifyBundleInBrowser({ events: [] }, signer.verifierKey)).failed).toEqual([
      'format',
    ]);

    // Asked against a kept checkpoint of 7 leaves, without the proof from 7.
    const missing = await verifyBundleInBrowser(bundle(), signer.verifierKey, note(7));
    expect(missing.failed).toEqual(['consistencyMissing']);

    // A rewritten history: the kept checkpoint of 7 leaves had another root.
    const rewritten = note(7, merkleTreeHash([...leaves.slice(0, 6), Buffer.from('other')]));
    const grew = await verifyBundleInBrowser(bundle(7), signer.verifierKey, rewritten);
    expect(failures(grew)).toEqual({ bundle: ['consistencyProof'], events: {} });
    expect(verifyBundle(bundle(7), signer.verifierKey, rewritten).ok).toBe(false);

    // The kept checkpoint signed by another key is not trusted.
    const foreign = noteSigner('brug.test/audit', Buffer.alloc(32, 4)).sign(
      checkpointText({
        origin: 'brug.test/audit',
        size: 7,
        root: merkleTreeHash(leaves.slice(0, 7)),
      }),
    );
    expect((await verifyBundleInBrowser(bundle(7), signer.verifierKey, foreign)).failed).toEqual([
      'earlierCheckpoint',
    ]);
  });
});
