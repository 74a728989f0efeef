import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Client } from 'pg';
import { Api } from './lib/api';
import { DEMO_EMAILS, heapMb, sleep, waitUntilSequenced, type Bench, type Who } from './lib/bench';
import { writeDocs } from './lib/docs';
import { AuditFactory, CaseFactory } from './lib/generate';
import {
  connect,
  dropIndexes,
  loadAudit,
  loadCases,
  recreateIndexes,
  setReferenceSequences,
  type DroppedIndex,
} from './lib/load-data';
import { describeMachine } from './lib/machine';
import { parseOptions, SCENARIOS, UsageError, type ScenarioName } from './lib/options';
import { Processes, rssMb } from './lib/processes';
import { Report, textTable } from './lib/report';
import {
  BENCH_REDIS_URL,
  countRedisKeys,
  createDatabase,
  databaseExists,
  databaseName,
  databaseUrl,
  deleteRedisKeys,
  dropDatabase,
  newRunId,
  redisPrefix,
  removeStaleRuns,
} from './lib/resources';
import { fmt } from './lib/stats';
import { addPopulation, loadWorld } from './lib/world';
import { exportScenario, proofsScenario, verifyScenario } from './scenarios/audit';
import { listScenario } from './scenarios/list';
import { documentsScenario } from './scenarios/documents';
import { detailScenario, fundingAtScaleScenario, fundingScenario } from './scenarios/reads';
import { reportScenario } from './scenarios/report';
import { filingScenario, routingScenario } from './scenarios/writes';

/** `npm run bench`: see docs/benchmarks.md. */

