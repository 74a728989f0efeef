import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { WEBHOOK_EVENT_TYPES } from '../../src/events/events';
import { STUCK_AFTER_MS } from '../../src/workflow/notifications/deliveries';
import { jobIds } from '../../src/workflow/queues/queues';
import { spawnSync } from 'node:child_process';
import { childEnv, distEntry, start, waitFor, type Running } from './processes';
import { sparePort } from './redis-server';

/**
 * Brug scaled out as operators run it (issue 20): N API processes (WORKERS=off) and M worker
 * processes, compiled, on one database and one Redis prefix; a client load spread over the APIs
 * with every operation recorded; and a checker of the invariants over the database afterwards.
 * Used by test/scale-out.test.ts (no faults) and by the chaos run (test/support/chaos.ts).
 */

export const CLUSTER_PASSWORD = 'brug-cluster-password-2026';

export const PEOPLE = {
  admin: 'admin@brug.example',
  buyer: 'buyer@brug.example',
  buyer2: 'buyer2@brug.example',
  staff: 'staff@brug.example',
  budgetEnergy: 'budget.energy@brug.example',
  auditor: 'auditor@brug.example',
} as const;
export type Person = keyof typeof PEOPLE;

/** A seeded pseudo-random source (mulberry32): the same seed gives the same run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A database of its own on the shared server, owned by a login role of its own (not a
 * superuser, so that the database's CONNECTION LIMIT binds it, as it binds a production
 * service account), migrated and seeded with the demo users by the operators' own command line
 * (`brug seed`). Returns the URL the cluster connects with (as that role).
 */
