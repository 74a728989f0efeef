import { Queue } from 'bullmq';
import type { Client } from 'pg';
import type { Actor } from '../../src/auth/roles';
import type { Api } from './api';
import type { CaseFactory } from './generate';
import type { Options, Scale } from './options';
import type { Processes } from './processes';
import type { Report } from './report';
import { BENCH_REDIS_URL } from './resources';
import type { World } from './world';

export type Who = 'buyer' | 'staff' | 'auditor' | 'budget' | 'admin';

export const DEMO_EMAILS: Record<Who, string> = {
  buyer: 'buyer@brug.example',
  staff: 'staff@brug.example',
  auditor: 'auditor@brug.example',
  budget: 'budget.housing@brug.example',
  admin: 'admin@brug.example',
};

/** Everything a scenario needs: the Brug under test, its database, its data, the report. */
export interface Bench {
  options: Options;
  scale: Scale;
  runId: string;
  databaseUrl: string;
  redisPrefix: string;
  jwtSecret: string;
  api: Api;
  processes: Processes;
  db: Client;
  world: World;
  factory: CaseFactory;
  tokens: Record<Who, string>;
  report: Report;
  /** Cases [loadedFrom, factory.total) are in the database. */
  loadedFrom: number;
  /** How many audit events the bulk load added (null when none were loaded). */
  loadedEvents: number | null;
  restRssMb: {
    afterStart: number;
    heap?: { heapTotal: number; heapUsed: number; external: number };
    /** After the five sign-ins of the bench (argon2id, 19 MiB each, on libuv's threads). */
    afterSignIns: number;
  };
  /** The database's clock when the bench started Brug: generated cases are all older. */
  startedAt: Date;
}

export function actorOf(bench: Bench, who: Who): Actor {
  const p = bench.world.byEmail.get(DEMO_EMAILS[who]);
  if (!p) throw new Error(`No demo user ${DEMO_EMAILS[who]}`);
  return {
    id: p.id,
    email: p.email,
    name: p.name,
    role: p.role as Actor['role'],
    organisationUnitId: p.unitId,
    domains: p.domains,
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until the workflow has caught up: no unpublished outbox rows and no job waiting or
 * running in any queue, twice in a row (delayed SLA jobs are alarms for days ahead and do not
 * count). Returns how long it took (ms).
 */
/**
 * Waits until the audit sequencer has given every committed event a leaf and signed a
 * checkpoint over all of them; returns how long that took (ms).
 */
export async function waitUntilSequenced(db: Client, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    const [row] = (
      await db.query<{ pending: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM audit_events WHERE leaf_index IS NULL)
             OR coalesce((SELECT max(leaf_index) + 1 FROM audit_events), 0)
                <> coalesce((SELECT max(tree_size) FROM audit_checkpoints), 0) AS pending`,
      )
    ).rows;
    if (!row?.pending) return Date.now() - t0;
    if (Date.now() - t0 > timeoutMs) {
      throw new Error(`The audit sequencer did not catch up in ${timeoutMs / 1000} s`);
    }
    await sleep(100);
  }
}

export async function waitForQuiet(bench: Bench, timeoutMs: number): Promise<number> {
  const url = new URL(BENCH_REDIS_URL);
  const connection = { host: url.hostname, port: Number(url.port || 6379) };
  // Every queue the filing's events feed: routing, deadlines, notifications and signals.
  const queues = ['routing', 'sla', 'notifications', 'signals'].map(
    (name) => new Queue(name, { connection, prefix: bench.redisPrefix }),
  );
  const t0 = Date.now();
  let quiet = 0;
  try {
    for (;;) {
      const [{ outbox }] = (
        await bench.db.query<{ outbox: number }>(
          'SELECT count(*)::int AS outbox FROM outbox_events WHERE published_at IS NULL',
        )
      ).rows as [{ outbox: number }];
      let jobs = 0;
      for (const q of queues) {
        const counts = await q.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
        jobs += Object.values(counts).reduce((s, n) => s + n, 0);
      }
      quiet = outbox === 0 && jobs === 0 ? quiet + 1 : 0;
      if (quiet === 2) return Date.now() - t0;
      if (Date.now() - t0 > timeoutMs) {
        throw new Error(
          `The workflow did not catch up in ${timeoutMs / 1000} s (outbox ${outbox}, jobs ${jobs})`,
        );
      }
      await sleep(200);
    }
  } finally {
    await Promise.all(queues.map((q) => q.close()));
  }
}

/** The API's V8 heap (from its own /metrics), in MB: where its memory is. */
export async function heapMb(
  base: string | Bench,
): Promise<{ heapTotal: number; heapUsed: number; external: number }> {
  const url = typeof base === 'string' ? base : base.api.base;
  const text = await (await fetch(`${url}/metrics`)).text();
  const read = (name: string): number =>
    Number(new RegExp(`^brug_nodejs_${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN) / 1024 / 1024;
  return {
    heapTotal: read('heap_size_total_bytes'),
    heapUsed: read('heap_size_used_bytes'),
    external: read('external_memory_bytes'),
  };
}

/**
 * Samples what Brug's database sessions wait for (pg_stat_activity, every 100 ms): how many wait
 * for an advisory lock (the audit chain's), for the WAL to be flushed, or hold a transaction open
 * while the application has not sent its next statement yet.
 */
export class WaitSampler {
  private readonly totals = { samples: 0, advisory: 0, wal: 0, idleInTransaction: 0, active: 0 };
  /** The most sessions seen waiting for an advisory lock in one sample. */
  private advisoryMax = 0;
  private readonly timer: NodeJS.Timeout;
  private pending: Promise<void> = Promise.resolve();

  constructor(private readonly db: Client) {
    this.timer = setInterval(() => {
      this.pending = this.pending.then(() => this.sample()).catch(() => undefined);
    }, 100);
  }

  private async sample(): Promise<void> {
    const [r] = (
      await this.db.query<{ advisory: number; wal: number; idle_tx: number; active: number }>(
        `SELECT count(*) FILTER (WHERE wait_event_type = 'Lock' AND wait_event = 'advisory')::int AS advisory,
                count(*) FILTER (WHERE wait_event IN ('WALSync', 'WALWrite'))::int AS wal,
                count(*) FILTER (WHERE state = 'idle in transaction')::int AS idle_tx,
                count(*) FILTER (WHERE state = 'active')::int AS active
           FROM pg_stat_activity
          WHERE datname = current_database() AND backend_type = 'client backend'
            AND application_name IN ('brug-api', 'brug-worker', 'brug-bench-raw')
            AND pid <> pg_backend_pid()`,
      )
    ).rows;
    this.totals.samples++;
    this.totals.advisory += r!.advisory;
    this.advisoryMax = Math.max(this.advisoryMax, r!.advisory);
    this.totals.wal += r!.wal;
    this.totals.idleInTransaction += r!.idle_tx;
    this.totals.active += r!.active;
  }

  /** Mean number of sessions in each state over the samples. */
  async stop(): Promise<{
    samples: number;
    advisory: number;
    advisoryMax: number;
    wal: number;
    idleInTransaction: number;
    active: number;
  }> {
    clearInterval(this.timer);
    await this.pending;
    const n = Math.max(1, this.totals.samples);
    return {
      samples: this.totals.samples,
      advisory: this.totals.advisory / n,
      advisoryMax: this.advisoryMax,
      wal: this.totals.wal / n,
      idleInTransaction: this.totals.idleInTransaction / n,
      active: this.totals.active / n,
    };
  }
}
