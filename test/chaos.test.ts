import { randomBytes } from 'node:crypto';
import { FAULT_KINDS, runChaos } from './support/chaos';
import { ADMIN_DATABASE_URL, databasePrefix } from './support/test-env';

/**
 * Issue 20, item 2: a short fixed-seed chaos run — the scaled-out Brug under a client load with
 * one fault of each kind, drawn in a seeded order; the history checker finds no violation. Bound
 * by the number of faults, not by time (`npm run chaos` runs the long version).
 */
describe('chaos: a fixed-seed fault schedule with a history checker', () => {
  it('keeps every invariant through one fault of each kind', async () => {
    const lines: string[] = [];
    const report = await runChaos({
      seed: 7,
      seconds: 0,
      eachKindOnce: true,
      adminUrl: ADMIN_DATABASE_URL,
      name: `${databasePrefix()}chaos_${randomBytes(3).toString('hex')}`,
      clients: 3,
      log: (line) => lines.push(line),
    });
    if (report.violations.length) {
      throw new Error(`${lines.join('\n')}\n${report.table}\n${report.violations.join('\n')}`);
    }
    expect(report.violations).toEqual([]);
    expect(report.faults).toHaveLength(FAULT_KINDS.length);
  }, 1_200_000);
});
