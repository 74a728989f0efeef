import type { Bench } from '../lib/bench';
import { ms } from '../lib/report';
import { fmt, summarise } from '../lib/stats';

/** Requests per period, after two unmeasured ones (the plans and the caches warm up). */
const RUNS = 10;

/**
 * The management report (issue 19, item 5; docs/reports.md) over the whole history: the
 * dashboard's default period (the last 91 days) and the longest (two years), one client, as a
 * team lead (staff: every case) and, for two years, as the municipality's contract manager (a
 * buyer: their unit's cases). Acceptance 5's goal: under 300 ms at 1,000,000 cases.
 */
export async function reportScenario(bench: Bench): Promise<void> {
  const cases = bench.factory.total - bench.loadedFrom;
  const today = new Date().toISOString().slice(0, 10);
  const twoYearsAgo = new Date(Date.now() - 730 * 86_400_000).toISOString().slice(0, 10);
  const twoYears = `/api/v1/reports/management?from=${twoYearsAgo}&to=${today}`;
  const periods = [
    ['91 days (the default), a team lead', '/api/v1/reports/management', 'staff'],
    ['two years, a team lead', twoYears, 'staff'],
    ['two years, the contract manager (a buyer: their unit)', twoYears, 'buyer'],
  ] as const;
  const medians: number[] = [];
  for (const [label, path, who] of periods) {
    const token = bench.tokens[who];
    for (let i = 0; i < 2; i++) await bench.api.get(path, token);
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) samples.push((await bench.api.get(path, token)).ms);
    const s = summarise(samples);
    medians.push(s.p50);
    bench.report.add({
      scenario: 'management report',
      what: `GET /reports/management, ${label}, 1 client, ${fmt(cases)} cases`,
      brug: `p50 ${ms(s.p50)} / max ${ms(s.max)} (${RUNS} requests)`,
      baseline: '—',
      ratio: '—',
      data: { label, ...s },
    });
  }
  const worst = Math.max(...medians);
  bench.report.goal(
    `Management report, ${fmt(cases)} cases: median under 300 ms for a period of up to two years`,
    `worst median ${ms(worst)}`,
    worst < 300,
  );
}
