import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { to as copyTo } from 'pg-copy-streams';
import { canonicalJson } from '../../src/audit/canonical-json';
import type { ChainedAuditEvent } from '../../src/audit/hash-chain';
import type { Bench } from '../lib/bench';
import { rssMb, RssSampler } from '../lib/processes';
import { perSecond, ratio } from '../lib/report';
import { fmt } from '../lib/stats';

export interface AuditRow {
  seq: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_role: string;
  actor_name: string;
  action: string;
  subject_type: string;
  subject_id: string;
  case_id: string | null;
  data: string;
  prev_hash: string;
  hash: string;
}

/** The chained event of a row of `audit_events`, as Brug hashes and verifies it. */
export function chainedEventOf(r: AuditRow): ChainedAuditEvent {
  return {
    seq: Number(r.seq),
    occurredAt: r.occurred_at.toISOString(),
    actorId: r.actor_id,
    actorRole: r.actor_role,
    actorName: r.actor_name,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    caseId: r.case_id,
    data: JSON.parse(r.data) as Record<string, unknown>,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/**
 * The raw limit of verification: SHA-256 over exactly the bytes Brug hashes for each event
 * (prevHash and the canonical JSON of its ten fields), in a plain loop. The bytes are prepared
 * beforehand, batch by batch, untimed; only the hashing is timed. Every hash is compared with
 * the stored one afterwards, so these are provably the same bytes.
 */
async function hashBaseline(bench: Bench): Promise<{ events: number; seconds: number }> {
  let after = 0;
  let events = 0;
  let timed = 0;
  for (;;) {
    const { rows } = await bench.db.query<AuditRow>(
      `SELECT seq, occurred_at, actor_id, actor_role, actor_name, action, subject_type, subject_id,
              case_id, data, prev_hash, hash
         FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT 20000`,
      [after],
    );
    if (rows.length === 0) break;
    const bytes = rows.map((r) => {
      const { prevHash, hash: _hash, ...content } = chainedEventOf(r);
      return Buffer.from(prevHash + canonicalJson(content), 'utf8');
    });
    const hashes = new Array<string>(bytes.length);
    const t0 = performance.now();
    for (let i = 0; i < bytes.length; i++) {
      hashes[i] = createHash('sha256').update(bytes[i]!).digest('hex');
    }
    timed += performance.now() - t0;
    rows.forEach((r, i) => {
      if (hashes[i] !== r.hash)
        throw new Error(`Baseline hash of event ${r.seq} differs from the stored one`);
    });
    events += rows.length;
    after = Number(rows[rows.length - 1]!.seq);
  }
  return { events, seconds: timed / 1000 };
}

export async function verifyScenario(bench: Bench): Promise<void> {
  const [{ n: events }] = (
    await bench.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events')
  ).rows as [{ n: number }];
  const { body, ms: took } = await bench.api.get<{
    valid: boolean;
    events: number;
    reason?: string;
  }>('/api/v1/audit/verify', bench.tokens.auditor, 600_000);
  if (!body.valid || body.events !== events) {
    throw new Error(`Verification says ${JSON.stringify(body)} for ${events} events`);
  }
  const rate = events / (took / 1000);
  const base = await hashBaseline(bench);
  const baseRate = base.events / base.seconds;
  bench.report.add({
    scenario: 'audit verify',
    what: `GET /audit/verify over ${fmt(events)} events`,
    brug: `${perSecond(rate, 'events')} (${fmt(took / 1000)} s, valid)`,
    baseline: `${perSecond(baseRate, 'events')} (SHA-256 of the same bytes)`,
    ratio: ratio(rate / baseRate),
    data: {
      events,
      ms: took,
      eventsPerSecond: rate,
      baseline: { ...base, eventsPerSecond: baseRate },
    },
  });
  bench.report.goal(
    'Audit verify: at least 200,000 events/s',
    `${perSecond(rate, 'events')} over ${fmt(events)} events`,
    rate >= 200_000,
  );
}

/** Streams a GET to nowhere, counting bytes and lines. */
function download(
  url: string,
  token: string,
): Promise<{ bytes: number; lines: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`Export answered ${res.statusCode}`));
        res.resume();
        return;
      }
      let bytes = 0;
      let lines = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      });
      res.on('end', () => resolve({ bytes, lines, ms: performance.now() - t0 }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export async function exportScenario(bench: Bench): Promise<void> {
  const [{ n: events }] = (
    await bench.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events')
  ).rows as [{ n: number }];
  const apiPid = bench.processes.pid('api');
  const before = rssMb(apiPid);
  const sampler = new RssSampler([apiPid], 25);
  let result: { bytes: number; lines: number; ms: number };
  let peaks: Map<number, number>;
  try {
    result = await download(`${bench.api.base}/api/v1/audit/export`, bench.tokens.auditor);
  } finally {
    peaks = sampler.stop();
  }
  const peak = peaks.get(apiPid)!;
  if (result.lines !== events)
    throw new Error(`The export has ${result.lines} lines for ${events} events`);
  const mbps = result.bytes / 1e6 / (result.ms / 1000);

  // The raw limit: the table itself, COPY … TO STDOUT, to nowhere.
  let rawBytes = 0;
  const t0 = performance.now();
  await pipeline(
    bench.db.query(copyTo('COPY audit_events TO STDOUT')),
    new Writable({
      write(chunk: Buffer, _enc, done) {
        rawBytes += chunk.length;
        done();
      },
    }),
  );
  const rawMs = performance.now() - t0;
  const rawMbps = rawBytes / 1e6 / (rawMs / 1000);
  bench.report.add({
    scenario: 'audit export',
    what: `GET /audit/export of ${fmt(events)} events (NDJSON)`,
    brug:
      `${fmt(mbps)} MB/s (${fmt(result.bytes / 1e6)} MB in ${fmt(result.ms / 1000)} s), ` +
      `API peak RSS ${fmt(peak)} MB (+${fmt(peak - before)} MB)`,
    baseline: `${fmt(rawMbps)} MB/s (COPY audit_events TO STDOUT, ${fmt(rawBytes / 1e6)} MB)`,
    ratio: ratio(mbps / rawMbps),
    data: {
      events,
      bytes: result.bytes,
      ms: result.ms,
      mbPerSecond: mbps,
      rssBeforeMb: before,
      rssPeakMb: peak,
      baseline: { bytes: rawBytes, ms: rawMs, mbPerSecond: rawMbps },
    },
  });
  bench.report.goal(
    'Audit export in constant memory (API RSS grows less than 64 MB while streaming)',
    `+${fmt(peak - before)} MB (peak ${fmt(peak)} MB) while streaming ${fmt(result.bytes / 1e6)} MB`,
    peak - before < 64,
  );
}
