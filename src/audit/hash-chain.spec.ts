import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import {
  canonicalAroundSeq,
  type AuditEventContent,
  type ChainedAuditEvent,
  type ChainResult,
  ChainVerifier,
  GENESIS_HASH,
  hashEvent,
  parseHead,
} from './hash-chain';

function content(seq: number): AuditEventContent {
  return {
    seq,
    occurredAt: new Date(Date.UTC(2026, 10, 28, 10, 0, seq, seq % 1000)).toISOString(),
    actorId: seq % 5 === 0 ? null : `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    actorRole: seq % 5 === 0 ? 'system' : 'case_worker',
    actorName: seq % 5 === 0 ? 'Brug' : 'Fenna de Vries',
    action: seq % 3 === 0 ? 'case.transitioned' : 'case.updated',
    subjectType: 'case',
    subjectId: `case-${Math.ceil(seq / 4)}`,
    caseId: seq % 7 === 0 ? null : `case-${Math.ceil(seq / 4)}`,
    data: { step: seq, amount: seq * 1.1, note: `stap ${seq} — €`, tags: ['a', { b: seq }] },
  };
}

/** Links `contents` into a chain, continuing from `prevHash`. */
function link(contents: AuditEventContent[], prevHash = GENESIS_HASH): ChainedAuditEvent[] {
  const events: ChainedAuditEvent[] = [];
  let prev = prevHash;
  for (const c of contents) {
    const hash = hashEvent(prev, c);
    events.push({ ...c, prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

function buildChain(n: number): ChainedAuditEvent[] {
  return link(Array.from({ length: n }, (_, i) => content(i + 1)));
}

function verify(events: ChainedAuditEvent[], expectHead?: { seq: number; hash: string }) {
  const verifier = new ChainVerifier({ expectHead });
  for (const event of events) if (verifier.push(event)) break;
  return verifier.finish();
}

/** Strips prevHash and hash: what was hashed. */
function contentOf({ prevHash: _p, hash: _h, ...rest }: ChainedAuditEvent): AuditEventContent {
  return rest;
}

function at(events: ChainedAuditEvent[], seq: number): ChainedAuditEvent {
  const event = events.find((e) => e.seq === seq);
  if (!event) throw new Error(`no event ${seq}`);
  return event;
}

describe('hashEvent', () => {
  it('is SHA-256 over prevHash followed by the canonical JSON of the ten fields', () => {
    const c = content(1);
    const expected = createHash('sha256')
      .update(GENESIS_HASH + canonicalJson(c), 'utf8')
      .digest('hex');
    expect(hashEvent(GENESIS_HASH, c)).toBe(expected);
    expect(hashEvent(GENESIS_HASH, c)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('covers exactly the ten fields, whatever else the object carries', () => {
    const c = content(2);
    const withExtras = { ...c, prevHash: 'x', hash: 'y', id: 42 } as AuditEventContent;
    expect(hashEvent(GENESIS_HASH, withExtras)).toBe(hashEvent(GENESIS_HASH, c));
    const text =
      '{"action":"case.updated","actorId":"00000000-0000-4000-8000-000000000002",' +
      '"actorName":"Fenna de Vries","actorRole":"case_worker","caseId":"case-1",' +
      '"data":{"amount":2.2,"note":"stap 2 — €","step":2,"tags":["a",{"b":2}]},' +
      '"occurredAt":"2026-11-28T10:00:02.002Z","seq":2,"subjectId":"case-1","subjectType":"case"}';
    expect(hashEvent('ab'.repeat(32), c)).toBe(
      createHash('sha256')
        .update('ab'.repeat(32) + text)
        .digest('hex'),
    );
  });

  it('changes with every field and with prevHash', () => {
    const c = content(3);
    const base = hashEvent(GENESIS_HASH, c);
    const variants: AuditEventContent[] = [
      { ...c, seq: 4 },
      { ...c, occurredAt: '2026-11-28T10:00:03.004Z' },
      { ...c, actorId: null },
      { ...c, actorRole: 'admin' },
      { ...c, actorName: 'Someone Else' },
      { ...c, action: 'case.routed' },
      { ...c, subjectType: 'note' },
      { ...c, subjectId: 'case-9' },
      { ...c, caseId: null },
      { ...c, data: { ...c.data, step: 4 } },
    ];
    for (const v of variants) expect(hashEvent(GENESIS_HASH, v)).not.toBe(base);
    expect(hashEvent('1'.repeat(64), c)).not.toBe(base);
    // Key order does not matter: the canonical form sorts it.
    const reordered = Object.fromEntries(Object.entries(c).reverse()) as AuditEventContent;
    expect(hashEvent(GENESIS_HASH, reordered)).toBe(base);
  });
});

describe('ChainVerifier', () => {
  const chain = buildChain(20);
  const head = { seq: 20, hash: at(chain, 20).hash };

  it('accepts a valid chain and reports its head', () => {
    expect(verify(chain)).toEqual({ valid: true, events: 20, headSeq: 20, headHash: head.hash });
  });

  it('accepts an empty chain, with no head', () => {
    expect(new ChainVerifier().finish()).toEqual({
      valid: true,
      events: 0,
      headSeq: null,
      headHash: null,
    });
  });

  it('accepts a chain that starts later (an export from fromSeq)', () => {
    expect(verify(chain.slice(9))).toEqual({
      valid: true,
      events: 11,
      headSeq: 20,
      headHash: head.hash,
    });
  });

  it('requires the event with seq 1 to link to the genesis hash', () => {
    const [first, ...rest] = link([content(1), content(2)], '1'.repeat(64));
    expect(verify([first!, ...rest])).toEqual({
      valid: false,
      firstInvalidSeq: 1,
      reason: 'broken link',
      events: 0,
    });
  });

  it('detects a change to one event’s data at that event', () => {
    const tampered = chain.map((e) =>
      e.seq === 8 ? { ...e, data: { ...e.data, amount: 1_000_000 } } : e,
    );
    expect(verify(tampered)).toEqual({
      valid: false,
      firstInvalidSeq: 8,
      reason: 'hash mismatch',
      events: 7,
    });
  });

  it('detects a change to a field other than data, and to a stored hash', () => {
    const renamed = chain.map((e) => (e.seq === 3 ? { ...e, actorName: 'Mallory' } : e));
    expect(verify(renamed)).toMatchObject({ firstInvalidSeq: 3, reason: 'hash mismatch' });
    const rehashed = chain.map((e) => (e.seq === 3 ? { ...e, hash: 'f'.repeat(64) } : e));
    // Event 3's own hash no longer matches its content.
    expect(verify(rehashed)).toMatchObject({ firstInvalidSeq: 3, reason: 'hash mismatch' });
  });

  it('detects a deleted event at the event after the gap', () => {
    const deleted = chain.filter((e) => e.seq !== 12);
    expect(verify(deleted)).toEqual({
      valid: false,
      firstInvalidSeq: 13,
      reason: 'gap in sequence',
      events: 11,
    });
  });

  it('detects a deleted event even when later events are renumbered to hide the gap', () => {
    const renumbered = chain
      .filter((e) => e.seq !== 12)
      .map((e) => (e.seq > 12 ? { ...e, seq: e.seq - 1 } : e));
    // Event 13 now claims seq 12, but links to event 12's hash, not to event 11's.
    expect(verify(renumbered)).toMatchObject({ firstInvalidSeq: 12, reason: 'broken link' });
  });

  it('detects two swapped events', () => {
    const swapped = [...chain];
    [swapped[4], swapped[5]] = [swapped[5]!, swapped[4]!];
    // Seq 6 arrives where seq 5 was due.
    expect(verify(swapped)).toEqual({
      valid: false,
      firstInvalidSeq: 6,
      reason: 'gap in sequence',
      events: 4,
    });
    const backwards = [...chain.slice(0, 5), at(chain, 4)];
    expect(verify(backwards)).toMatchObject({
      firstInvalidSeq: 4,
      reason: 'sequence out of order',
    });
  });

  it('detects two swapped events whose seq numbers were swapped too', () => {
    const e5 = at(chain, 5);
    const e6 = at(chain, 6);
    const swapped = chain.map((e) =>
      e.seq === 5 ? { ...e6, seq: 5 } : e.seq === 6 ? { ...e5, seq: 6 } : e,
    );
    // What now sits at seq 5 links to the old event 5, not to event 4.
    expect(verify(swapped)).toMatchObject({ firstInvalidSeq: 5, reason: 'broken link' });
  });

  describe('a consistent rewrite (one change, every later hash recomputed)', () => {
    const rewritten = [
      ...chain.slice(0, 9),
      ...link(
        chain
          .slice(9)
          .map(contentOf)
          .map((c) => (c.seq === 10 ? { ...c, data: { ...c.data, amount: 0 } } : c)),
        at(chain, 9).hash,
      ),
    ];

    it('is a valid chain on its own: only the head can tell', () => {
      const result = verify(rewritten);
      expect(result).toMatchObject({ valid: true, events: 20, headSeq: 20 });
      expect((result as Extract<ChainResult, { valid: true }>).headHash).not.toBe(head.hash);
    });

    it('is caught against a head written down before the rewrite', () => {
      expect(verify(rewritten, head)).toEqual({
        valid: false,
        firstInvalidSeq: 20,
        reason: 'does not pass through the expected head',
        events: 19,
      });
    });

    it('is caught against any earlier head at or after the change', () => {
      const earlier = { seq: 15, hash: at(chain, 15).hash };
      expect(verify(rewritten, earlier)).toMatchObject({
        valid: false,
        firstInvalidSeq: 15,
        reason: 'does not pass through the expected head',
      });
    });

    it('passes against a head from before the change (which it did not touch)', () => {
      expect(verify(rewritten, { seq: 9, hash: at(chain, 9).hash })).toMatchObject({
        valid: true,
      });
    });
  });

  describe('expectHead', () => {
    it('accepts the chain that passes through the head, also when it grew since', () => {
      expect(verify(chain, head)).toMatchObject({ valid: true, headSeq: 20 });
      expect(verify(chain, { seq: 12, hash: at(chain, 12).hash })).toEqual({
        valid: true,
        events: 20,
        headSeq: 20,
        headHash: head.hash,
      });
      expect(verify(chain, { seq: 12, hash: at(chain, 12).hash.toUpperCase() })).toMatchObject({
        valid: true,
      });
    });

    it('fails at finish() when the chain ends before the head', () => {
      expect(verify(chain.slice(0, 15), head)).toEqual({
        valid: false,
        firstInvalidSeq: 20,
        reason: 'does not pass through the expected head',
        events: 15,
      });
      expect(verify([], head)).toMatchObject({ valid: false, firstInvalidSeq: 20, events: 0 });
    });

    it('fails when the chain starts after the head', () => {
      expect(verify(chain.slice(15), { seq: 12, hash: at(chain, 12).hash })).toEqual({
        valid: false,
        firstInvalidSeq: 12,
        reason: 'does not pass through the expected head',
        events: 0,
      });
    });

    it('fails against a head with the right seq and another hash', () => {
      expect(verify(chain, { seq: 7, hash: at(chain, 8).hash })).toMatchObject({
        valid: false,
        firstInvalidSeq: 7,
        reason: 'does not pass through the expected head',
      });
    });
  });

  it('stops at the first failure', () => {
    const verifier = new ChainVerifier();
    const tampered = chain.map((e) => (e.seq === 3 || e.seq === 9 ? { ...e, action: 'x' } : e));
    const failures = tampered.map((e) => verifier.push(e));
    expect(failures.slice(0, 2)).toEqual([null, null]);
    const first = { valid: false, firstInvalidSeq: 3, reason: 'hash mismatch', events: 2 };
    expect(failures[2]).toEqual(first);
    for (const f of failures.slice(3)) expect(f).toEqual(first);
    expect(verifier.finish()).toEqual(first);
  });

  it('refuses events of the wrong shape instead of miscounting them', () => {
    const asText = { ...at(chain, 1), seq: '1' } as unknown as ChainedAuditEvent;
    expect(verify([asText])).toMatchObject({
      valid: false,
      firstInvalidSeq: null,
      reason: 'malformed event: seq must be a positive integer',
    });
    const noData = { ...at(chain, 1), data: null } as unknown as ChainedAuditEvent;
    expect(verify([noData])).toMatchObject({
      firstInvalidSeq: 1,
      reason: 'malformed event: data must be a JSON object',
    });
    const loneSurrogate = { ...at(chain, 1), data: { s: '\ud800' } };
    expect(verify([loneSurrogate])).toMatchObject({
      firstInvalidSeq: 1,
      reason: expect.stringMatching(/^malformed event: .*lone surrogate/),
    });
  });
});

describe('parseHead', () => {
  const hash = 'ab'.repeat(32);

  it('reads <seq>:<hash>', () => {
    expect(parseHead(`1234:${hash}`)).toEqual({ seq: 1234, hash });
    expect(parseHead(` 7:${hash.toUpperCase()}\n`)).toEqual({ seq: 7, hash });
  });

  it.each([
    ['a hash alone', hash],
    ['no seq', `:${hash}`],
    ['seq 0', `0:${hash}`],
    ['a negative seq', `-1:${hash}`],
    ['a leading zero', `01:${hash}`],
    ['a short hash', `1:${hash.slice(1)}`],
    ['a long hash', `1:${hash}a`],
    ['not hex', `1:${'g'.repeat(64)}`],
    ['an unsafe seq', `9007199254740993:${hash}`],
    ['nothing', ''],
  ])('refuses %s with a clear message', (_name, text) => {
    expect(() => parseHead(text)).toThrow(/<seq>:<hash>/);
  });
});

describe('canonicalAroundSeq', () => {
  it('splits the canonical JSON of any content exactly around seq', () => {
    fc.assert(
      fc.property(
        fc.record({
          seq: fc.integer({ min: 1, max: 2 ** 40 }),
          occurredAt: fc
            .date({ min: new Date(0), max: new Date(4102444800000), noInvalidDate: true })
            .map((d) => d.toISOString()),
          actorId: fc.option(fc.uuid(), { nil: null }),
          actorRole: fc.string(),
          actorName: fc.string({ unit: 'grapheme' }),
          action: fc.string(),
          subjectType: fc.string(),
          subjectId: fc.string(),
          caseId: fc.option(fc.uuid(), { nil: null }),
          data: fc
            .dictionary(fc.string(), fc.jsonValue())
            .map((d) => JSON.parse(JSON.stringify(d)) as Record<string, unknown>),
        }),
        (content) => {
          const { seq, ...rest } = content;
          const { prefix, suffix } = canonicalAroundSeq(rest);
          expect(prefix + String(seq) + suffix).toBe(canonicalJson(content));
        },
      ),
      { numRuns: 500 },
    );
  });
});