export async function createClusterDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE ROLE "${name}" LOGIN`);
    await admin.query(`CREATE DATABASE "${name}" OWNER "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  url.username = name;
  url.password = '';
  // All migrations on a busy machine can take minutes: a generous bound, not a speed check.
  const seeded = spawnSync(process.execPath, [distEntry('cli'), 'seed'], {
    env: childEnv({
      NODE_ENV: 'test',
      DATABASE_URL: url.toString(),
      REDIS_URL: 'redis://127.0.0.1:1',
      DEMO_PASSWORD: CLUSTER_PASSWORD,
      LOG_LEVEL: 'silent',
      WORKERS: 'off',
    }),
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (seeded.status !== 0) {
    throw new Error(
      `seeding failed (${seeded.status ?? seeded.signal}): ${seeded.stdout}${seeded.stderr.slice(-2000)}`,
    );
  }
  return url.toString();
}

/** Drops the database and its role (created by createClusterDatabase). */
export async function dropClusterDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS "${name}"`);
  } finally {
    await admin.end();
  }
}

/** A webhook receiver on loopback that keeps what it gets (and answers 200). */
export class WebhookReceiver {
  readonly received: { delivery: string; eventId: string; type: string; at: number }[] = [];
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        let event: { id?: string; type?: string } = {};
        try {
          event = JSON.parse(body) as typeof event;
        } catch {
          // kept with an empty id: the checker reports it
        }
        this.received.push({
          delivery: String(req.headers['brug-delivery'] ?? ''),
          eventId: event.id ?? '',
          type: event.type ?? '',
          at: Date.now(),
        });
        res.statusCode = 200;
        res.end();
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

export interface ClusterOptions {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  smtpUrl: string;
  apis?: number;
  workers?: number;
  /** More environment for every process (e.g. shorter retry windows). */
  env?: Record<string, string>;
}

export interface Member {
  kind: 'api' | 'worker';
  index: number;
  port: number;
  process: Running;
  /** Outputs of earlier incarnations (after restarts), for a report when something fails. */
  earlier: string[];
}

/** The processes of one scaled-out Brug. */
export class Cluster {
  readonly members: Member[] = [];
  readonly jwtSecret = randomBytes(32).toString('hex');
  /** Every process signs the audit log's checkpoints with the one key (ADR 29). */
  readonly auditSigningKey = randomBytes(32).toString('base64');

  private constructor(readonly options: ClusterOptions) {}

  static async start(options: ClusterOptions): Promise<Cluster> {
    const cluster = new Cluster(options);
    for (let i = 0; i < (options.apis ?? 2); i++) {
      cluster.members.push({
        kind: 'api',
        index: i,
        port: await sparePort(),
        process: undefined as unknown as Running,
        earlier: [],
      });
    }
    for (let i = 0; i < (options.workers ?? 2); i++) {
      cluster.members.push({
        kind: 'worker',
        index: i,
        port: 0,
        process: undefined as unknown as Running,
        earlier: [],
      });
    }
    try {
      // One at a time: the first start runs the (already applied) migrations' check alone.
      for (const m of cluster.members) await cluster.launch(m);
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  get apis(): Member[] {
    return this.members.filter((m) => m.kind === 'api');
  }
  get workers(): Member[] {
    return this.members.filter((m) => m.kind === 'worker');
  }
  baseUrl(api: Member): string {
    return `http://127.0.0.1:${api.port}`;
  }

  env(m: Member): Record<string, string> {
    const o = this.options;
    return {
      DATABASE_URL: o.databaseUrl,
      REDIS_URL: o.redisUrl,
      REDIS_PREFIX: o.redisPrefix,
      JWT_SECRET: this.jwtSecret,
      AUDIT_SIGNING_KEY: this.auditSigningKey,
      // One public address for all (the reverse proxy's): it names the audit log's origin, which
      // every checkpoint signature covers.
      PUBLIC_URL: 'http://127.0.0.1:8080',
      SMTP_URL: o.smtpUrl,
      WEBHOOK_ALLOW_LOOPBACK: 'true',
      LOG_LEVEL: 'info',
      RELAY_POLL_MS: '200',
      DATABASE_CONNECT_TIMEOUT_MS: '20000',
      // The PostgreSQL server is shared (100 connections): a small pool per process.
      DATABASE_POOL_SIZE: '5',
      ...(m.kind === 'api'
        ? { PORT: String(m.port), HOST: '127.0.0.1', WORKERS: 'off' }
        : { WORKER_LOCK_MS: '4000' }),
      ...o.env,
    };
  }

  /** Starts a member (again) and waits until it serves (API) or has started its workers. */
  async launch(m: Member): Promise<void> {
    if (m.process) m.earlier.push(m.process.output());
    m.process = start(m.kind === 'api' ? 'main' : 'worker', this.env(m));
    const p = m.process;
    await waitFor(async () => {
      if (p.child.exitCode !== null) {
        throw new Error(`${m.kind} ${m.index} exited at start:\n${p.output().slice(-3000)}`);
      }
      if (m.kind === 'worker') return p.output().includes('Brug workers started');
      try {
        return (await fetch(`${this.baseUrl(m)}/health/live`)).status === 200;
      } catch {
        return false;
      }
    }, 120_000);
  }

  async kill(m: Member, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    await m.process.stop(signal);
  }

  async stop(): Promise<void> {
    for (const m of this.members) {
      if (!m.process) continue;
      m.process.child.kill('SIGCONT');
      await m.process.stop('SIGTERM');
    }
  }

  /** The last lines of every member's output (for a failure report). */
  outputs(lines = 40): string {
    return this.members
      .map(
        (m) =>
          `--- ${m.kind} ${m.index}\n${(m.process?.output() ?? '').split('\n').slice(-lines).join('\n')}`,
      )
      .join('\n');
  }
}

/** One client operation and what became of it. */
export interface Op {
  id: number;
  kind: 'sign-in' | 'file' | 'read' | 'transition' | 'note' | 'funding' | 'webhook' | 'verify';
  api: number;
  /** What the operation would leave in the database, for the checker (null: leaves nothing). */
  key: string | null;
  sentAt: number;
  answeredAt?: number;
  status?: number;
  /** The problem code of a 4xx/5xx, or the error of no answer. */
  detail?: string;
}

/** Every operation the clients sent, in order, with its outcome. */
export class History {
  readonly ops: Op[] = [];
  private next = 1;