const ROOT = join(__dirname, '..', '..');
const log = (text: string): void => void process.stdout.write(`${text}\n`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function until(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  alive?: () => boolean,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (alive && !alive()) throw new Error(`${what}: the process ended`);
    if (Date.now() > deadline) throw new Error(`${what}: not in ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const { scale } = options;
  const has = (name: ScenarioName): boolean => options.only.has(name);
  const started = Date.now();
  for (const entry of ['main', 'worker', 'cli']) {
    if (!existsSync(join(ROOT, 'dist', `${entry}.js`))) {
      throw new Error(
        `dist/${entry}.js is missing: run the bench with "npm run bench" (it builds first)`,
      );
    }
  }

  const runId = newRunId();
  const dbName = databaseName(runId);
  const dbUrl = databaseUrl(dbName);
  const prefix = redisPrefix(runId);
  const jwtSecret = randomBytes(32).toString('hex');
  const password = `bench-${randomBytes(8).toString('hex')}`;
  const cwd = mkdtempSync(join(tmpdir(), `brug-bench-${runId}-`));
  const processes = new Processes();
  const report = new Report();
  let db: Client | undefined;

  // ---- leaving nothing behind, whatever happens
  let cleaning: Promise<void> | undefined;
  const cleanup = (): Promise<void> =>
    (cleaning ??= (async () => {
      await processes.stopAll().catch(() => processes.killAllNow());
      await db?.end().catch(() => undefined);
      await dropDatabase(dbName).catch((e: unknown) =>
        log(`Could not drop ${dbName}: ${String(e)}`),
      );
      await deleteRedisKeys(`${prefix}*`).catch((e: unknown) =>
        log(`Could not delete keys: ${String(e)}`),
      );
      rmSync(cwd, { recursive: true, force: true });
    })());
  const leftBehind = async (): Promise<string> => {
    const left: string[] = [];
    if (await databaseExists(dbName).catch(() => true)) left.push(`database ${dbName}`);
    const keys = await countRedisKeys(`${prefix}*`).catch(() => -1);
    if (keys !== 0) left.push(`${keys} Redis keys under ${prefix}`);
    return left.length
      ? `LEFT BEHIND: ${left.join(', ')}`
      : 'Left behind: nothing (database dropped, Redis keys deleted, processes ended).';
  };
  const abort = (why: string, code: number): void => {
    log(`\n${why}: stopping and cleaning up…`);
    void cleanup()
      .then(leftBehind)
      .then(log)
      .finally(() => process.exit(code));
  };
  let signalled = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (signalled) {
        processes.killAllNow();
        process.exit(130);
      }
      signalled = true;
      abort(signal, 130);
    });
  }
  // A closed pipe (`npm run bench | head`) must not end the run before it has cleaned up.
  process.stdout.on('error', () => undefined);
  process.on('uncaughtException', (error) => {
    process.stderr.write(`bench: ${error.stack ?? error.message}\n`);
    if (!signalled) {
      signalled = true;
      abort('uncaught error', 1);
    }
  });
  process.on('exit', () => processes.killAllNow());

  const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    log(`\n▸ ${name}`);
    const result = await work();
    report.phases[name] = (Date.now() - t0) / 1000;
    log(`  (${fmt((Date.now() - t0) / 1000)} s)`);
    return result;
  };

  let failed = 0;
  try {
    const stale = await removeStaleRuns();
    if (stale.length) log(`Removed what crashed bench runs left: ${stale.join(', ')}`);
    log(`Brug bench, scale ${scale.name}, scenarios ${[...options.only].join(', ')}`);
    log(`Database ${dbName}, Redis prefix ${prefix}`);

    const port = await freePort();
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: dbUrl,
      DATABASE_CREATE: 'false',
      REDIS_URL: BENCH_REDIS_URL,
      REDIS_PREFIX: prefix,
      JWT_SECRET: jwtSecret,
      // The checkpoints' Ed25519 key (required in production), new for every run.
      AUDIT_SIGNING_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'warn',
      WORKERS: 'off',
      // As the Dockerfile runs Brug: glibc keeps fewer per-thread arenas (argon2 hashes on the
      // thread pool) and maps each password hash's block afresh, which keeps the resident
      // memory down.
      MALLOC_ARENA_MAX: '2',
      MALLOC_MMAP_THRESHOLD_: '131072',
      // And with the image's heap limit (ADR 48): V8 collects before the heap quadruples; and its
      // semi-spaces of 8 MB (ADR 52).
      NODE_OPTIONS: '--max-old-space-size=1536 --max-semi-space-size=8',
      // Documents in the run's own directory (the raw baseline writes beside it).
      DOCUMENT_STORE: 'fs',
      DOCUMENT_DIR: join(cwd, 'documents'),
      DOCUMENT_UPLOAD_DIR: join(cwd, 'uploads'),
      DOCUMENT_MAX_BYTES: String(Math.max(scale.documentBytes + 1024 * 1024, 100 * 1024 * 1024)),
    };
    const cli = async (args: string[]): Promise<void> => {
      const name = `cli ${args[0]}`;
      const child = processes.start(name, [join(ROOT, 'dist', 'cli.js'), ...args], {
        cwd,
        // The demo users are seeded outside production only.
        env: { ...env, NODE_ENV: 'development', DEMO_PASSWORD: password },
      });
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      if (code !== 0)
        throw new Error(`brug ${args.join(' ')} failed:\n${out}${processes.tail(name)}`);
      for (const line of out.trim().split('\n')) if (line) log(`  ${line}`);
    };

    const { machine, restRss, heap } = await phase('Database, migrations, seed, Brug', async () => {
      await createDatabase(dbName);
      await cli(['migration:run']);
      await cli(['seed']);
      db = await connect(dbUrl);
      const machine = await describeMachine(db);
      await addPopulation(db);
      const profile = options.profile
        ? ['--cpu-prof', `--cpu-prof-dir=${join(ROOT, 'bench', 'tmp', 'profiles')}`]
        : [];
      // Node and V8 flags for experiments (e.g. --max-old-space-size=128), given on the command
      // line of the API and the worker (NODE_OPTIONS refuses most V8 flags); recorded in the
      // run's table.
      const nodeFlags = (process.env.BENCH_NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean);
      const api = processes.start(
        'api',
        [...profile, ...nodeFlags, join(ROOT, 'dist', 'main.js')],
        {
          cwd,
          env,
        },
      );
      processes.follow('api', api);
      // The worker process runs the audit sequencer (its default follows WORKERS, off above).
      const worker = processes.start('worker', [...nodeFlags, join(ROOT, 'dist', 'worker.js')], {
        cwd,
        env: { ...env, AUDIT_SEQUENCER: 'on' },
      });
      processes.follow('worker', worker);
      await until(
        'The API',
        async () => (await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200,
        60_000,
        () => processes.isRunning('api'),
      ).catch((e: Error) => {
        throw new Error(`${e.message}\n${processes.tail('api')}`);
      });
      // The worker is up when its outbox relay listens.
      await until(
        'The worker',
        async () =>
          (
            await db!.query(
              `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'brug-relay'`,
            )
          ).rowCount === 1,
        60_000,
        () => processes.isRunning('worker'),
      ).catch((e: Error) => {
        throw new Error(`${e.message}\n${processes.tail('worker')}`);
      });
      // At rest: started, nothing asked yet (a sign-in's argon2 alone adds tens of MB).
      await sleep(1000);
      return {
        machine,
        restRss: rssMb(processes.pid('api')),
        heap: await heapMb(`http://127.0.0.1:${port}`),
      };
    });

    const world = await loadWorld(db!);
    const api = new Api(`http://127.0.0.1:${port}`);
    const tokens = {} as Record<Who, string>;
    for (const [who, email] of Object.entries(DEMO_EMAILS))
      tokens[who as Who] = await api.token(email, password);
    const afterSignIns = rssMb(processes.pid('api'));
    const factory = new CaseFactory(world, scale.cases, Date.now());
    const bench: Bench = {
      options,
      scale,
      runId,
      databaseUrl: dbUrl,
      redisPrefix: prefix,
      jwtSecret,
      api,
      processes,
      db: db!,
      world,
      factory,
      tokens,
      report,
      loadedFrom: scale.cases,
      loadedEvents: null,
      restRssMb: { afterStart: restRss, heap, afterSignIns },
      startedAt: (await db!.query<{ now: Date }>('SELECT now()')).rows[0]!.now,
    };
    const scenario = async (name: string, work: () => Promise<void>): Promise<void> => {
      try {
        await phase(name, work);
      } catch (error) {
        if (signalled) throw error;
        failed++;
        const message = error instanceof Error ? error.message : String(error);
        log(`  FAILED: ${message}`);
        report.add({
          scenario: name,
          what: 'failed',
          brug: `FAILED: ${message.split('\n')[0]}`,
          baseline: '—',
          ratio: '—',
          data: { error: message },
        });
      }
    };

    // ---- the funded cases first: the funding views at the issue's sizes
    const fundedFrom = scale.cases - scale.fundingCases;
    await phase(
      `Generate the ${fmt(scale.fundingCases)} newest cases with ${fmt(scale.fundingEntries)} funding entries`,
      async () => {
        await loadCases(dbUrl, factory, [fundedFrom, scale.cases], {
          parallel: 1,
          funding: { world, perCase: Math.round(scale.fundingEntries / scale.fundingCases) },
        });
        await setReferenceSequences(bench.db, factory);
        // Loaded with triggers off: the kept funding totals and the management report's
        // counters are recounted once (ADR 37, ADR 45).
        await bench.db.query('SELECT funding_totals_rebuild()');
        await bench.db.query('SELECT report_counts_rebuild()');
        await bench.db.query('ANALYZE');
        bench.loadedFrom = fundedFrom;
      },
    );
    if (has('funding')) await scenario('funding', () => fundingScenario(bench));
    if (has('documents')) {
      await scenario('documents', () => documentsScenario(bench, env.DOCUMENT_DIR));
    }

    // ---- the rest of the history
    // The funding views are measured again over the whole history (issue 18, acceptance 7).
    // The proofs scenario asks for the bundles of the busiest cases: they must exist.
    const needCases = (
      ['list', 'detail', 'funding', 'filing', 'routing', 'memory', 'report', 'proofs'] as const
    ).some(has);
    const needAudit = has('verify') || has('export') || has('proofs');
    if (needCases || needAudit) {
      await phase('Generate the history (COPY), rebuild indexes, VACUUM ANALYZE', async () => {
        const dropped: DroppedIndex[] = [];
        if (needCases) {
          dropped.push(
            ...(await dropIndexes(bench.db, [
              'cases',
              'case_domains',
              'case_notes',
              'case_status_changes',
            ])),
          );
          await loadCases(dbUrl, factory, [0, fundedFrom], { parallel: 2 });
          bench.loadedFrom = 0;
          log(`  ${fmt(scale.cases)} cases`);
        }
        if (needAudit) {
          dropped.push(...(await dropIndexes(bench.db, ['audit_events'])));
          await loadAudit(
            dbUrl,
            new AuditFactory(world, factory, scale.auditEvents),
            scale.auditEvents,
          );
          bench.loadedEvents = scale.auditEvents;
          log(`  ${fmt(scale.auditEvents)} audit events`);
        }
        await recreateIndexes(dbUrl, dropped);
        if (needAudit) {
          // The worker's sequencer makes the loaded events leaves, 2,000 a signed checkpoint.
          const waited = await waitUntilSequenced(bench.db, 1_800_000);
          log(`  sequenced ${fmt(waited / 1000)} s after the indexes were back`);
        }
        if (needCases) {
          await bench.db.query('SELECT funding_totals_rebuild()');
          await bench.db.query('SELECT report_counts_rebuild()');
        }
        await setReferenceSequences(bench.db, factory);
        await bench.db.query('VACUUM ANALYZE');
        await bench.db.query('CHECKPOINT');
      });
    }
    const [{ cases, events, entries }] = (
      await bench.db.query<{ cases: number; events: number; entries: number }>(
        `SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM audit_events) AS events,
                (SELECT count(*)::int FROM funding_entries) AS entries`,
      )
    ).rows as [{ cases: number; events: number; entries: number }];
    machine.data =
      `${fmt(cases)} cases (the newest ${fmt(scale.fundingCases)} with ${fmt(entries)} funding entries), ` +
      `${fmt(events)} audit events`;

    if (has('list')) await scenario('list', () => listScenario(bench));
    if (has('detail')) await scenario('detail', () => detailScenario(bench));
    if (has('report')) await scenario('report', () => reportScenario(bench));
    if (has('verify')) await scenario('verify', () => verifyScenario(bench));
    if (has('export')) await scenario('export', () => exportScenario(bench));
    if (has('proofs')) await scenario('proofs', () => proofsScenario(bench));
    if (has('funding') && needCases)
      await scenario('funding at scale', () => fundingAtScaleScenario(bench));
    if (has('filing') || has('memory')) {
      await scenario('filing', () =>
        filingScenario(bench, { filing: has('filing'), memory: has('memory') }),
      );
    }
    if (has('routing')) await scenario('routing', () => routingScenario(bench));

    await phase('Audit log after the writes', async () => {
      await waitUntilSequenced(bench.db, scale.drainTimeoutSeconds * 1000);
      const [{ n }] = (
        await bench.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events')
      ).rows as [{ n: number }];
      const { body } = await bench.api.get<{ valid: boolean; leaves?: number; reason?: string }>(
        '/api/v1/audit/verify',
        bench.tokens.auditor,
        600_000,
      );
      // Every event written so far is a leaf (the workers may have written more since).
      if (!body.valid || (body.leaves ?? 0) < n) {
        throw new Error(`The audit log after the writes: ${JSON.stringify(body)} for ${n} events`);
      }
      report.note(
        `The audit log is valid after every write of the run: ${fmt(n)} events, every one a leaf of the signed tree (GET /audit/verify).`,
      );
    });

    machine.seconds = (Date.now() - started) / 1000;
    log(
      `\n${textTable(
        ['scenario', 'measured', 'Brug', 'raw baseline', 'ratio'],
        report.rows.map((r) => [r.scenario, r.what, r.brug, r.baseline, r.ratio]),
      )}`,
    );
    log(
      `\n${textTable(
        ['goal', 'measured', 'met'],
        report.goals.map((g) => [g.goal, g.measured, g.met ? 'yes' : 'NO']),
      )}`,
    );
    for (const note of report.notes) log(`- ${note}`);

    const partial = SCENARIOS.some((s) => !has(s));
    const resultsDir = join(ROOT, 'bench', 'results');
    mkdirSync(resultsDir, { recursive: true });
    const resultsFile = join(
      resultsDir,
      `${machine.date.slice(0, 10)}-${scale.name}${partial ? '-partial' : ''}.json`,
    );
    writeFileSync(
      resultsFile,
      `${JSON.stringify({ machine, scale, scenarios: [...options.only], phases: report.phases, rows: report.rows, goals: report.goals, notes: report.notes }, null, 2)}\n`,
    );
    log(`\nWrote ${relative(ROOT, resultsFile)}`);
    if ((scale.name === 'full' && !partial && failed === 0) || options.docs) {
      const docs = join(ROOT, 'docs', 'benchmarks.md');
      await writeDocs(docs, report, machine, scale, partial, relative(ROOT, resultsFile));
      log(`Wrote ${relative(ROOT, docs)}`);
    }
  } finally {
    await cleanup();
    log(`\n${await leftBehind()}`);
  }
  log(
    `Done in ${fmt((Date.now() - started) / 60_000)} minutes${failed ? `; ${failed} scenario(s) failed` : ''}.`,
  );
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `\nbench: ${error instanceof UsageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
