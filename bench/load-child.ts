import { Agent, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { Queue, Worker } from 'bullmq';
import { Client } from 'pg';
import { canonicalJson } from '../src/audit/canonical-json';
import { dataHashOf } from '../src/audit/leaf';
import type { FilingBody } from './lib/generate';
import { summarise, type LatencySummary } from './lib/stats';

/**
 * The load generator: a process apart from the bench and from Brug, so that neither measures its
 * own load. Reads one job (JSON) on stdin and prints its result as the last line on stdout.
 */

export interface HttpLoad {
  mode: 'http';
  url: string;
  method: 'GET' | 'POST';
  paths: string[];
  bodies?: string[];
  headers: Record<string, string>;
  connections: number;
  seconds: number;
  /**
   * Requests per second, sent at evenly spaced moments (request n at n / rate s) whatever the
   * answers, on at most `connections` keep-alive connections; unset: as fast as possible.
   */
  rate?: number;
  /** Collect the `id` of every 2xx body, with the moment it arrived (ms since the epoch). */
  collectIds?: boolean;
}

export interface PgFilingLoad {
  mode: 'pg-filing';
  databaseUrl: string;
  connections: number;
  seconds: number;
  /** Write the case's audit event as Brug does (no lock; the baseline); false: leave it out. */
  chain: boolean;
  actor: { id: string; role: string; name: string; unitId: string };
  bodies: FilingBody[];
}

export interface BullmqLoad {
  mode: 'bullmq';
  redisUrl: string;
  prefix: string;
  rate: number;
  seconds: number;
  concurrency: number;
}

export type Load = HttpLoad | PgFilingLoad | BullmqLoad;

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  latency: LatencySummary;
  errors: number;
  non2xx: number;
  statuses: Record<string, number>;
  ids?: { id: string; at: number }[];
}

async function http(load: HttpLoad): Promise<LoadResult> {
  if (load.rate) return paced(load, load.rate);
  const samples: number[] = [];
  const ids: { id: string; at: number }[] = [];
  let k = 0;
  const request: autocannon.Request = {
    method: load.method,
    path: load.paths[0],
    body: load.bodies?.[0],
    headers: load.headers,
  };
  if (load.paths.length > 1 || (load.bodies?.length ?? 0) > 1) {
    request.setupRequest = (req) => {
      const n = k++;
      return {
        ...req,
        path: load.paths[n % load.paths.length],
        body: load.bodies ? load.bodies[n % load.bodies.length] : undefined,
      };
    };
  }
  if (load.collectIds) {
    request.onResponse = (status, body) => {
      if (status >= 200 && status < 300) {
        ids.push({ id: (JSON.parse(body) as { id: string }).id, at: Date.now() });
      }
    };
  }
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: load.url,
        connections: load.connections,
        duration: load.seconds,
        overallRate: load.rate,
        timeout: 30,
        requests: [request],
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status >= 200 && status < 300) samples.push(ms);
    });
  });
  const seconds = (performance.now() - started) / 1000;
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]),
  );
  return {
    requests: samples.length,
    seconds,
    perSecond: samples.length / seconds,
    latency: summarise(samples),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statuses,
    ids: load.collectIds ? ids : undefined,
  };
}

/**
 * The raw limit of filing: the rows Brug writes for a filed case (the case, its domains, its
 * status change, its outbox event and its audit event), each case one transaction, on
 * `connections` connections at once, with nothing in between. The audit event is written as
 * Brug writes it since issue 15 (no lock; the sequencer makes it a leaf). The outbox row is written already
 * published, so the workers do not route these cases while the baseline runs.
 */