  async send(
    cluster: Cluster,
    api: number,
    kind: Op['kind'],
    key: ((id: number) => string) | null,
    request: {
      method: string;
      path: string;
      token?: string;
      body?: (id: number) => unknown;
      headers?: Record<string, string>;
    },
    timeoutMs = 30_000,
  ): Promise<{ op: Op; body: unknown }> {
    const id = this.next++;
    const op: Op = { id, kind, api, key: key ? key(id) : null, sentAt: Date.now() };
    this.ops.push(op);
    const member = cluster.apis[api % cluster.apis.length]!;
    try {
      const response = await fetch(`${cluster.baseUrl(member)}${request.path}`, {
        method: request.method,
        headers: {
          ...(request.body ? { 'Content-Type': 'application/json' } : {}),
          ...(request.token ? { Authorization: `Bearer ${request.token}` } : {}),
          ...request.headers,
        },
        body: request.body ? JSON.stringify(request.body(id)) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      op.answeredAt = Date.now();
      op.status = response.status;
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON
      }
      if (response.status >= 400) {
        op.detail = (body as { code?: string } | null)?.code ?? text.slice(0, 120);
      }
      return { op, body };
    } catch (error) {
      op.detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return { op, body: undefined };
    }
  }

  outcomes(): Record<string, Record<string, number>> {
    const table: Record<string, Record<string, number>> = {};
    for (const op of this.ops) {
      const outcome =
        op.status === undefined
          ? 'no answer'
          : op.status < 300
            ? '2xx'
            : op.status < 500
              ? `${op.status}`
              : `${op.status}`;
      table[op.kind] ??= {};
      table[op.kind]![outcome] = (table[op.kind]![outcome] ?? 0) + 1;
    }
    return table;
  }
}

/** Steady client work through the APIs: file, route, accept, start, note, fund, per case. */
export class Load {
  readonly tokens = new Map<Person, string>();
  readonly caseIds: string[] = [];
  private stopped = false;
  private turn = 0;

  constructor(
    readonly cluster: Cluster,
    readonly history: History,
    readonly random: () => number,
    readonly password: string,
    readonly tag = 'Schaal',
  ) {}

  private api(): number {
    return this.turn++;
  }

  /** Signs everyone in (retrying: the start may meet a fault) and subscribes a webhook. */
  async prepare(webhookUrl: string): Promise<void> {
    for (const person of Object.keys(PEOPLE) as Person[]) {
      await waitFor(async () => {
        const { op, body } = await this.history.send(this.cluster, this.api(), 'sign-in', null, {
          method: 'POST',
          path: '/api/v1/auth/token',
          body: () => ({ email: PEOPLE[person], password: this.password }),
        });
        if (op.status !== 200) return false;
        this.tokens.set(person, (body as { accessToken: string }).accessToken);
        return true;
      }, 120_000);
    }
    await waitFor(async () => {
      const { op } = await this.history.send(
        this.cluster,
        this.api(),
        'webhook',
        (id) => `webhook:${id}`,
        {
          method: 'POST',
          path: '/api/v1/webhooks',
          token: this.tokens.get('admin'),
          body: (id) => ({
            url: webhookUrl,
            eventTypes: WEBHOOK_EVENT_TYPES,
            description: `Ontvanger ${id}`,
          }),
        },
      );
      return op.status === 201;
    }, 120_000);
  }

  stop(): void {
    this.stopped = true;
  }

  private token(person: Person): string {
    return this.tokens.get(person)!;
  }

  /** Reads a case; undefined when there is no usable answer. */
  private async read(id: string): Promise<{ status: string; version: number } | undefined> {
    const { op, body } = await this.history.send(this.cluster, this.api(), 'read', null, {
      method: 'GET',
      path: `/api/v1/cases/${id}`,
      token: this.token('staff'),
    });
    return op.status === 200 ? (body as { status: string; version: number }) : undefined;
  }

  private async pause(ms: number): Promise<void> {
    await new Promise((r) => setTimeout(r, ms));
  }

