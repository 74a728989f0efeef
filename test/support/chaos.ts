import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  checkInvariants,
  Cluster,
  CLUSTER_PASSWORD,
  createClusterDatabase,
  dropClusterDatabase,
  type FaultWindow,
  History,
  Load,
  type Member,
  prng,
  WebhookReceiver,
} from './cluster';
import { MailCatcher } from './mail-catcher';
import { PrivateRedis } from './redis-server';

/**
 * The chaos run (issue 20, item 2; docs/reliability.md): the scaled-out Brug under a steady
 * client load, with faults drawn from a seeded schedule, every operation recorded, and the
 * history checked against the invariants afterwards.
 */

export const FAULT_KINDS = [
  'kill-api',
  'kill-worker',
  'stall-worker',
  'redis-restart',
  'redis-empty',
  'pg-terminate',
  'pg-connection-limit',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** The worker's BullMQ lock in the run: a stall lasts longer than this. */
const WORKER_LOCK_MS = 4000;

export interface ChaosOptions {
  seed: number;
  /** How long faults are drawn (the load runs meanwhile). */
  seconds: number;
  /** At most this many faults (a bound for the test suite). */
  maxFaults?: number;
  /** Which kinds to draw from (all by default). */
  kinds?: readonly FaultKind[];
  /** Each kind exactly once, in a seeded order (the test suite's run), instead of drawing. */
  eachKindOnce?: boolean;
  /** A superuser connection to the shared server (for the own database and role only). */
  adminUrl: string;
  /** The own database (and role) name. */
  name: string;
  clients?: number;
  log?: (line: string) => void;
}

export interface InjectedFault extends FaultWindow {
  kind: FaultKind;
  target: string;
  /** ms from injection until every API answered an authenticated read and workers ran. */
  recoveredMs: number;
}

export interface ChaosReport {
  violations: string[];
  table: string;
  faults: InjectedFault[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runChaos(o: ChaosOptions): Promise<ChaosReport> {
  const log = o.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'brug-chaos-'));
  const redis = await PrivateRedis.start(dir);
  const mail = new MailCatcher();
  const webhook = new WebhookReceiver();
  await mail.start();
  await webhook.start();
  let cluster: Cluster | undefined;
  const admin = new Client({ connectionString: o.adminUrl });
  await admin.connect();
  try {
    const databaseUrl = await createClusterDatabase(o.adminUrl, o.name);
    log(`database ${o.name} ready; starting 2 API and 2 worker processes`);
    cluster = await Cluster.start({
      databaseUrl,
      redisUrl: redis.url,
      redisPrefix: 'brug-chaos',
      smtpUrl: mail.url,
      apis: 2,
      workers: 2,
      env: {
        WORKER_LOCK_MS: String(WORKER_LOCK_MS),
        // A shorter safety-net resync than production's, so a run of minutes meets it.
        SLA_RESYNC_INTERVAL_MS: '30000',
      },
    });
    const c = cluster;
    const history = new History();
    const load = new Load(c, history, prng(o.seed), CLUSTER_PASSWORD, 'Chaos');
    await load.prepare(webhook.url);
    const started = Date.now();
    const loadDone = load.run(o.clients ?? 4);
    const draw = prng(o.seed ^ 0x5bd1e995);
    const kinds = o.kinds ?? FAULT_KINDS;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(draw() * items.length)]!;
    const faults: InjectedFault[] = [];
    const order = [...kinds];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(draw() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const limit = o.eachKindOnce ? order.length : (o.maxFaults ?? Infinity);

    /** Every API answers an authenticated read and no worker is stopped or dead. */
    const healthy = async (): Promise<boolean> => {
      for (const m of c.workers) {
        if (m.process.child.exitCode !== null || m.process.child.signalCode !== null) return false;
      }
      for (const api of c.apis) {
        try {
          const response = await fetch(`${c.baseUrl(api)}/api/v1/cases?pageSize=1`, {
            headers: { Authorization: `Bearer ${load.tokens.get('staff')}` },
            signal: AbortSignal.timeout(10_000),
          });
          if (response.status !== 200) return false;
        } catch {
          return false;
        }
      }
      return true;
    };
    const terminate = () =>
      admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [o.name],
      );
    const restart = async (m: Member) => {
      await c.kill(m, 'SIGKILL');
      await sleep(500 + draw() * 1500);
      await c.launch(m);
    };

    while (faults.length < limit && (o.eachKindOnce || Date.now() - started < o.seconds * 1000)) {
      await sleep(2000 + draw() * 6000);
      const kind = o.eachKindOnce ? order[faults.length]! : pick(kinds);
      const from = Date.now();
      let target = '';
      switch (kind) {
        case 'kill-api': {
          const m = pick(c.apis);
          target = `api ${m.index}`;
          await restart(m);
          break;
        }
        case 'kill-worker': {
          const m = pick(c.workers);
          target = `worker ${m.index}`;
          await restart(m);
          break;
        }
        case 'stall-worker': {
          const m = pick(c.workers);
          const ms = Math.round(WORKER_LOCK_MS * (1.5 + draw()));
          target = `worker ${m.index}, ${ms} ms`;
          m.process.child.kill('SIGSTOP');
          await sleep(ms);
          m.process.child.kill('SIGCONT');
          break;
        }
        case 'redis-restart':
        case 'redis-empty':
          target = 'redis';
          await redis.restart(kind === 'redis-restart');
          break;
        case 'pg-terminate': {
          const { rowCount } = await terminate();
          target = `${rowCount} backends`;
          break;
        }
        case 'pg-connection-limit': {
          const ms = Math.round(3000 + draw() * 3000);
          target = `limit 2 for ${ms} ms`;
          await admin.query(`ALTER DATABASE "${o.name}" CONNECTION LIMIT 2`);
          await terminate();
          await sleep(ms);
          await admin.query(`ALTER DATABASE "${o.name}" CONNECTION LIMIT -1`);
          break;
        }
      }
      const deadline = Date.now() + 120_000;
      while (!(await healthy()) && Date.now() < deadline) await sleep(100);
      const to = Date.now();
      faults.push({ kind, target, from, to, recoveredMs: to - from });
      log(
        `${((from - started) / 1000).toFixed(1).padStart(6)} s  ${kind} (${target}): recovered after ${to - from} ms`,
      );
    }
    log('faults over; letting the clients finish their cases');
    load.stop();
    await loadDone;
    const result = await checkInvariants({
      cluster: c,
      history,
      load,
      webhook,
      mailIds: () => mail.mails.map((m) => m.messageId),
      exactlyOnce: false,
      faults,
      graceMs: 5000,
    });
    const table = [
      result.table,
      '',
      faultTable(faults),
      '',
      fiveHundredsTable(history, faults, started),
    ];
    return { violations: result.violations, table: table.join('\n'), faults };
  } catch (error) {
    if (cluster) log(cluster.outputs());
    throw error;
  } finally {
    await cluster?.stop();
    await admin.end();
    await redis.stop();
    await webhook.stop();
    await mail.stop();
    await dropClusterDatabase(o.adminUrl, o.name);
    rmSync(dir, { recursive: true, force: true });
  }
}

