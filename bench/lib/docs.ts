import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import type { Machine } from './machine';
import type { Scale } from './options';
import { markdownTable, type Report } from './report';
import { fmt } from './stats';

const FINDINGS_START = '<!-- findings:start -->';
const FINDINGS_END = '<!-- findings:end -->';

const METHOD = `
## How the bench works

- **Its own Brug.** The production build (\`npm run build:api\`), a database of its own
  (\`brug_bench_<run>\`, migrated and seeded with the operators' CLI), its own Redis key prefix
  (\`brug-bench-<run>\`), \`node dist/main.js\` with \`WORKERS=off\` and a separate
  \`node dist/worker.js\`, both with \`NODE_ENV=production\` and \`LOG_LEVEL=warn\`, on loopback.
  The pool sizes, worker concurrency and every other setting are Brug's defaults.
- **Data, generated fast.** Cases, their domains, the funding ledger and the audit trail are
  generated in the bench process and streamed in with \`COPY\` (never through the API), with
  foreign-key triggers off for the loading session and the secondary indexes of \`cases\`,
  \`case_domains\` and \`audit_events\` dropped during the load and re-created from their own
  definitions afterwards (so they are freshly built); then \`VACUUM ANALYZE\` and a checkpoint. Cases are
  filed about 340 a day, eight years for a million; young cases are open, old ones mostly closed
  (about 3 % open in all); lead domains follow the city's weight (energy 20 %, housing 18 %, …),
  one to four domains a case; more municipal units, buyers and staff (some of whom have left)
  are added to the seed. The audit events are written as Brug's writer writes them (canonical
  data and its \`dataHash\` with Brug's own \`canonicalJson\`/\`dataHashOf\`, no leaf yet); the
  worker's sequencer then makes them leaves of the signed tree, 2,000 a checkpoint, before any
  scenario runs, so \`GET /audit/verify\` finds the log valid. The ledger
  entries are shaped by Brug's own \`applyEntry\` and checked against the invariants after the load.
  Each case's status history is generated as far as its status got (the management report's
  stage medians read it), and up to two notes on a worked case. Not generated: outbox rows,
  deliveries (no measured path reads them).
- **Funding** is measured before the rest of the history is loaded, while the database holds
  exactly the funded cases (the newest ones) and their entries; the gaps view is measured again
  over the whole history for information.
- **Load from another process**: \`autocannon\` (through its API) in a child process of the bench,
  on keep-alive connections, for a fixed time; latencies are the raw response times of 2xx answers.
  A steady rate (routing) is paced by the child itself: request n leaves at n / rate seconds
  whether earlier ones were answered or not, and its latency counts from that moment
  (autocannon's \`overallRate\` sends each second's quota in a burst at the start of the second).
- **Baselines in the same run.** Filing: the same rows (case, domains, status change, outbox
  event, audit event written as Brug writes it, without a lock) with \`pg\`, one transaction a case, at
  the same concurrency, from a child process; its outbox rows are written as published, so the
  workers stay idle. Routing: a bare BullMQ \`add\` → processed round trip (no-op processor,
  concurrency 5) on the same Redis, at the same rate. Case list: the same SQL (Brug's own
  \`buildListQuery\`, same parameters and cursor) under \`EXPLAIN ANALYZE\` (planning + execution,
  median of several), and the stack's floor (issue 21): a bare Node \`http\` server
  (\`bench/floor-server.ts\`) with a \`pg\` pool of Brug's size that answers the same URL with
  Brug's own statements (the page, prepared unless a search, and the count with Brug's own
  \`readWithSetting\` where Brug counts) and writes a JSON page of the same number of bytes as
  Brug's, no sign-in, no framework; loaded by the same child right after Brug, at 1 and 16
  clients. Verify: SHA-256 over exactly the bytes the verification hashes per leaf
  (the canonical data, and 0x00 and the leaf text), prepared beforehand and checked against the
  stored \`data_hash\` and leaf hashes; only the hashing is timed (the tree adds about one node
  hash per leaf on top). Brug's own filing without the audit: the same HTTP load while a
  bench-only \`BEFORE INSERT\` trigger on \`audit_events\` drops the rows (the API still builds
  and sends each event; nothing is stored, indexed, logged or sequenced), removed right after.
  Inclusion proofs: the proof's tree nodes read from \`pg\` by their keys in one query. Case
  bundles: the case's events read raw. Sequencing delay: \`sequenced_at − occurred_at\` of the
  events written during the filing load (the event's time is taken just before its commit),
  beside the sequencer's poll interval. Export: \`COPY audit_events TO
  STDOUT\` of the table; three rounds of the export and of its baseline, alternated, and the
  row gives the medians (the memory goal the largest growth of a round).
- **Deep pages** start at the middle of each filter's whole result: the bench finds that row with
  \`OFFSET\` and signs its cursor as Brug does.
- **Routing latency** is measured from the moment the client received the \`201\` to the
  \`case.routed\` audit event (written just before the routing transaction commits);
  \`filed_at → routed_at\` is given beside it.
- **Memory** is the resident set size (\`VmRSS\` in \`/proc/<pid>/status\`), sampled every 25–100 ms.
- **Documents** (issue 16): one document of \`BENCH_DOCUMENT_MB\` (1 GB by default) streamed
  as multipart to \`POST /cases/{id}/documents\` with the \`fs\` store in the run's directory,
  then downloaded and hashed; the API's RSS growth is its peak during each transfer minus its
  RSS just before. Baseline: the same bytes written with one stream and fsynced, then read and
  hashed, by the bench in the same directory, just before.
- **Nothing is left behind**: the database is dropped, the Redis keys under the prefix deleted
  (\`SCAN MATCH\`, never \`FLUSHALL\`), every process ended, also on failure and on Ctrl-C;
  databases and keys of bench runs that crashed more than six hours ago are removed at start.
`;