  /** One case from filing to a funded case in progress, tolerating any answer on the way. */
  async oneCase(client: number): Promise<void> {
    const buyer: Person = client % 2 === 0 ? 'buyer' : 'buyer2';
    const filed = await this.history.send(
      this.cluster,
      this.api(),
      'file',
      (id) => `case:${this.tag} ${id}`,
      {
        method: 'POST',
        path: '/api/v1/cases',
        token: this.token(buyer),
        body: (id) => ({ ...CLUSTER_CASE, title: `${this.tag} ${id}` }),
      },
    );
    if (filed.op.status !== 201) return;
    const id = (filed.body as { id: string }).id;
    this.caseIds.push(id);
    // Wait for routing (by the workers), reading now and then.
    let c: { status: string; version: number } | undefined;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !this.stopped) {
      c = await this.read(id);
      if (c && c.status !== 'filed') break;
      await this.pause(250 + this.random() * 250);
    }
    for (const to of ['accepted', 'in_progress'] as const) {
      if (this.stopped) return;
      c = await this.read(id);
      if (!c) continue;
      const from = to === 'accepted' ? 'routed' : 'accepted';
      if (c.status !== from) continue;
      await this.history.send(
        this.cluster,
        this.api(),
        'transition',
        () => `transition:${id}:${to}`,
        {
          method: 'POST',
          path: `/api/v1/cases/${id}/transitions`,
          token: this.token('staff'),
          headers: { 'If-Match': `"${c.version}"` },
          body: () => ({ to }),
        },
      );
    }
    const steps: [Op['kind'], Person, string, (opId: number) => unknown][] = [
      [
        'note',
        'staff',
        'notes',
        (opId) => ({ body: `Notitie ${opId} van de proef`, visibility: 'internal' }),
      ],
      [
        'funding',
        'staff',
        'funding-entries',
        (opId) => ({
          domainCode: 'housing',
          kind: 'pledge',
          amountCents: 100_000 + Math.floor(this.random() * 1000) * 100,
          note: `Boeking ${opId}`,
        }),
      ],
      [
        'funding',
        'budgetEnergy',
        'funding-entries',
        (opId) => ({
          domainCode: 'energy',
          kind: 'commit',
          amountCents: 500_000,
          budgetLine: 'KP-ENERGIE-7710',
          note: `Boeking ${opId}`,
        }),
      ],
      [
        'funding',
        'budgetEnergy',
        'funding-entries',
        (opId) => ({
          domainCode: 'energy',
          kind: 'disburse',
          // Now and then more than committed: the ledger refuses it (a 4xx that leaves nothing).
          amountCents: this.random() < 0.2 ? 900_000 : 200_000,
          note: `Boeking ${opId}`,
        }),
      ],
    ];
    for (const [kind, who, path, body] of steps) {
      if (this.stopped) return;
      await this.history.send(
        this.cluster,
        this.api(),
        kind,
        (opId) => (kind === 'note' ? `note:Notitie ${opId} van de proef` : `entry:Boeking ${opId}`),
        {
          method: 'POST',
          path: `/api/v1/cases/${id}/${path}`,
          token: this.token(who),
          body,
        },
      );
    }
  }

  /** `clients` loops of cases, until `cases` were started in all or stop() was called. */
  async run(clients: number, cases = Infinity): Promise<void> {
    let started = 0;
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        while (!this.stopped && started < cases) {
          started++;
          await this.oneCase(client);
        }
      }),
    );
  }
}

/** The case the load files (the model case of the tests, lead energy). */
export const CLUSTER_CASE = {
  title: 'Aanbesteding energiebespaarservice',
  description: 'Een zaak van de schaalproef: energie betaalt, wonen raakt het.',
  tenderReference: 'TN-2026-0815',
  procurementStage: 'planning',
  estimatedValueCents: 120_000_000,
  priority: 'normal',
  deadline: '2027-03-01',
  domains: [
    { code: 'energy', role: 'lead' },
    { code: 'housing', role: 'affected' },
  ],
};

/** A time window of a fault (from injection until the cluster answered again). */
export interface FaultWindow {
  kind: string;
  from: number;
  to: number;
}

export interface CheckOptions {
  cluster: Cluster;
  history: History;
  load: Load;
  webhook: WebhookReceiver;
  /** The mails caught, as Message-IDs. */
  mailIds: () => string[];
  /** With no faults every notification arrives exactly once; with faults at least once. */
  exactlyOnce: boolean;
  faults?: FaultWindow[];
  /** How long after a fault window a 5xx still counts as part of it. */
  graceMs?: number;
  settleMs?: number;
}

export interface CheckResult {
  violations: string[];
  table: string;
}

/**
 * Waits until the cluster has settled (every case routed, the outbox drained, every delivery
 * done, the audit log sequenced), then asserts the invariants over the database.
 */