async function pgFiling(load: PgFilingLoad): Promise<LoadResult> {
  const samples: number[] = [];
  let errors = 0;
  const deadline = performance.now() + load.seconds * 1000;
  const started = performance.now();
  let k = 0;
  const worker = async (): Promise<void> => {
    const db = new Client({
      connectionString: load.databaseUrl,
      application_name: 'brug-bench-raw',
    });
    await db.connect();
    try {
      while (performance.now() < deadline) {
        const body = load.bodies[k++ % load.bodies.length]!;
        const t0 = performance.now();
        try {
          await db.query('BEGIN');
          const { rows } = await db.query<{
            id: string;
            reference: string;
            version: number;
            description: string;
            tender_reference: string | null;
            deadline: string | null;
          }>(
            `INSERT INTO cases (reference, title, description, tender_reference, procurement_stage,
                                estimated_value_cents, priority, deadline, organisation_unit_id, filed_by_id)
             VALUES (next_case_reference(now()), $1, $2, NULL, $3, $4, $5, NULL, $6, $7)
             RETURNING id, reference, version, description, tender_reference, deadline`,
            [
              body.title,
              body.description,
              body.procurementStage,
              body.estimatedValueCents,
              body.priority,
              load.actor.unitId,
              load.actor.id,
            ],
          );
          const created = rows[0]!;
          await db.query(
            `INSERT INTO case_domains (case_id, domain_code, role)
             SELECT $1, code, role FROM unnest($2::text[], $3::text[]) AS d(code, role)`,
            [created.id, body.domains.map((d) => d.code), body.domains.map((d) => d.role)],
          );
          await db.query(
            `INSERT INTO case_status_changes (case_id, from_status, to_status, actor_id, actor_role, actor_name, reason)
             VALUES ($1, NULL, 'filed', $2, $3, $4, NULL)`,
            [created.id, load.actor.id, load.actor.role, load.actor.name],
          );
          await db.query(
            `INSERT INTO outbox_events (id, type, payload, published_at)
             VALUES (gen_random_uuid(), 'case.filed', $1, now())`,
            [JSON.stringify({ caseId: created.id, version: created.version })],
          );
          if (!load.chain) {
            await db.query('COMMIT');
            samples.push(performance.now() - t0);
            continue;
          }
          const at = new Date();
          const data = {
            reference: created.reference,
            title: body.title,
            description: created.description,
            tenderReference: created.tender_reference,
            procurementStage: body.procurementStage,
            estimatedValueCents: body.estimatedValueCents,
            priority: body.priority,
            deadline: created.deadline,
            organisationUnitId: load.actor.unitId,
            domains: body.domains,
            to: 'filed',
          };
          const content = {
            occurredAt: at.toISOString(),
            actorId: load.actor.id,
            actorRole: load.actor.role,
            actorName: load.actor.name,
            action: 'case.filed',
            subjectType: 'case',
            subjectId: created.id,
            caseId: created.id,
            data,
          };
          // As Brug writes it since issue 15: no lock, no chain; the sequencer does the rest.
          const text = canonicalJson(data);
          await db.query(
            `INSERT INTO audit_events (occurred_at, actor_id, actor_role, actor_name, action,
               subject_type, subject_id, case_id, data, data_hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
            [
              at,
              content.actorId,
              content.actorRole,
              content.actorName,
              content.action,
              content.subjectType,
              content.subjectId,
              content.subjectId,
              text,
              dataHashOf(text),
            ],
          );
          await db.query('COMMIT');
          samples.push(performance.now() - t0);
        } catch (error) {
          errors++;
          await db.query('ROLLBACK').catch(() => undefined);
          if (errors < 5) process.stderr.write(`raw filing: ${String(error)}\n`);
        }
      }
    } finally {
      await db.end();
    }
  };
  await Promise.all(Array.from({ length: load.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    requests: samples.length,
    seconds,
    perSecond: samples.length / seconds,
    latency: summarise(samples),
    errors,
    non2xx: 0,
    statuses: {},
  };
}

/**
 * A steady rate (autocannon's `overallRate` sends each second's quota at the start of the second,
 * in bursts). Open loop: request n is sent at `n / rate` s whether or not earlier ones were
 * answered, and its latency counts from that moment, so a slow answer cannot hide the queue
 * behind it.
 */
async function paced(load: HttpLoad, rate: number): Promise<LoadResult> {
  const url = new URL(load.url);
  const agent = new Agent({ keepAlive: true, maxSockets: load.connections });
  const samples: number[] = [];
  const ids: { id: string; at: number }[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let non2xx = 0;
  const send = (n: number, sentAt: number) =>
    new Promise<void>((resolve) => {
      const body = load.bodies?.[n % load.bodies.length];
      const req = httpRequest(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: load.method,
          path: load.paths[n % load.paths.length],
          headers: body
            ? { ...load.headers, 'content-length': Buffer.byteLength(body) }
            : load.headers,
          timeout: 30_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            statuses[status] = (statuses[status] ?? 0) + 1;
            if (status >= 200 && status < 300) {
              samples.push(performance.now() - sentAt);
              if (load.collectIds) {
                const text = Buffer.concat(chunks).toString('utf8');
                ids.push({ id: (JSON.parse(text) as { id: string }).id, at: Date.now() });
              }
            } else non2xx++;
            resolve();
          });
          res.on('error', () => {
            errors++;
            resolve();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  const total = Math.round(rate * load.seconds);
  const pending: Promise<void>[] = [];
  const started = performance.now();
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(send(n, due));
  }
  await Promise.all(pending);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    requests: samples.length,
    seconds,
    perSecond: samples.length / seconds,
    latency: summarise(samples),
    errors,
    non2xx,
    statuses,
    ids: load.collectIds ? ids : undefined,
  };
}

/** A bare BullMQ round trip: add a job, a worker with a no-op processor completes it. */
async function bullmq(load: BullmqLoad): Promise<LoadResult> {
  const url = new URL(load.redisUrl);
  const connection = { host: url.hostname, port: Number(url.port || 6379) };
  const name = 'bench-roundtrip';
  const queue = new Queue(name, { connection, prefix: load.prefix });
  const added = new Map<string, number>();
  const samples: number[] = [];
  const worker = new Worker(name, () => Promise.resolve(null), {
    connection: { ...connection, maxRetriesPerRequest: null },
    prefix: load.prefix,
    concurrency: load.concurrency,
  });
  worker.on('completed', (job) => {
    const t0 = added.get(job.id!);
    if (t0 !== undefined) samples.push(performance.now() - t0);
  });
  await worker.waitUntilReady();
  await queue.waitUntilReady();
  const total = Math.round(load.rate * load.seconds);
  const started = performance.now();
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / load.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const id = `job-${n}`;
    added.set(id, performance.now());
    await queue.add('noop', { n }, { jobId: id, removeOnComplete: true });
  }
  const deadline = performance.now() + 10_000;
  while (samples.length < total && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
  const seconds = (performance.now() - started) / 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return {
    requests: samples.length,
    seconds,
    perSecond: samples.length / seconds,
    latency: summarise(samples),
    errors: total - samples.length,
    non2xx: 0,
    statuses: {},
  };
}

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const loads = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Load[];
  const results: LoadResult[] = [];
  for (const load of loads) {
    switch (load.mode) {
      case 'http':
        results.push(await http(load));
        break;
      case 'pg-filing':
        results.push(await pgFiling(load));
        break;
      case 'bullmq':
        results.push(await bullmq(load));
        break;
    }
  }
  process.stdout.write(`\n${JSON.stringify(results)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `load: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
