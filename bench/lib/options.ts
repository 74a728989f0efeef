/** Command line and scale of a bench run. */

export const SCENARIOS = [
  'funding',
  'list',
  'detail',
  'verify',
  'export',
  'proofs',
  'filing',
  'routing',
  'memory',
  'documents',
  'report',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export type ScaleName = 'small' | 'full';

export interface Scale {
  name: ScaleName;
  /** Cases in the database for the read scenarios (the funded ones included). */
  cases: number;
  /** The newest this many cases carry the funding ledger. */
  fundingCases: number;
  fundingEntries: number;
  /** Audit events loaded (`BENCH_AUDIT_EVENTS` overrides it). */
  auditEvents: number;
  filingSeconds: number;
  filingConnections: number;
  routingSeconds: number;
  routingRate: number;
  bullmqSeconds: number;
  listSeconds: number;
  detailSeconds: number;
  fundingRepeats: number;
  explainRepeats: number;
  /** How long the queues may take to drain after a write scenario. */
  drainTimeoutSeconds: number;
  /** The size of the document uploaded and downloaded (`BENCH_DOCUMENT_MB` overrides it). */
  documentBytes: number;
}

/** The audit events loaded (`BENCH_AUDIT_EVENTS` overrides it, for the log's rows alone). */
const auditEvents = (fallback: number): number =>
  process.env.BENCH_AUDIT_EVENTS ? Number(process.env.BENCH_AUDIT_EVENTS) : fallback;

const documentBytes = (fallback: number): number =>
  process.env.BENCH_DOCUMENT_MB ? Number(process.env.BENCH_DOCUMENT_MB) * 1024 * 1024 : fallback;

export const SCALES: Record<ScaleName, Scale> = {
  small: {
    name: 'small',
    cases: 20_000,
    fundingCases: 1_000,
    fundingEntries: 10_000,
    auditEvents: auditEvents(50_000),
    filingSeconds: 5,
    filingConnections: 32,
    routingSeconds: 10,
    routingRate: 50,
    bullmqSeconds: 5,
    listSeconds: 1,
    detailSeconds: 2,
    fundingRepeats: 5,
    explainRepeats: 3,
    drainTimeoutSeconds: 60,
    documentBytes: documentBytes(256 * 1024 * 1024),
  },
  full: {
    name: 'full',
    cases: 1_000_000,
    fundingCases: 10_000,
    fundingEntries: 100_000,
    auditEvents: auditEvents(1_000_000),
    filingSeconds: 20,
    filingConnections: 32,
    routingSeconds: 30,
    routingRate: 50,
    bullmqSeconds: 10,
    listSeconds: 3,
    detailSeconds: 5,
    fundingRepeats: 10,
    explainRepeats: 5,
    drainTimeoutSeconds: 240,
    documentBytes: documentBytes(1024 * 1024 * 1024),
  },
};

export interface Options {
  scale: Scale;
  only: Set<ScenarioName>;
  /** Write docs/benchmarks.md even for a partial or small run. */
  docs: boolean;
  /** Start the API with --cpu-prof (profiles land in bench/tmp/profiles). */
  profile: boolean;
}

const USAGE = `Usage: npm run bench -- [--scale small|full] [--only <name>[,<name>…]] [--docs] [--profile]

Scenarios: ${SCENARIOS.join(', ')}
--scale    small: a quick check (under 3 minutes); full (default): 1,000,000 cases and events
--only     run only these scenarios (repeatable, or comma separated)
--docs     write docs/benchmarks.md even for a small or partial run (a full run always does)
--profile  start the API with --cpu-prof; profiles are kept in bench/tmp/profiles
`;

export class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\n\n${USAGE}`);
  }
}

export function parseOptions(argv: string[]): Options {
  let scale: ScaleName = 'full';
  const only = new Set<ScenarioName>();
  let docs = false;
  let profile = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? arg.split('=', 2) : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--scale': {
        const v = value();
        if (v !== 'small' && v !== 'full') throw new UsageError(`--scale is small or full`);
        scale = v;
        break;
      }
      case '--only':
        for (const name of value().split(',')) {
          const n = name.trim();
          if (!(SCENARIOS as readonly string[]).includes(n)) {
            throw new UsageError(`Unknown scenario "${n}"`);
          }
          only.add(n as ScenarioName);
        }
        break;
      case '--docs':
        docs = true;
        break;
      case '--profile':
        profile = true;
        break;
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        process.exit(0);
        break;
      default:
        throw new UsageError(`Unknown argument "${arg}"`);
    }
  }
  return {
    scale: SCALES[scale],
    only: only.size ? only : new Set(SCENARIOS),
    docs,
    profile,
  };
}
