import { runLoad } from '../lib/api';
import {
  actorOf,
  heapMb,
  sleep,
  waitForQuiet,
  waitUntilSequenced,
  WaitSampler,
  type Bench,
} from '../lib/bench';
import { filingBodies } from '../lib/generate';
import { CpuMeter, rssMb, RssSampler, type CpuUse } from '../lib/processes';
import { ms, perSecond, ratio } from '../lib/report';
import { BENCH_REDIS_URL } from '../lib/resources';
import { fmt, summarise } from '../lib/stats';
import type { LoadResult, PgFilingLoad } from '../load-child';

/**
 * Filing at 32 concurrent clients, against the same rows written with `pg` at the same
 * concurrency; the API's memory at rest and under this load. The workers run meanwhile, as in
 * production: every filed case is routed and announced while the next ones are filed.
 */
export async function filingScenario(
  bench: Bench,
  what: { filing: boolean; memory: boolean },
): Promise<void> {
  const { scale } = bench;
  const bodies = filingBodies(bench.world, 64, 11);
  const buyer = actorOf(bench, 'buyer');

  const rawLoad = (chain: boolean): PgFilingLoad => ({
    mode: 'pg-filing',
    databaseUrl: bench.databaseUrl,
    connections: scale.filingConnections,
    seconds: scale.filingSeconds,
    chain,
    actor: { id: buyer.id, role: buyer.role, name: buyer.name, unitId: buyer.organisationUnitId! },
    bodies,
  });
  const filingLoad = () =>
    runLoad(bench.processes, {
      mode: 'http',
      url: bench.api.base,
      method: 'POST',
      paths: ['/api/v1/cases'],
      bodies: bodies.map((b) => JSON.stringify(b)),
      headers: {
        authorization: `Bearer ${bench.tokens.buyer}`,
        'content-type': 'application/json',
      },
      connections: scale.filingConnections,
      seconds: scale.filingSeconds,
    });
  // The raw baseline; and, for what the audit costs Brug, Brug itself without the audit write.
  let raw: LoadResult | undefined;
  let rawWaiting: Awaited<ReturnType<WaitSampler['stop']>> | undefined;
  let withoutAudit: LoadResult | undefined;
  let rawCpu: CpuUse | undefined;
  const apiPid = bench.processes.pid('api');
  const workerPid = bench.processes.pid('worker');
  if (what.filing) {
    const rawWaits = new WaitSampler(bench.db);
    const meter = new CpuMeter({ api: apiPid, worker: workerPid });
    raw = await runLoad(bench.processes, rawLoad(true));
    rawCpu = meter.stop();
    rawWaiting = await rawWaits.stop();
    await waitForQuiet(bench, scale.drainTimeoutSeconds * 1000);
    await waitUntilSequenced(bench.db, scale.drainTimeoutSeconds * 1000);
    withoutAudit = await withoutAuditWrite(bench, filingLoad);
  }
  await sleep(2000);
  const rest = rssMb(apiPid);
  const restWorker = rssMb(workerPid);
  const heapBefore = await heapMb(bench);
  const sampler = new RssSampler([apiPid, workerPid], 100);
  const waits = new WaitSampler(bench.db);
  const meter = new CpuMeter({ api: apiPid, worker: workerPid });
  let brug;
  let peaks: Map<number, number>;
  const loadFrom = await dbNow(bench);
  try {
    brug = await filingLoad();
  } finally {
    peaks = sampler.stop();
  }
  const loadTo = await dbNow(bench);
  const waiting = await waits.stop();
  const heapAfter = await heapMb(bench);
  const drainMs = await waitForQuiet(bench, scale.drainTimeoutSeconds * 1000);
  // Until the workers are done: the routing and announcing of every filed case count too.
  const brugCpu = meter.stop();
  const peakApi = peaks.get(apiPid)!;
  const peakWorker = peaks.get(workerPid)!;
  const errors = brug.errors + brug.non2xx;

  if (raw && rawWaiting && withoutAudit) {
    bench.report.add({
      scenario: 'filing',
      what: `POST /cases, ${scale.filingConnections} clients, ${scale.filingSeconds} s`,
      brug:
        `${perSecond(brug.perSecond, 'cases')}, p50 ${ms(brug.latency.p50)} / p99 ${ms(brug.latency.p99)}, ` +
        `${errors} errors; sessions waiting for an audit lock: ${fmt(waiting.advisory)} on average, ` +
        `at most ${waiting.advisoryMax} (${waiting.samples} samples)`,
      baseline:
        `${perSecond(raw.perSecond, 'cases')}, p50 ${ms(raw.latency.p50)} / p99 ${ms(raw.latency.p99)} ` +
        `(pg, one transaction a case with its audit event; waiting for an audit lock: ${fmt(rawWaiting.advisory)})`,
      ratio: `${ratio(brug.perSecond / raw.perSecond)} (cases/s)`,
      data: {
        brug,
        baseline: raw,
        workflowCaughtUpMs: drainMs,
        waiting,
        baselineWaiting: rawWaiting,
      },
    });
    bench.report.add({
      scenario: 'filing',
      what: 'Brug with the audit write / Brug without it (a bench-only trigger drops the audit rows)',
      brug: `${perSecond(brug.perSecond, 'cases')}, p50 ${ms(brug.latency.p50)} / p99 ${ms(brug.latency.p99)} (with)`,
      baseline:
        `${perSecond(withoutAudit.perSecond, 'cases')}, p50 ${ms(withoutAudit.latency.p50)} / ` +
        `p99 ${ms(withoutAudit.latency.p99)} (without: no audit rows, no sequencing)`,
      ratio: `with / without ${ratio(brug.perSecond / withoutAudit.perSecond)}`,
      data: { withAudit: brug, withoutAudit },
    });
    bench.report.goal(
      'Filing: no session waits for an audit lock',
      `at most ${waiting.advisoryMax} sessions waiting for an advisory lock in ${waiting.samples} samples`,
      waiting.advisoryMax === 0,
    );
    bench.report.goal(
      'Filing with the audit at least 0.9 of Brug’s own filing without it',
      `${perSecond(brug.perSecond, 'cases')} vs ${perSecond(withoutAudit.perSecond, 'cases')} (${fmt(brug.perSecond / withoutAudit.perSecond, 2)})`,
      brug.perSecond >= 0.9 * withoutAudit.perSecond,
    );
    await sequencingDelay(bench, loadFrom, loadTo);
    const perCase = (cpu: CpuUse, cases: number, parts: [string, number][]) =>
      parts
        .map(([name, total]) => `${name} ${ms(total / cases)}`)
        .concat(
          `the whole machine ${ms(cpu.machine / cases)} (${fmt(100 * cpu.machineShare)} % busy)`,
        )
        .join(', ');
    const brugCases = brug.requests;
    const rawCases = raw.requests;
    bench.report.add({
      scenario: 'filing',
      what: 'CPU per filed case (information: where the cores go)',
      brug: perCase(brugCpu, brugCases, [
        ['API', brugCpu.processes.api!],
        ['workers', brugCpu.processes.worker!],
        ['PostgreSQL', brugCpu.postgres],
        ['Redis', brugCpu.redis],
      ]),
      baseline: perCase(rawCpu!, rawCases, [
        ['PostgreSQL', rawCpu!.postgres],
        ['Brug’s idle API and workers', rawCpu!.processes.api! + rawCpu!.processes.worker!],
      ]),
      ratio: `machine CPU per case ${ratio(brugCpu.machine / brugCases / (rawCpu!.machine / rawCases))}`,
      data: { brug: brugCpu, baseline: rawCpu },
    });
    bench.report.goal(
      'Filing: machine CPU per filed case at most ×2 the raw baseline’s',
      `${ms(brugCpu.machine / brugCases)} vs ${ms(rawCpu!.machine / rawCases)} ` +
        `(×${fmt(brugCpu.machine / brugCases / (rawCpu!.machine / rawCases), 2)})`,
      brugCpu.machine / brugCases <= 2 * (rawCpu!.machine / rawCases),
    );
    bench.report.note(
      `After the filing load the workers needed ${fmt(drainMs / 1000)} s more to route and announce every filed case.`,
    );
    bench.report.goal(
      'Filing: no errors',
      `${errors} errors or non-2xx answers in ${fmt(brug.requests + errors)} requests`,
      errors === 0,
    );
    bench.report.goal(
      'Filing: at least 50 % of the raw baseline’s throughput',
      `${perSecond(brug.perSecond, 'cases')} vs ${perSecond(raw.perSecond, 'cases')} (${fmt((100 * brug.perSecond) / raw.perSecond)} %)`,
      brug.perSecond >= 0.5 * raw.perSecond,
    );
    bench.report.goal(
      'Filing: p99 under 100 ms',
      `p99 ${ms(brug.latency.p99)}`,
      brug.latency.p99 < 100,
    );
  }
  if (what.memory) {
    bench.report.add({
      scenario: 'memory',
      what: 'API RSS at rest',
      brug:
        `${fmt(bench.restRssMb.afterStart)} MB after start; ${fmt(bench.restRssMb.afterSignIns)} MB after ` +
        `${Object.keys(bench.tokens).length} sign-ins; ${fmt(rest)} MB before the filing load, ` +
        `after sign-ins and the read scenarios (V8 heap ${fmt(heapBefore.heapUsed)} MB used of ` +
        `${fmt(heapBefore.heapTotal)} MB); worker ${fmt(restWorker)} MB`,
      baseline: '—',
      ratio: '—',
      data: {
        afterStartMb: bench.restRssMb.afterStart,
        afterStartHeapMb: bench.restRssMb.heap,
        afterSignInsMb: bench.restRssMb.afterSignIns,
        beforeFilingMb: rest,
        beforeFilingHeapMb: heapBefore,
        workerMb: restWorker,
      },
    });
    bench.report.add({
      scenario: 'memory',
      what: `API RSS under the filing load (${scale.filingConnections} clients)`,
      brug:
        `peak ${fmt(peakApi)} MB (worker peak ${fmt(peakWorker)} MB); API V8 heap ` +
        `${fmt(heapAfter.heapUsed)} MB used of ${fmt(heapAfter.heapTotal)} MB after it`,
      baseline: '—',
      ratio: '—',
      data: { peakApiMb: peakApi, peakWorkerMb: peakWorker, heapAfterLoadMb: heapAfter },
    });
    bench.report.goal(
      'API RSS under load under 250 MB',
      `peak ${fmt(peakApi)} MB under the filing load`,
      peakApi < 250,
    );
  }
}

