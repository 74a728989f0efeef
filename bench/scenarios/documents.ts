import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Bench } from '../lib/bench';
import { RssSampler, rssMb } from '../lib/processes';
import { perSecond, ratio } from '../lib/report';
import { fmt } from '../lib/stats';

/** The API's memory may grow by at most this much while it streams a large document. */
const MEMORY_GROWTH_LIMIT_MB = 64;
const BLOCK = 4 * 1024 * 1024;

/**
 * The bytes of the document: a PDF header (what `file-type` recognises), then a block of
 * random bytes repeated up to `size` (the hashing and the disk see every byte; generating
 * them costs the bench next to nothing). Given out in 4 MiB chunks.
 */
function* contentChunks(size: number, block: Buffer): Generator<Buffer> {
  const head = Buffer.from(`%PDF-1.4\n% brug bench ${randomBytes(8).toString('hex')}\n`);
  yield head;
  let left = size - head.length;
  while (left > 0) {
    const n = Math.min(left, block.length);
    yield n === block.length ? block : block.subarray(0, n);
    left -= n;
  }
}

/** Writes to a node stream with back-pressure. */
async function writeAll(out: NodeJS.WritableStream, chunks: Iterable<Buffer>): Promise<void> {
  for (const chunk of chunks) {
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
}

/** The raw baseline: the same bytes written to the same disk and fsynced, as Brug does. */
async function rawWrite(path: string, size: number, block: Buffer): Promise<number> {
  const t0 = performance.now();
  const out = createWriteStream(path);
  await writeAll(out, contentChunks(size, block));
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
  const handle = await open(path, 'r+');
  await handle.sync();
  await handle.close();
  return (performance.now() - t0) / 1000;
}

async function rawRead(path: string): Promise<number> {
  const t0 = performance.now();
  const hash = createHash('sha256');
  await pipeline(createReadStream(path, { highWaterMark: 1024 * 1024 }), hash);
  return (performance.now() - t0) / 1000;
}

/** `POST /cases/{id}/documents` as multipart, streamed from the generator. */
function uploadThroughApi(
  base: string,
  token: string,
  caseId: string,
  size: number,
  block: Buffer,
): Promise<{ seconds: number; status: number; body: string }> {
  const boundary = `bench${randomBytes(8).toString('hex')}`;
  const fields = {
    title: 'Bench: a large document',
    kind: 'other',
    direction: 'internal',
    visibility: 'internal',
  };
  const head =
    Object.entries(fields)
      .map(
        ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
      )
      .join('') +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(`${base}/api/v1/cases/${caseId}/documents`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () =>
        resolve({ seconds: (performance.now() - t0) / 1000, status: res.statusCode ?? 0, body }),
      );
    });
    void (async () => {
      req.write(head);
      await writeAll(req, contentChunks(size, block));
      req.end(tail);
    })().catch(reject);
  });
}

/** The content read back through the API, hashed as it arrives. */
async function downloadThroughApi(
  base: string,
  path: string,
  token: string,
): Promise<{ seconds: number; bytes: number; sha256: string }> {
  const t0 = performance.now();
  const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200 || !res.body) throw new Error(`Download answered ${res.status}`);
  const hash = createHash('sha256');
  let bytes = 0;
  await res.body.pipeTo(
    Writable.toWeb(
      new Writable({
        write(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          hash.update(chunk);
          done();
        },
      }),
    ),
  );
  return { seconds: (performance.now() - t0) / 1000, bytes, sha256: hash.digest('hex') };
}

/**
 * Issue 16, acceptance 5: a large document (`scale.documentBytes`, 1 GB in full) uploaded as
 * multipart and downloaded through the API with the `fs` store, while the API's resident memory
 * is sampled; beside it, the same bytes written (and fsynced) and read by the bench itself in
 * the same directory. Goals: the API grows by less than 64 MB, and uploads at least half the
 * disk's raw write speed.
 */