function keptFindings(path: string): string {
  if (!existsSync(path)) return '';
  const text = readFileSync(path, 'utf8');
  const a = text.indexOf(FINDINGS_START);
  const b = text.indexOf(FINDINGS_END);
  return a >= 0 && b > a ? text.slice(a + FINDINGS_START.length, b).trim() : '';
}

export async function writeDocs(
  path: string,
  report: Report,
  machine: Machine,
  scale: Scale,
  partial: boolean,
  resultsFile: string,
): Promise<void> {
  const findings = keptFindings(path);
  const goalsMet = report.goals.filter((g) => g.met).length;
  const text = `# Benchmarks

\`npm run bench\` starts a Brug of its own, fills it with generated data, measures each scenario
of issue 8 against the raw limit of the same machine in the same run, prints a table, and writes
this page and \`${resultsFile}\`. The machines are shared and noisy: read the ratios
rather than the absolute numbers.

\`\`\`sh
npm run bench                     # full: 1,000,000 cases and audit events (about 25 minutes)
npm run bench -- --scale small    # a quick check (under 3 minutes)
npm run bench -- --only list,detail --scale small
\`\`\`

Scenarios: \`funding\`, \`list\`, \`detail\`, \`verify\`, \`export\`, \`proofs\`, \`filing\`, \`routing\`,
\`memory\`, \`documents\` (a 1 GB document, \`BENCH_DOCUMENT_MB\` sets another size; \`BENCH_AUDIT_EVENTS\` sets how many audit events are loaded). A full run of every scenario rewrites this page; other runs print their table and
write their JSON only (\`--docs\` writes this page anyway). PostgreSQL and Redis are found at
\`BENCH_DATABASE_URL\` (default \`postgres://postgres@127.0.0.1:5432/postgres\`) and
\`BENCH_REDIS_URL\` (default \`redis://127.0.0.1:6379\`); \`BENCH_NODE_OPTIONS\` passes Node and
V8 flags to Brug's API and worker, on their command line, for experiments (e.g.
\`--heap-growing-percent=50\`); the run's table records them. Brug's API and worker run as the Dockerfile starts them:
\`NODE_OPTIONS="--max-old-space-size=1536 --max-semi-space-size=8"\` (ADR 48, ADR 52),
\`MALLOC_ARENA_MAX=2\`, \`MALLOC_MMAP_THRESHOLD_=131072\`.

## The run

${markdownTable(
  ['', 'this run'],
  [
    ['date', machine.date],
    ['scale', `${scale.name}${partial ? ' (some scenarios only)' : ''}`],
    ['data', machine.data],
    [
      'machine',
      `${machine.cores} cores (${machine.cpu}), ${fmt(machine.memoryGb)} GB memory, ${machine.os}`,
    ],
    ['PostgreSQL', machine.postgres],
    ['Redis', machine.redis],
    ['Node.js', machine.node],
    ['Brug', machine.commit],
    ['load average at start', machine.loadAverage],
    ['duration', `${fmt(machine.seconds / 60)} minutes`],
  ],
)}

## Results

${markdownTable(
  ['scenario', 'measured', 'Brug', 'raw baseline (same run)', 'ratio Brug / baseline'],
  report.rows.map((r) => [r.scenario, r.what, r.brug, r.baseline, r.ratio]),
)}

## Goals

${goalsMet} of ${report.goals.length} met.

${markdownTable(
  ['goal', 'measured', 'met'],
  report.goals.map((g) => [g.goal, g.measured, g.met ? 'yes' : '**no**']),
)}
${report.notes.length ? `\n${report.notes.map((n) => `- ${n}`).join('\n')}\n` : ''}
## Findings

${FINDINGS_START}
${findings || '_What the numbers say, and what in Brug they point at, is written here by hand; the bench keeps this section when it rewrites the page._'}
${FINDINGS_END}
${METHOD}`;
  const options = (await resolveConfig(path)) ?? {};
  writeFileSync(path, await format(text, { ...options, filepath: path }));
}