const dbNow = async (bench: Bench): Promise<Date> =>
  (await bench.db.query<{ now: Date }>('SELECT clock_timestamp() AS now')).rows[0]!.now;

/**
 * Runs a load with Brug's audit rows dropped: a bench-only BEFORE INSERT trigger on
 * `audit_events` that returns NULL, so the API still builds and sends each event but nothing is
 * stored, indexed, logged to the WAL or sequenced. Removed again before anything else runs.
 */
async function withoutAuditWrite(
  bench: Bench,
  load: () => Promise<LoadResult>,
): Promise<LoadResult> {
  await bench.db.query(
    `CREATE FUNCTION bench_skip_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`,
  );
  await bench.db.query(
    `CREATE TRIGGER bench_skip_audit BEFORE INSERT ON audit_events
       FOR EACH ROW EXECUTE FUNCTION bench_skip_audit()`,
  );
  try {
    const result = await load();
    await waitForQuiet(bench, bench.scale.drainTimeoutSeconds * 1000);
    return result;
  } finally {
    await bench.db.query('DROP TRIGGER bench_skip_audit ON audit_events');
    await bench.db.query('DROP FUNCTION bench_skip_audit()');
  }
}

/** From an event's commit (its occurred_at is taken just before) to its leaf, under the load. */
async function sequencingDelay(bench: Bench, from: Date, to: Date): Promise<void> {
  await waitUntilSequenced(bench.db, bench.scale.drainTimeoutSeconds * 1000);
  const [r] = (
    await bench.db.query<{ n: number; p50: number; p95: number; p99: number; max: number }>(
      `SELECT count(*)::int AS n,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY d) AS p50,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY d) AS p95,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY d) AS p99, max(d) AS max
         FROM (SELECT extract(epoch FROM sequenced_at - occurred_at)::float8 * 1000 AS d
                 FROM audit_events WHERE occurred_at BETWEEN $1 AND $2) t`,
      [from, to],
    )
  ).rows;
  if (!r || r.n === 0) throw new Error('No audit events were written during the filing load');
  bench.report.add({
    scenario: 'audit sequencing',
    what: `commit → leaf in a signed checkpoint, the ${fmt(r.n)} events written during the filing load`,
    brug: `p50 ${ms(r.p50)} / p95 ${ms(r.p95)} / p99 ${ms(r.p99)}, max ${ms(r.max)}`,
    baseline: `the sequencer's poll interval: ${ms(AUDIT_SEQUENCER_POLL_MS)}`,
    ratio: `${ratio(r.p95 / AUDIT_SEQUENCER_POLL_MS)} (p95)`,
    data: r,
  });
  bench.report.goal(
    'Audit sequencing delay p95 under 1 s during the filing load',
    `p95 ${ms(r.p95)} over ${fmt(r.n)} events`,
    r.p95 < 1000,
  );
}