export async function checkInvariants(o: CheckOptions): Promise<CheckResult> {
  const violations: string[] = [];
  const db = new Client({ connectionString: o.cluster.options.databaseUrl });
  await db.connect();
  const q = async <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
    (await db.query(sql, params)).rows as T[];
  const settle = o.settleMs ?? 180_000;
  const settled = async (what: string, check: () => Promise<boolean>, ms = settle) => {
    try {
      await waitFor(check, ms);
    } catch {
      violations.push(`did not settle: ${what}`);
    }
  };
  try {
    const runCases = async () =>
      (
        await q<{ id: string }>(`SELECT id FROM cases WHERE title LIKE $1`, [`${o.load.tag} %`])
      ).map((r) => r.id);
    await settled('every case routed', async () => {
      const [row] = await q<{ n: number }>(
        `SELECT count(*)::int AS n FROM cases WHERE title LIKE $1 AND status = 'filed'`,
        [`${o.load.tag} %`],
      );
      return row!.n === 0;
    });
    await settled('outbox drained', async () => {
      const [row] = await q<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox_events WHERE published_at IS NULL`,
      );
      return row!.n === 0;
    });
    // A delivery left `sending` by a worker that died is retaken after STUCK_AFTER_MS (by design):
    // wait that long and a resync more.
    await settled(
      'every delivery done (sent or failed)',
      async () => {
        const [row] = await q<{ n: number }>(
          `SELECT count(*)::int AS n FROM notification_deliveries
          WHERE status IN ('pending', 'sending', 'retrying')`,
        );
        return row!.n === 0;
      },
      Math.max(settle, STUCK_AFTER_MS + 120_000),
    );
    await settled('audit log sequenced', async () => {
      const [row] = await q<{ pending: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM audit_events WHERE leaf_index IS NULL)
             OR coalesce((SELECT max(leaf_index) + 1 FROM audit_events), 0)
                <> coalesce((SELECT max(tree_size) FROM audit_checkpoints), 0) AS pending`,
      );
      return !row!.pending;
    });
    const all = await runCases();

    // 1. Each operation: answered 2xx → in the database exactly once; 4xx/5xx → nothing;
    // no answer → at most once. Per key: successes ≤ rows ≤ successes + unanswered.
    const keyed = o.history.ops.filter((op) => op.key);
    const counts = new Map<string, number>();
    const titles = keyed.filter((op) => op.key!.startsWith('case:')).map((op) => op.key!.slice(5));
    for (const r of await q<{ title: string; n: number }>(
      `SELECT title, count(*)::int AS n FROM cases WHERE title = ANY($1) GROUP BY title`,
      [titles],
    ))
      counts.set(`case:${r.title}`, r.n);
    for (const r of await q<{ k: string; n: number }>(
      `SELECT 'transition:' || case_id || ':' || to_status AS k, count(*)::int AS n
         FROM case_status_changes WHERE case_id = ANY($1) GROUP BY 1`,
      [all],
    ))
      counts.set(r.k, r.n);
    for (const r of await q<{ k: string; n: number }>(
      `SELECT 'note:' || body AS k, count(*)::int AS n FROM case_notes WHERE case_id = ANY($1) GROUP BY 1`,
      [all],
    ))
      counts.set(r.k, r.n);
    for (const r of await q<{ k: string; n: number }>(
      `SELECT 'entry:' || note AS k, count(*)::int AS n FROM funding_entries
        WHERE case_id = ANY($1) AND note IS NOT NULL GROUP BY 1`,
      [all],
    ))
      counts.set(r.k, r.n);
    for (const r of await q<{ k: string; n: number }>(
      `SELECT 'webhook:' || substring(description from 'Ontvanger (\\d+)') AS k, count(*)::int AS n
         FROM webhooks WHERE description LIKE 'Ontvanger %' GROUP BY 1`,
    ))
      counts.set(r.k, r.n);
    const byKey = new Map<string, Op[]>();
    for (const op of keyed) byKey.set(op.key!, [...(byKey.get(op.key!) ?? []), op]);
    for (const [key, ops] of byKey) {
      const ok = ops.filter((op) => op.status !== undefined && op.status < 300).length;
      const unknown = ops.filter((op) => op.status === undefined).length;
      const rows = counts.get(key) ?? 0;
      if (rows < ok || rows > ok + unknown) {
        violations.push(
          `${key}: ${rows} in the database after ${ops.map((op) => `#${op.id} ${op.status ?? 'no answer'}`).join(', ')}`,
        );
      }
    }

    // 2. Every filed case routed exactly once.
    for (const r of await q<{ id: string; n: number }>(
      `SELECT c.id, (SELECT count(*)::int FROM case_status_changes s
                      WHERE s.case_id = c.id AND s.to_status = 'routed') AS n
         FROM cases c WHERE c.id = ANY($1)`,
      [all],
    )) {
      if (r.n !== 1) violations.push(`case ${r.id} routed ${r.n} times`);
    }

    // 3. Every open SLA stage has exactly its check job (by its stable id) in Redis.
    const connection = new Redis(o.cluster.options.redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue('sla', { connection, prefix: o.cluster.options.redisPrefix });
    let slaJobs = 0;
    try {
      const jobs = await queue.getJobs(['delayed', 'waiting', 'prioritized', 'active']);
      const checks = new Map<string, string[]>();
      for (const job of jobs) {
        if (job?.name !== 'check-sla') continue;
        const data = job.data as { caseId: string; stage: string };
        const k = `${data.caseId}:${data.stage}`;
        checks.set(k, [...(checks.get(k) ?? []), job.id!]);
      }
      const open = await q<{
        id: string;
        status: string;
        accept_by: Date;
        propose_by: Date;
        sla_breached: string[];
        suspended_since: Date | null;
      }>(
        `SELECT id, status, accept_by, propose_by, sla_breached, suspended_since FROM cases
          WHERE id = ANY($1) AND status IN ('routed', 'accepted', 'in_progress')`,
        [all],
      );
      for (const c of open) {
        if (c.suspended_since) continue;
        for (const stage of ['accept', 'propose'] as const) {
          if (stage === 'accept' && c.status !== 'routed') continue;
          if ((c.sla_breached ?? []).includes(stage)) continue;
          const due = stage === 'accept' ? c.accept_by : c.propose_by;
          const found = checks.get(`${c.id}:${stage}`) ?? [];
          const want = jobIds.check(c.id, stage, due);
          slaJobs += found.length;
          if (found.length !== 1 || found[0] !== want) {
            violations.push(
              `case ${c.id} ${stage}: SLA check jobs [${found.join(', ')}], expected [${want}]`,
            );
          }
        }
      }
    } finally {
      await queue.close();
      connection.disconnect();
    }

    // 4. The ledger's invariants for every case and domain, after every entry in order.
    for (const r of await q<{ case_id: string; domain_code: string; bad: number }>(
      `SELECT case_id, domain_code, count(*)::int AS bad FROM (
         SELECT case_id, domain_code,
                sum(CASE kind WHEN 'pledge' THEN amount_cents WHEN 'commit' THEN -pledge_converted_cents
                     WHEN 'release' THEN CASE release_from WHEN 'pledge' THEN -amount_cents ELSE 0 END
                     ELSE 0 END) OVER w AS pledged,
                sum(CASE kind WHEN 'commit' THEN amount_cents
                     WHEN 'release' THEN CASE release_from WHEN 'commitment' THEN -amount_cents ELSE 0 END
                     ELSE 0 END) OVER w AS committed,
                sum(CASE kind WHEN 'disburse' THEN amount_cents ELSE 0 END) OVER w AS disbursed
           FROM funding_entries WHERE case_id = ANY($1)
         WINDOW w AS (PARTITION BY case_id, domain_code ORDER BY recorded_at, id)
       ) x WHERE pledged < 0 OR committed < disbursed OR disbursed < 0
       GROUP BY case_id, domain_code`,
      [all],
    )) {
      violations.push(`ledger of case ${r.case_id} ${r.domain_code}: ${r.bad} entries break it`);
    }

    // 5. The audit trail verifies (through the API, as an auditor would).
    const verify = await o.history.send(o.cluster, 0, 'verify', null, {
      method: 'GET',
      path: '/api/v1/audit/verify',
      token: o.load.tokens.get('auditor'),
    });
    if (verify.op.status !== 200 || !(verify.body as { valid?: boolean }).valid) {
      violations.push(`audit verify: ${verify.op.status} ${JSON.stringify(verify.body)}`);
    }

    // 6. Deliveries: one per event and recipient; each ends sent, or failed after its last
    // attempt; every sent one arrived (exactly once without faults).
    for (const r of await q<{ event_id: string; channel: string; recipient: string; n: number }>(
      `SELECT event_id, channel, recipient, count(*)::int AS n FROM notification_deliveries
        GROUP BY 1, 2, 3 HAVING count(*) > 1`,
    )) {
      violations.push(`delivery of ${r.event_id} to ${r.recipient} (${r.channel}) ${r.n} times`);
    }
    const deliveries = await q<{ id: string; channel: string; status: string; attempts: number }>(
      `SELECT id, channel, status, attempts FROM notification_deliveries`,
    );
    const mails = new Map<string, number>();
    for (const m of o.mailIds()) mails.set(m, (mails.get(m) ?? 0) + 1);
    const hooks = new Map<string, number>();
    for (const r of o.webhook.received) hooks.set(r.delivery, (hooks.get(r.delivery) ?? 0) + 1);
    const status: Record<string, number> = {};
    for (const d of deliveries) {
      status[`${d.channel} ${d.status}`] = (status[`${d.channel} ${d.status}`] ?? 0) + 1;
      const arrived =
        d.channel === 'email' ? (mails.get(`<${d.id}@brug>`) ?? 0) : (hooks.get(d.id) ?? 0);
      if (d.status === 'sent' && (arrived === 0 || (o.exactlyOnce && arrived !== 1))) {
        violations.push(`${d.channel} delivery ${d.id} sent, arrived ${arrived} times`);
      }
      if (!['sent', 'failed', 'skipped'].includes(d.status)) {
        violations.push(`${d.channel} delivery ${d.id} left ${d.status}`);
      }
    }
    const known = new Set(deliveries.map((d) => d.id));
    for (const id of hooks.keys()) {
      if (!known.has(id)) violations.push(`webhook received for unknown delivery ${id}`);
    }

    // 7. No 5xx outside a fault (and its grace): with no faults, none at all.
    const grace = o.graceMs ?? 0;
    const fiveHundreds = o.history.ops.filter((op) => (op.status ?? 0) >= 500);
    for (const op of fiveHundreds) {
      const at = op.answeredAt!;
      const inFault = (o.faults ?? []).some((f) => op.sentAt <= f.to + grace && at >= f.from);
      if (!inFault) {
        violations.push(
          `${op.status} ${op.detail ?? ''} outside a fault: #${op.id} ${op.kind} at ${new Date(at).toISOString()}`,
        );
      }
    }

    const outcomes = o.history.outcomes();
    const columns = [...new Set(Object.values(outcomes).flatMap((r) => Object.keys(r)))].sort();
    const lines = [
      `| operation | ${columns.join(' | ')} |`,
      `|---|${columns.map(() => '---:').join('|')}|`,
      ...Object.entries(outcomes).map(
        ([kind, row]) => `| ${kind} | ${columns.map((c) => row[c] ?? 0).join(' | ')} |`,
      ),
      '',
      `cases filed: ${all.length}; SLA check jobs of open stages: ${slaJobs}; deliveries: ${Object.entries(
        status,
      )
        .map(([k, n]) => `${k} ${n}`)
        .join(
          ', ',
        )}; mails caught ${o.mailIds().length}; webhooks received ${o.webhook.received.length}`,
      `5xx answers: ${fiveHundreds.length}${fiveHundreds.length ? ` (${summarizeFiveHundreds(fiveHundreds)})` : ''}`,
      `violations: ${violations.length}`,
    ];
    return { violations, table: lines.join('\n') };
  } finally {
    await db.end();
  }
}

function summarizeFiveHundreds(ops: Op[]): string {
  const by = new Map<string, number>();
  for (const op of ops) {
    const k = `${op.status} ${op.detail ?? ''}`.trim();
    by.set(k, (by.get(k) ?? 0) + 1);
  }
  return [...by].map(([k, n]) => `${k} ×${n}`).join(', ');
}