function faultTable(faults: InjectedFault[]): string {
  const lines = [
    '| fault | injected | recovered p50 (ms) | recovered max (ms) |',
    '|---|---:|---:|---:|',
  ];
  for (const kind of FAULT_KINDS) {
    const times = faults
      .filter((f) => f.kind === kind)
      .map((f) => f.recoveredMs)
      .sort((a, b) => a - b);
    if (!times.length) continue;
    lines.push(
      `| ${kind} | ${times.length} | ${times[Math.floor((times.length - 1) / 2)]} | ${times[times.length - 1]} |`,
    );
  }
  return lines.join('\n');
}

function fiveHundredsTable(history: History, faults: InjectedFault[], started: number): string {
  const ops = history.ops.filter((op) => (op.status ?? 0) >= 500);
  if (!ops.length) return '5xx answers: none';
  const lines = ['| at (s) | status | code | operation | during |', '|---:|---:|---|---|---|'];
  for (const op of ops) {
    const during = faults.find((f) => op.sentAt <= f.to + 5000 && op.answeredAt! >= f.from);
    lines.push(
      `| ${((op.answeredAt! - started) / 1000).toFixed(1)} | ${op.status} | ${op.detail ?? ''} | ${op.kind} | ${during ? during.kind : 'no fault'} |`,
    );
  }
  return lines.join('\n');
}
