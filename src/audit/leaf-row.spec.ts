import { type LeafEnvelope, leafText } from './leaf';
import { LeafBuilder } from './leaf-row';

/** PostgreSQL's binary COPY encoding of one row of the columns `LeafBuilder` reads. */
function binaryRow(
  e: LeafEnvelope,
  occurredAtMicros: bigint,
): {
  row: Buffer;
  starts: Int32Array;
  ends: Int32Array;
} {
  const int8 = (n: bigint) => {
    const b = Buffer.alloc(8);
    b.writeBigInt64BE(n);
    return b;
  };
  const uuid = (u: string | null) => (u === null ? null : Buffer.from(u.replace(/-/g, ''), 'hex'));
  const fields: (Buffer | null)[] = [
    int8(BigInt(e.index)),
    int8(occurredAtMicros),
    uuid(e.actorId),
    Buffer.from(e.actorRole),
    Buffer.from(e.actorName),
    Buffer.from(e.action),
    Buffer.from(e.subjectType),
    Buffer.from(e.subjectId),
    uuid(e.caseId),
    Buffer.from(e.dataHash.padEnd(64, ' ')),
  ];
  const starts = new Int32Array(fields.length);
  const ends = new Int32Array(fields.length);
  const parts: Buffer[] = [];
  let at = 3; // a few bytes before the row, as in a COPY chunk
  fields.forEach((f, i) => {
    at += 4;
    starts[i] = f === null ? -1 : at;
    ends[i] = f === null ? -1 : at + f.length;
    parts.push(f ?? Buffer.alloc(0));
    at += f?.length ?? 0;
  });
  const row = Buffer.alloc(at);
  let p = 3;
  for (const part of parts) {
    p += 4;
    part.copy(row, p);
    p += part.length;
  }
  return { row, starts, ends };
}

const PG_EPOCH_MS = Date.UTC(2000, 0, 1);

describe('LeafBuilder', () => {
  const base: Omit<LeafEnvelope, 'occurredAt' | 'index'> = {
    actorId: '4c2b7f7e-0d7e-4a5e-9f1e-2b9a1c3d4e5f',
    actorRole: 'coordinator',
    actorName: 'Sanne Bakker',
    action: 'case.updated',
    subjectType: 'case',
    subjectId: 'c-1',
    caseId: null,
    dataHash: 'ab'.repeat(32),
  };

  it('builds the canonical leaf text of any time from year 0 to 9999, behind 0x00', () => {
    const builder = new LeafBuilder();
    const first = new Date('0000-01-01T00:00:00.000Z').getTime();
    const last = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    // Every 7,919th hour and a few minutes over the whole range, and the edges of eras.
    const times = [first, last, Date.UTC(1970, 0, 1), Date.UTC(1969, 11, 31, 23, 59, 59, 999)];
    times.push(Date.UTC(2000, 1, 29, 12), Date.UTC(1900, 1, 28), Date.UTC(2100, 2, 1));
    for (let t = first; t < last; t += 7919 * 3_600_000 + 61_001) times.push(t);
    times.forEach((ms, i) => {
      const envelope = { ...base, index: i * 977, occurredAt: new Date(ms).toISOString() };
      // Microseconds after the millisecond are truncated, as to_char(…'MS') does; after the
      // year 2285 they are beyond 2^53.
      const micros = BigInt(ms - PG_EPOCH_MS) * 1000n + BigInt(i % 1000);
      const { row, starts, ends } = binaryRow(envelope, micros);
      const leaf = builder.build(row, starts, ends);
      expect(leaf[0]).toBe(0);
      expect(leaf.subarray(1).toString('utf8')).toBe(leafText(envelope));
      expect(builder.index).toBe(i * 977);
    });
  });

  it('escapes text as canonical JSON does, and writes null ids and large indexes', () => {
    const builder = new LeafBuilder();
    const awkward = [
      'Quote " back\\slash',
      'x\u0001\u001f\u007f',
      'Tab\there\nCR\r',
      'Coöperatie ✓ 𝄞',
    ];
    awkward.forEach((text, i) => {
      const envelope: LeafEnvelope = {
        ...base,
        actorId: null,
        caseId: '5d3c8e8f-1e8f-4b6f-8a2f-3c0b2d4e5f60',
        actorName: text,
        subjectId: awkward[(i + 1) % awkward.length]!,
        index: Number.MAX_SAFE_INTEGER - i,
        occurredAt: '2026-12-06T01:02:03.004Z',
      };
      const micros = BigInt(Date.parse(envelope.occurredAt) - PG_EPOCH_MS) * 1000n;
      const { row, starts, ends } = binaryRow(envelope, micros);
      expect(builder.build(row, starts, ends).subarray(1).toString('utf8')).toBe(
        leafText(envelope),
      );
    });
  });
});
