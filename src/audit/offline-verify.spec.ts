import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AuditEventContent,
  type ChainedAuditEvent,
  GENESIS_HASH,
  hashEvent,
} from './hash-chain';
import { verifyExportFile } from './offline-verify';

function content(seq: number): AuditEventContent {
  return {
    seq,
    occurredAt: new Date(Date.UTC(2026, 10, 28, 9, seq, 0, 123)).toISOString(),
    actorId: seq % 4 === 0 ? null : 'a3f1c2d4-0000-4000-8000-000000000001',
    actorRole: seq % 4 === 0 ? 'system' : 'coordinator',
    actorName: seq % 4 === 0 ? 'Brug' : 'Sanne Bakker',
    action: 'case.updated',
    subjectType: 'case',
    subjectId: `case-${seq}`,
    caseId: `case-${seq}`,
    data: { seq, budget: seq * 250.5, fields: ['status', 'title'], ok: seq % 2 === 0 },
  };
}

function link(contents: AuditEventContent[], prevHash = GENESIS_HASH): ChainedAuditEvent[] {
  let prev = prevHash;
  return contents.map((c) => {
    const hash = hashEvent(prev, c);
    const event = { ...c, prevHash: prev, hash };
    prev = hash;
    return event;
  });
}

const chain = link(Array.from({ length: 20 }, (_, i) => content(i + 1)));
const head = { seq: 20, hash: chain[19]!.hash };
const ndjson = (events: object[]) => events.map((e) => `${JSON.stringify(e)}\n`).join('');

describe('verifyExportFile', () => {
  let dir: string;
  let count = 0;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'brug-audit-'));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function file(text: string): string {
    count += 1;
    const path = join(dir, `export-${count}.jsonl`);
    writeFileSync(path, text, 'utf8');
    return path;
  }

  it('accepts a valid export and reports its head', async () => {
    await expect(verifyExportFile(file(ndjson(chain)))).resolves.toMatchObject({
      ok: true,
      events: 20,
      headSeq: 20,
      headHash: head.hash,
    });
  });

  it('accepts a file without a final newline, with CRLF line ends, or with trailing empty lines', async () => {
    const text = ndjson(chain);
    const ok = { ok: true, events: 20, headSeq: 20 };
    await expect(verifyExportFile(file(text.trimEnd()))).resolves.toMatchObject(ok);
    await expect(verifyExportFile(file(text.replace(/\n/g, '\r\n')))).resolves.toMatchObject(ok);
    await expect(verifyExportFile(file(`${text}\n\n`))).resolves.toMatchObject(ok);
  });

  it('accepts an export that starts later (fromSeq)', async () => {
    await expect(verifyExportFile(file(ndjson(chain.slice(5))))).resolves.toMatchObject({
      ok: true,
      events: 15,
      headSeq: 20,
      headHash: head.hash,
    });
  });

  it('accepts an empty file as zero events, but not against a head', async () => {
    const empty = file('');
    await expect(verifyExportFile(empty)).resolves.toMatchObject({
      ok: true,
      events: 0,
      headSeq: null,
      headHash: null,
    });
    await expect(verifyExportFile(empty, head)).resolves.toEqual({
      ok: false,
      line: 1,
      seq: 20,
      reason: 'does not pass through the expected head',
    });
  });

  it('names the line of an event whose data was changed', async () => {
    const tampered = chain.map((e) => (e.seq === 7 ? { ...e, data: { ...e.data, ok: true } } : e));
    await expect(verifyExportFile(file(ndjson(tampered)))).resolves.toEqual({
      ok: false,
      line: 7,
      seq: 7,
      reason: 'hash mismatch',
    });
  });

  it('names the line after a deleted event', async () => {
    const deleted = chain.filter((e) => e.seq !== 11);
    await expect(verifyExportFile(file(ndjson(deleted)))).resolves.toEqual({
      ok: false,
      line: 11,
      seq: 12,
      reason: 'gap in sequence',
    });
  });

  it('names the line of two swapped events', async () => {
    const swapped = [...chain];
    [swapped[14], swapped[15]] = [swapped[15]!, swapped[14]!];
    await expect(verifyExportFile(file(ndjson(swapped)))).resolves.toEqual({
      ok: false,
      line: 15,
      seq: 16,
      reason: 'gap in sequence',
    });
  });

  it('catches a consistent rewrite only against a head written down before it', async () => {
    const rewritten = [
      ...chain.slice(0, 3),
      ...link(
        chain
          .slice(3)
          .map(({ prevHash: _p, hash: _h, ...c }) =>
            c.seq === 4 ? { ...c, actorName: 'Someone Else' } : c,
          ),
        chain[2]!.hash,
      ),
    ];
    const path = file(ndjson(rewritten));
    const alone = await verifyExportFile(path);
    expect(alone).toMatchObject({ ok: true, events: 20, headSeq: 20 });
    expect(alone).not.toMatchObject({ headHash: head.hash });
    await expect(verifyExportFile(path, head)).resolves.toEqual({
      ok: false,
      line: 20,
      seq: 20,
      reason: 'does not pass through the expected head',
    });
  });

  it('checks the head: passes through it, or ends before it', async () => {
    const path = file(ndjson(chain));
    await expect(verifyExportFile(path, head)).resolves.toMatchObject({ ok: true, events: 20 });
    await expect(verifyExportFile(path, { seq: 9, hash: chain[8]!.hash })).resolves.toMatchObject({
      ok: true,
      headSeq: 20,
    });
    await expect(verifyExportFile(file(ndjson(chain.slice(0, 12))), head)).resolves.toEqual({
      ok: false,
      line: 13,
      seq: 20,
      reason: 'does not pass through the expected head',
    });
  });

  it('names an unparsable line', async () => {
    const lines = ndjson(chain).split('\n');
    lines[4] = lines[4]!.slice(0, 40);
    const result = await verifyExportFile(file(lines.join('\n')));
    expect(result).toMatchObject({ ok: false, line: 5, seq: null });
    expect(result).toHaveProperty('reason', expect.stringMatching(/^unparsable line/));
  });

  it('refuses an empty line between events', async () => {
    const text = ndjson(chain.slice(0, 3)) + '\n' + ndjson(chain.slice(3));
    await expect(verifyExportFile(file(text))).resolves.toEqual({
      ok: false,
      line: 4,
      seq: null,
      reason: 'unparsable line: empty',
    });
  });

  it.each<[string, (e: ChainedAuditEvent) => object, number | null]>([
    ['a missing field', ({ actorName: _a, ...e }) => e, 3],
    ['a mistyped seq', (e) => ({ ...e, seq: String(e.seq) }), null],
    ['a mistyped data', (e) => ({ ...e, data: [] }), 3],
    ['an upper-case hash', (e) => ({ ...e, hash: e.hash.toUpperCase() }), 3],
    ['a field outside the hash', (e) => ({ ...e, approvedBy: 'the mayor' }), 3],
    ['an array instead of an object', (e) => [e], null],
  ])('refuses a line with %s as a malformed event', async (_name, spoil, seq) => {
    const spoilt = chain.map((e) => (e.seq === 3 ? spoil(e) : e));
    const result = await verifyExportFile(file(ndjson(spoilt)));
    expect(result).toMatchObject({ ok: false, line: 3, seq });
    expect(result).toHaveProperty('reason', expect.stringMatching(/^malformed event: /));
  });

  it('fails (rejects) when the file cannot be read', async () => {
    await expect(verifyExportFile(join(dir, 'missing.jsonl'))).rejects.toThrow(/ENOENT/);
  });
});