/** AUDIT_SEQUENCER_POLL_MS as the bench runs Brug (the default). */
const AUDIT_SEQUENCER_POLL_MS = 200;

/** filed → routed at a steady rate, against a bare BullMQ add → processed round trip. */
export async function routingScenario(bench: Bench): Promise<void> {
  const { scale } = bench;
  await waitForQuiet(bench, scale.drainTimeoutSeconds * 1000);
  const bodies = filingBodies(bench.world, 64, 23);
  const waits = new WaitSampler(bench.db);
  const load = await runLoad(bench.processes, {
    mode: 'http',
    url: bench.api.base,
    method: 'POST',
    paths: ['/api/v1/cases'],
    bodies: bodies.map((b) => JSON.stringify(b)),
    headers: { authorization: `Bearer ${bench.tokens.buyer}`, 'content-type': 'application/json' },
    connections: 8,
    seconds: scale.routingSeconds,
    rate: scale.routingRate,
    collectIds: true,
  });
  const waiting = await waits.stop();
  if (load.errors || load.non2xx)
    throw new Error(`Routing load: ${load.errors} errors, ${load.non2xx} non-2xx`);
  const filed = load.ids!;
  const ids = filed.map((f) => f.id);
  const deadline = Date.now() + scale.drainTimeoutSeconds * 1000;
  for (;;) {
    const [{ n }] = (
      await bench.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM cases WHERE id = ANY($1::uuid[]) AND status = 'filed'`,
        [ids],
      )
    ).rows as [{ n: number }];
    if (n === 0) break;
    if (Date.now() > deadline)
      throw new Error(`${n} of ${ids.length} cases were not routed in time`);
    await sleep(250);
  }
  const { rows } = await bench.db.query<{
    id: string;
    filed: number;
    routed: number;
    event: number;
  }>(
    `SELECT c.id, extract(epoch FROM c.filed_at)::float8 * 1000 AS filed,
            extract(epoch FROM c.routed_at)::float8 * 1000 AS routed,
            (SELECT extract(epoch FROM a.occurred_at)::float8 * 1000 FROM audit_events a
              WHERE a.case_id = c.id AND a.action = 'case.transitioned'
                AND a.data::jsonb ->> 'to' = 'routed' ORDER BY a.seq LIMIT 1) AS event
       FROM cases c WHERE c.id = ANY($1::uuid[])`,
    [ids],
  );
  const published = new Map(
    (
      await bench.db.query<{ id: string; at: number }>(
        `SELECT payload->>'caseId' AS id, extract(epoch FROM published_at)::float8 * 1000 AS at
           FROM outbox_events WHERE type = 'case.filed' AND payload->>'caseId' = ANY($1::text[])`,
        [ids],
      )
    ).rows.map((r) => [r.id, r.at]),
  );
  const answeredAt = new Map(filed.map((f) => [f.id, f.at]));
  // Where the time goes: the 201 → the relay's publishing, and publishing → routed.
  const toPublished = summarise(rows.map((r) => published.get(r.id)! - answeredAt.get(r.id)!));
  const publishedToRouted = summarise(rows.map((r) => r.event - published.get(r.id)!));
  // From the 201 the client received to the routing's audit event, written just before its commit.
  const fromAnswer = summarise(rows.map((r) => r.event - answeredAt.get(r.id)!));
  const filedToRouted = summarise(rows.map((r) => r.routed - r.filed));

  const bare = await runLoad(bench.processes, {
    mode: 'bullmq',
    redisUrl: BENCH_REDIS_URL,
    prefix: `${bench.redisPrefix}-bare`,
    rate: scale.routingRate,
    seconds: scale.bullmqSeconds,
    concurrency: 5,
  });
  bench.report.add({
    scenario: 'routing latency',
    what:
      `201 → routed, ${fmt(ids.length)} cases filed at ${fmt(load.perSecond)}/s ` +
      `(steady, target ${scale.routingRate}/s) for ${scale.routingSeconds} s`,
    brug:
      `p50 ${ms(fromAnswer.p50)} / p95 ${ms(fromAnswer.p95)} / p99 ${ms(fromAnswer.p99)} ` +
      `(201 → published by the relay p50 ${ms(toPublished.p50)}, published → routed p50 ${ms(publishedToRouted.p50)}; ` +
      `the filings themselves p50 ${ms(load.latency.p50)}, sessions waiting for the audit lock ${fmt(waiting.advisory)} on average)`,
    baseline: `p50 ${ms(bare.latency.p50)} / p95 ${ms(bare.latency.p95)} / p99 ${ms(bare.latency.p99)} (bare BullMQ add → processed)`,
    ratio: `${ratio(fromAnswer.p95 / bare.latency.p95)} (p95)`,
    data: {
      cases: ids.length,
      fromAnswer,
      filedToRouted,
      answerToPublished: toPublished,
      publishedToRouted,
      filing: { ...load, ids: undefined },
      waiting,
      baseline: bare,
    },
  });
  bench.report.goal(
    'Routing: p95 under 100 ms from the 201 to routed',
    `p95 ${ms(fromAnswer.p95)} (filed_at → routed_at p95 ${ms(filedToRouted.p95)})`,
    fromAnswer.p95 < 100,
  );
}
