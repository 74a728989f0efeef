import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { runChaos } from '../test/support/chaos';

/**
 * `npm run chaos -- [--seconds 120] [--seed N]`: the scaled-out Brug (2 API, 2 worker processes)
 * under a steady client load and a seeded schedule of faults; prints the history checker's
 * table and exits 1 on any invariant violation (docs/reliability.md).
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '120' },
      seed: { type: 'string', default: '1' },
      faults: { type: 'string' },
    },
  });
  const seconds = Number(values.seconds);
  const seed = Number(values.seed);
  if (!Number.isFinite(seconds) || seconds <= 0 || !Number.isInteger(seed)) {
    process.stderr.write('Usage: npm run chaos -- [--seconds 120] [--seed N] [--faults N]\n');
    return 2;
  }
  const adminUrl =
    process.env.BRUG_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const started = Date.now();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log(`chaos: seed ${seed}, faults for ${seconds} s`);
  const report = await runChaos({
    seed,
    seconds,
    maxFaults: values.faults ? Number(values.faults) : undefined,
    adminUrl,
    name: `brug_chaos_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`,
    log,
  });
  log('');
  log(report.table);
  log('');
  log(`wall time ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (report.violations.length) {
    log(`\n${report.violations.length} invariant violations:`);
    for (const v of report.violations) log(`  ${v}`);
    return 1;
  }
  log('zero invariant violations');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `chaos: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(2);
  },
);