export async function documentsScenario(bench: Bench, documentDir: string): Promise<void> {
  const size = bench.scale.documentBytes;
  const block = randomBytes(BLOCK);
  const baselineDir = join(documentDir, '..', 'raw-baseline');
  mkdirSync(baselineDir, { recursive: true });
  const rawFile = join(baselineDir, 'raw.bin');
  const mb = size / 1e6;
  try {
    const rawWriteSeconds = await rawWrite(rawFile, size, block);
    const rawReadSeconds = await rawRead(rawFile);
    rmSync(rawFile, { force: true });

    const { rows } = await bench.db.query<{ id: string }>(
      'SELECT id FROM cases ORDER BY filed_at DESC LIMIT 1',
    );
    const caseId = rows[0]!.id;
    const pid = bench.processes.pid('api');
    const token = bench.tokens.staff;
    const base = bench.api.base;

    const before = rssMb(pid);
    let sampler = new RssSampler([pid], 25);
    const up = await uploadThroughApi(base, token, caseId, size, block);
    const upPeak = sampler.stop().get(pid) ?? before;
    if (up.status !== 201)
      throw new Error(`Upload answered ${up.status}: ${up.body.slice(0, 300)}`);
    const document = JSON.parse(up.body) as { id: string; latest: { sha256: string } };

    const beforeDown = rssMb(pid);
    sampler = new RssSampler([pid], 25);
    const down = await downloadThroughApi(
      base,
      `/api/v1/cases/${caseId}/documents/${document.id}/versions/1/content`,
      token,
    );
    const downPeak = sampler.stop().get(pid) ?? beforeDown;
    if (down.bytes !== size || down.sha256 !== document.latest.sha256) {
      throw new Error(`The download gave ${down.bytes} bytes, not the ${size} uploaded`);
    }

    const upRate = mb / up.seconds;
    const rawWriteRate = mb / rawWriteSeconds;
    const downRate = mb / down.seconds;
    const rawReadRate = mb / rawReadSeconds;
    const upGrowth = upPeak - before;
    const downGrowth = downPeak - beforeDown;
    bench.report.add({
      scenario: 'documents',
      what: `upload of ${fmt(mb / 1000, 2)} GB (multipart, fs store)`,
      brug: `${perSecond(upRate, 'MB')} (${fmt(up.seconds)} s); API RSS +${fmt(upGrowth)} MB (peak ${fmt(upPeak)} MB)`,
      baseline: `${perSecond(rawWriteRate, 'MB')} written + fsync by the bench, same directory`,
      ratio: ratio(upRate / rawWriteRate),
      data: {
        bytes: size,
        upSeconds: up.seconds,
        rawWriteSeconds,
        beforeMb: before,
        peakMb: upPeak,
      },
    });
    bench.report.add({
      scenario: 'documents',
      what: `download of ${fmt(mb / 1000, 2)} GB`,
      brug: `${perSecond(downRate, 'MB')} (${fmt(down.seconds)} s); API RSS +${fmt(downGrowth)} MB (peak ${fmt(downPeak)} MB)`,
      baseline: `${perSecond(rawReadRate, 'MB')} read + hashed by the bench`,
      ratio: ratio(downRate / rawReadRate),
      data: {
        bytes: size,
        downSeconds: down.seconds,
        rawReadSeconds,
        beforeMb: beforeDown,
        peakMb: downPeak,
      },
    });
    bench.report.goal(
      `Documents: API memory grows < ${MEMORY_GROWTH_LIMIT_MB} MB over a ${fmt(mb / 1000, 2)} GB upload and download`,
      `+${fmt(upGrowth)} MB up, +${fmt(downGrowth)} MB down`,
      upGrowth < MEMORY_GROWTH_LIMIT_MB && downGrowth < MEMORY_GROWTH_LIMIT_MB,
    );
    bench.report.goal(
      'Documents: upload at least 50 % of the disk’s raw write speed',
      `${perSecond(upRate, 'MB')} vs ${perSecond(rawWriteRate, 'MB')} (${fmt((100 * upRate) / rawWriteRate)} %)`,
      upRate >= 0.5 * rawWriteRate,
    );
  } finally {
    rmSync(baselineDir, { recursive: true, force: true });
    rmSync(documentDir, { recursive: true, force: true });
  }
}
